/**
 * The DSL's reading path: pull new sealed envelopes by cursor (stored still sealed), then
 * open them in memory with the unlocked reader key, checking each device's signature and
 * the envelope MAC. Plaintext is never written anywhere.
 */
import { openEnvelope, type Envelope } from '../../crypto/envelope.ts';
import type { UnlockedDslKeys } from '../../crypto/dsl-keys.ts';
import {
  incidentReference,
  isIncidentCreatedPayload,
  type IncidentFields,
} from '../../domain/incident.ts';
import type { SafetrailDb } from '../../storage/db.ts';
import { addPulled, inboxCursor, listInbox } from '../../storage/inbox-repo.ts';
import type { createApiClient } from '../../sync/api-client.ts';
import type { DeviceInfo } from '../../sync/protocol.ts';

type Api = ReturnType<typeof createApiClient>;

export interface OpenedIncident {
  ok: true;
  logIndex: number;
  id: string;
  reference: string;
  fields: IncidentFields;
  recordedBy: string;
  recordedAt: string;
  deviceName: string;
  receivedAt: string;
}

export interface UnopenedItem {
  ok: false;
  logIndex: number;
  id: string;
  problem: string;
}

export async function pullNew(db: SafetrailDb, api: Api): Promise<number> {
  let cursor = await inboxCursor(db);
  let added = 0;
  for (;;) {
    const page = await api.pull(cursor, 200);
    await addPulled(db, page.envelopes);
    added += page.envelopes.length;
    cursor = page.cursor;
    if (!page.more) return added;
  }
}

export async function openInbox(
  db: SafetrailDb,
  keys: UnlockedDslKeys,
  devices: DeviceInfo[],
): Promise<(OpenedIncident | UnopenedItem)[]> {
  const byId = new Map(devices.map((d) => [d.id, d]));
  const items = await listInbox(db);
  const opened = await Promise.all(
    items.map(async (item): Promise<OpenedIncident | UnopenedItem> => {
      try {
        const envelope = JSON.parse(item.envelope) as Envelope;
        const device = byId.get(envelope.device);
        if (!device)
          return {
            ok: false,
            logIndex: item.logIndex,
            id: item.id,
            problem:
              'Sent by a device this console does not know, so its signature cannot be checked.',
          };
        const { payload } = await openEnvelope(envelope, keys.reader, device.publicKey);
        if (!isIncidentCreatedPayload(payload))
          return {
            ok: false,
            logIndex: item.logIndex,
            id: item.id,
            problem: 'Opened, but it is not an incident record this version understands.',
          };
        return {
          ok: true,
          logIndex: item.logIndex,
          id: item.id,
          reference: incidentReference(payload.incidentId),
          fields: payload.fields,
          recordedBy: payload.recordedBy,
          recordedAt: payload.recordedAt,
          deviceName: device.name,
          receivedAt: item.receivedAt,
        };
      } catch (e) {
        return {
          ok: false,
          logIndex: item.logIndex,
          id: item.id,
          problem: e instanceof Error ? e.message : 'Could not be opened.',
        };
      }
    }),
  );
  return opened.sort((a, b) => b.logIndex - a.logIndex);
}
