/**
 * Everything this DSL can read about incidents, opened in memory: the pulled log (with
 * `key.granted` grants for records sealed before this DSL joined) and this console's own
 * events still waiting in its outbox, so a walk made offline is in the chronology (marked
 * "waiting to send") before it reaches the endpoint. Each envelope's device signature and
 * MAC are checked by opening it; plaintext is never written anywhere.
 *
 * Device public keys come from the endpoint's device list. It is kept in memory for the
 * session (it is public key material and device names, but the storage layer has no place
 * for it yet), so pages opened offline later in the session can still check signatures.
 */
import type { UnlockedDslKeys } from '../../crypto/dsl-keys.ts';
import { openEnvelope, type Envelope } from '../../crypto/envelope.ts';
import type { PublicJwk } from '../../crypto/jwk.ts';
import type { ChronologyEvent } from '../../domain/chronology.ts';
import type { SafetrailDb } from '../../storage/db.ts';
import { listInbox } from '../../storage/inbox-repo.ts';
import { createOutboxStore } from '../../storage/outbox-repo.ts';
import type { DeviceRecord } from '../../storage/records.ts';
import type { ApiClient } from '../../sync/api-client.ts';
import type { DeviceInfo } from '../../sync/protocol.ts';
import { collectGrants, openForReader } from '../console/grants.ts';

/** The kinds a chronology is made of; photos are opened by the inbox, not here. */
const KINDS: ReadonlySet<string> = new Set([
  'incident.created',
  'step.answered',
  'action.recorded',
]);

export interface OpenedEvent extends ChronologyEvent {
  deviceName: string;
  /** Sealed on this console and not yet acknowledged by the endpoint. */
  pending: boolean;
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

export async function openConsoleEvents(
  db: SafetrailDb,
  keys: UnlockedDslKeys,
  self: DeviceRecord,
  devices: DeviceInfo[] | null,
): Promise<OpenedEvents> {
  const byId = new Map((devices ?? []).map((d) => [d.id, d]));
  const keyOf = (id: string): PublicJwk | undefined =>
    id === self.deviceId ? self.publicKey : byId.get(id)?.publicKey;
  const nameOf = (id: string) =>
    byId.get(id)?.name ?? (id === self.deviceId ? self.name : 'an unknown device');

  const pulled = (await listInbox(db)).map((row) => JSON.parse(row.envelope) as Envelope);
  const { slots } = await collectGrants(pulled, keys.reader, keyOf);
  const events: OpenedEvent[] = [];
  const problems: OpenProblem[] = [];

  const open = async (e: Envelope, pending: boolean) => {
    const key = keyOf(e.device);
    if (!key) {
      problems.push({
        id: e.id,
        problem: devices
          ? 'Sent by a device this console does not know, so its signature cannot be checked.'
          : 'Its sender cannot be checked until this console has fetched the school’s device list (connect once).',
      });
      return;
    }
    try {
      const { header, payload } = pending
        ? await openEnvelope(e, keys.reader, key)
        : await openForReader(e, keys.reader, slots, key);
      events.push({
        id: header.id,
        device: header.device,
        seq: header.seq,
        created: header.created,
        kind: header.kind,
        payload,
        deviceName: nameOf(header.device),
        pending,
      });
    } catch (err) {
      problems.push({
        id: e.id,
        problem: err instanceof Error ? err.message : 'Could not be opened.',
      });
    }
  };

  const seen = new Set(pulled.map((e) => e.id));
  await Promise.all(pulled.filter((e) => KINDS.has(e.kind)).map((e) => open(e, false)));
  const waiting = await createOutboxStore(db).listDue(Number.POSITIVE_INFINITY, 10_000);
  for (const item of waiting) {
    const e = JSON.parse(item.envelope) as Envelope;
    if (!seen.has(e.id) && KINDS.has(e.kind)) await open(e, true);
  }
  return { events, problems };
}
