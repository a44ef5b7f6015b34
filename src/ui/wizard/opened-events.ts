/**
 * Everything this DSL can read about incidents, opened in memory: the pulled log (with
 * `key.granted` grants for records sealed before this DSL joined) and this console's own
 * events still waiting in its outbox, so a walk made offline is in the chronology (marked
 * "waiting to send") before it reaches the endpoint. Each envelope's device signature and
 * MAC are checked by opening it, in the open workers (src/crypto/open-pool.ts) so the page
 * stays responsive; plaintext is never written anywhere.
 *
 * Device public keys come from the endpoint's device list. It is kept in memory for the
 * session (it is public key material and device names, but the storage layer has no place
 * for it yet), so pages opened offline later in the session can still check signatures.
 */
import type { UnlockedDslKeys } from '../../crypto/dsl-keys.ts';
import type { Envelope } from '../../crypto/envelope.ts';
import type { PublicJwk } from '../../crypto/jwk.ts';
import type { GrantSlot } from '../../crypto/key-grant.ts';
import { openPool, type OpenJob } from '../../crypto/open-pool.ts';
import type { SafetrailDb } from '../../storage/db.ts';
import { listInbox } from '../../storage/inbox-repo.ts';
import { createOutboxStore } from '../../storage/outbox-repo.ts';
import type { DeviceRecord } from '../../storage/records.ts';
import type { ApiClient } from '../../sync/api-client.ts';
import type { DeviceInfo, PulledEnvelope } from '../../sync/protocol.ts';
import { collectGrants } from '../console/grants.ts';
import {
  cacheFor,
  KINDS,
  openedAhead,
  openedEarlier,
  openingAhead,
  toEvent,
  type OpenedEvent,
} from './opened-session.ts';

export type { OpenedEvent };

export interface OpenProgress {
  done: number;
  total: number;
}

export interface OpenProblem {
  id: string;
  problem: string;
}

export interface OpenedEvents {
  events: OpenedEvent[];
  problems: OpenProblem[];
}

let directory: DeviceInfo[] | null = null;

/** The school's devices, fetched now and kept for the session. */
export async function refreshDevices(api: ApiClient): Promise<DeviceInfo[]> {
  directory = (await api.listDevices()).devices;
  return directory;
}

/** The device list fetched earlier in this session, or null. */
export const knownDevices = (): DeviceInfo[] | null => directory;

/** Who may have sent what: the device list, and this console itself. */
function senders(self: DeviceRecord, devices: DeviceInfo[] | null) {
  const byId = new Map((devices ?? []).map((d) => [d.id, d]));
  return {
    keyOf: (id: string): PublicJwk | undefined =>
      id === self.deviceId ? self.publicKey : byId.get(id)?.publicKey,
    nameOf: (id: string) =>
      byId.get(id)?.name ?? (id === self.deviceId ? self.name : 'an unknown device'),
  };
}

/**
 * Hands records to the open workers as a pull brings them in (pullNew's `onPage`) and
 * returns at once, so the pull goes on fetching and storing while they open, and the next
 * page joins the workers' queue without waiting for this one; openConsoleEvents and
 * openInbox wait for them (openedAhead) before they look in this session's memory. Only
 * records sealed to this reader's own key, from a device in `devices`; anything else, and
 * anything that does not open, is left to openConsoleEvents, which opens it with the
 * grants in hand or reports the problem. The checks are the same (open-batch.ts).
 */
export async function openAhead(
  keys: UnlockedDslKeys,
  self: DeviceRecord,
  devices: DeviceInfo[],
  page: PulledEnvelope[],
): Promise<void> {
  const cache = cacheFor(keys.reader);
  const { keyOf, nameOf } = senders(self, devices);
  const todo = page.filter(({ envelope: e }) => {
    try {
      return (
        KINDS.has(e.kind) &&
        !(cache.get(e.id)?.pending === false) &&
        e.readers.some((r) => r.kid === keys.reader.kid) &&
        keyOf(e.device) !== undefined
      );
    } catch {
      return false; // malformed: openConsoleEvents reports it
    }
  });
  if (todo.length === 0) return;
  const jobs = todo.map(({ envelope }) => ({ envelope, deviceKey: keyOf(envelope.device)! }));
  const opening = openPool()
    .open(jobs, keys.reader)
    .then(async (outcomes) => {
      for (const [i, outcome] of outcomes.entries()) {
        // One that fails is left for openConsoleEvents, which tries again and says why.
        if (!outcome.ok) continue;
        const where = { logIndex: todo[i]!.logIndex, pending: false };
        const key = jobs[i]!.deviceKey;
        const event = await toEvent(outcome.header, outcome.payload, key, nameOf, where);
        cache.set(event.id, event);
      }
    })
    .catch(() => undefined); // what did not open is opened again, and reported, later
  openingAhead(keys.reader, opening);
}

