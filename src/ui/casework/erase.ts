/**
 * Deleting a record whose retention period has run out. The deletion is first sealed as an
 * `incident.erased` event and delivered (so the log always shows that the record existed,
 * who deleted it, when and under which rule); only then is the endpoint asked to erase the
 * record's envelopes. If that second step fails the deletion stays logged and the retention
 * screen offers to finish it, so a dropped connection never leaves a record half-deleted
 * without trace.
 */
import type { UnlockedDslKeys } from '../../crypto/dsl-keys.ts';
import { openEnvelope, type Envelope } from '../../crypto/envelope.ts';
import type { IncidentErasedPayload } from '../../domain/case-events.ts';
import type { CaseSummary } from '../../domain/case-state.ts';
import { isEvidenceAddedPayload } from '../../domain/evidence-payload.ts';
import type { SafetrailDb } from '../../storage/db.ts';
import { listInbox } from '../../storage/inbox-repo.ts';
import type { ApiClient } from '../../sync/api-client.ts';
import { MAX_ERASURE_IDS } from '../../sync/protocol.ts';
import { knownDevices, type OpenedEvent } from '../wizard/opened-events.ts';

export function erasurePayload(
  s: CaseSummary,
  envelopes: number,
  by: string,
  now: Date,
): IncidentErasedPayload {
  return {
    type: 'incident.erased',
    incidentId: s.incidentId,
    reference: s.reference,
    categoryLabel: s.categoryLabel ?? '',
    ruleId: s.retention.ruleId ?? 'default',
    dueOn: s.retention.dueOn ?? '',
    envelopes,
    by,
    at: now.toISOString(),
  };
}

/**
 * The envelopes that make up a record on this console: its chronology's events and the
 * photo parts its device sent for it (opened only to read which incident they belong to).
 */
export async function recordEnvelopeIds(
  db: SafetrailDb,
  keys: UnlockedDslKeys,
  incidentId: string,
  events: readonly OpenedEvent[],
): Promise<string[]> {
  const ids = new Set(events.filter((e) => !e.pending).map((e) => e.id));
  const author = events.find((e) => e.kind === 'incident.created')?.device;
  const key = knownDevices()?.find((d) => d.id === author)?.publicKey;
  if (author && key) {
    for (const row of await listInbox(db)) {
      const e = JSON.parse(row.envelope) as Envelope;
      if (e.kind !== 'evidence.added' || e.device !== author) continue;
      try {
        const { payload } = await openEnvelope(e, keys.reader, key);
        if (isEvidenceAddedPayload(payload) && payload.incidentId === incidentId) ids.add(e.id);
      } catch {
        // A part that does not open here cannot be told apart; it stays.
      }
    }
  }
  return [...ids];
}

/** Asks the endpoint to erase the envelopes, in requests of at most MAX_ERASURE_IDS. */
export async function eraseAtEndpoint(api: ApiClient, ids: readonly string[]): Promise<number> {
  let erased = 0;
  for (let i = 0; i < ids.length; i += MAX_ERASURE_IDS) {
    erased += (await api.erase(ids.slice(i, i + MAX_ERASURE_IDS))).erased;
  }
  return erased;
}