interface Target {
  id: string;
  key: PublicJwk;
  where: { logIndex: number | null; pending: boolean };
}

export async function openConsoleEvents(
  db: SafetrailDb,
  keys: UnlockedDslKeys,
  self: DeviceRecord,
  devices: DeviceInfo[] | null,
  onProgress?: (p: OpenProgress) => void,
): Promise<OpenedEvents> {
  const cache = cacheFor(keys.reader);
  const { keyOf, nameOf } = senders(self, devices);

  openPool().warm(); // the workers start while the inbox is read
  // The inbox is read while the pages opened ahead finish: both come before the lookup.
  const [rows] = await Promise.all([listInbox(db), openedAhead(keys.reader)]);
  const events: OpenedEvent[] = [];
  const problems: OpenProblem[] = [];
  // Rows already opened (here or by openAhead, at the same log position) are not parsed again.
  const pulled: { envelope: Envelope; text: string; logIndex: number }[] = [];
  for (const row of rows) {
    const held = openedEarlier(keys.reader, row.id, row.logIndex);
    if (held) events.push(held);
    else
      pulled.push({
        envelope: JSON.parse(row.envelope) as Envelope,
        text: row.envelope,
        logIndex: row.logIndex,
      });
  }
  const toOpen = pulled.filter((p) => KINDS.has(p.envelope.kind));
  const total = toOpen.length;
  onProgress?.({ done: 0, total });
  // Grants are needed only for records this reader has no slot in (a lead who joined later).
  const needGrants = toOpen.some(
    ({ envelope: e }) => !e.readers.some((r) => r.kid === keys.reader.kid),
  );
  const { slots } = needGrants
    ? await collectGrants(
        pulled.map((p) => p.envelope),
        keys.reader,
        keyOf,
      )
    : { slots: new Map<string, GrantSlot>() };

  // What cannot be checked is a problem at once; the rest goes to the open workers in one go.
  const jobs: OpenJob[] = [];
  const targets: Target[] = [];
  const add = (e: Envelope, sealed: Envelope | string, where: Target['where']) => {
    const key = keyOf(e.device);
    if (!key) {
      problems.push({
        id: e.id,
        problem: devices
          ? 'Sent by a device this console does not know, so its signature cannot be checked.'
          : 'Its sender cannot be checked until this console has fetched the school’s device list (connect once).',
      });
      return false;
    }
    // This console's own waiting events are sealed to its own key: no grant is ever needed.
    const grant = where.pending ? undefined : slots.get(e.id);
    jobs.push({ envelope: sealed, deviceKey: key, ...(grant ? { grant } : {}) });
    targets.push({ id: e.id, key, where });
    return true;
  };
  let unchecked = 0;
  for (const { envelope, text, logIndex } of toOpen)
    if (!add(envelope, text, { logIndex, pending: false })) unchecked++;
  const seen = new Set(rows.map((r) => r.id));
  const waiting = await createOutboxStore(db).listDue(Number.POSITIVE_INFINITY, 10_000);
  for (const item of waiting) {
    const e = JSON.parse(item.envelope) as Envelope;
    if (!seen.has(e.id) && KINDS.has(e.kind))
      add(e, item.envelope, { logIndex: null, pending: true });
  }

  // The progress line counts pulled records; this console's few waiting ones come along.
  const progress = (n: number) => onProgress?.({ done: Math.min(total, unchecked + n), total });
  if (unchecked) progress(0);
  const outcomes = await openPool().open(jobs, keys.reader, progress);
  for (const [i, outcome] of outcomes.entries()) {
    const { id, key, where } = targets[i]!;
    if (!outcome.ok) {
      problems.push({ id, problem: outcome.problem });
      continue;
    }
    const event = await toEvent(outcome.header, outcome.payload, key, nameOf, where);
    events.push(event);
    cache.set(event.id, event);
  }
  return { events, problems };
}
