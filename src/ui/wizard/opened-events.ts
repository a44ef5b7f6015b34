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
import type { GrantSlot } from '../../crypto/key-grant.ts';
import { displayFingerprint, fingerprint } from '../../crypto/signing.ts';
import type { ChronologyEvent } from '../../domain/chronology.ts';
import type { SafetrailDb } from '../../storage/db.ts';
import { listInbox } from '../../storage/inbox-repo.ts';
import { createOutboxStore } from '../../storage/outbox-repo.ts';
import type { DeviceRecord } from '../../storage/records.ts';
import type { ApiClient } from '../../sync/api-client.ts';
import type { DeviceInfo, PulledEnvelope } from '../../sync/protocol.ts';
import { collectGrants, openForReader } from '../console/grants.ts';

/** The kinds a chronology is made of; photos are opened by the inbox, not here. */
const KINDS: ReadonlySet<string> = new Set([
  'incident.created',
  'incident.amended',
  'step.answered',
  'action.recorded',
  'incident.closed',
  'incident.reopened',
  'incident.erased',
]);

export interface OpenedEvent extends ChronologyEvent {
  deviceName: string;
  /** The fingerprint of the device key whose signature was verified, as people read it. */
  signer: string;
  /** The endpoint's log position, or null while it waits in this console's outbox. */
  logIndex: number | null;
  /** Sealed on this console and not yet acknowledged by the endpoint. */
  pending: boolean;
}

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

/**
 * Events already opened in this unlocked session, by envelope id, so moving between console
 * screens does not decrypt thousands of records again. Keyed by the unlocked reader key:
 * locking drops the keys, and with them this memory.
 */
const opened = new WeakMap<object, Map<string, OpenedEvent>>();
const cacheFor = (reader: object) => {
  let cache = opened.get(reader);
  if (!cache) opened.set(reader, (cache = new Map()));
  return cache;
};
const fingerprints = new Map<string, Promise<string>>();
const signerOf = (jwk: PublicJwk) => {
  const k = `${jwk.x}.${jwk.y}`;
  let fp = fingerprints.get(k);
  if (!fp) fingerprints.set(k, (fp = fingerprint(jwk).then(displayFingerprint)));
  return fp;
};

/** Opened this many at a time, so the progress line moves and the page stays responsive. */
const SLICE = 200;

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

/** Opens one envelope with every check (openEnvelope / openForReader) into an event. */
async function openEvent(
  e: Envelope,
  keys: UnlockedDslKeys,
  key: PublicJwk,
  nameOf: (id: string) => string,
  where: { logIndex: number | null; pending: boolean },
  slots: ReadonlyMap<string, GrantSlot>,
): Promise<OpenedEvent> {
  const { header, payload } = where.pending
    ? await openEnvelope(e, keys.reader, key)
    : await openForReader(e, keys.reader, slots, key);
  return {
    id: header.id,
    device: header.device,
    seq: header.seq,
    created: header.created,
    kind: header.kind,
    payload,
    deviceName: nameOf(header.device),
    signer: await signerOf(key),
    logIndex: where.logIndex,
    pending: where.pending,
  };
}

/**
 * Opens records as a pull brings them in (pullNew's `onPage`), while the next page is
 * fetched and stored, so a long pull and the opening overlap instead of running one after
 * the other. Only records sealed to this reader's own key, from a device in `devices`;
 * anything else, and anything that does not open, is left to openConsoleEvents, which opens
 * it with the grants in hand or reports the problem. The checks are the same.
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
  for (let i = 0; i < todo.length; i += SLICE) {
    await Promise.all(
      todo.slice(i, i + SLICE).map(async ({ envelope, logIndex }) => {
        try {
          const where = { logIndex, pending: false };
          const event = await openEvent(
            envelope,
            keys,
            keyOf(envelope.device)!,
            nameOf,
            where,
            new Map(),
          );
          cache.set(event.id, event);
        } catch {
          // Left for openConsoleEvents, which tries again and says why it cannot open it.
        }
      }),
    );
  }
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

  const rows = await listInbox(db);
  const events: OpenedEvent[] = [];
  const problems: OpenProblem[] = [];
  // Rows already opened (here or by openAhead, at the same log position) are not parsed again.
  const pulled: { envelope: Envelope; logIndex: number }[] = [];
  for (const row of rows) {
    const held = cache.get(row.id);
    if (held && !held.pending && held.logIndex === row.logIndex) events.push(held);
    else pulled.push({ envelope: JSON.parse(row.envelope) as Envelope, logIndex: row.logIndex });
  }
  const toOpen = pulled.filter((p) => KINDS.has(p.envelope.kind));
  const total = toOpen.length;
  let done = 0;
  const tick = () => {
    done++;
    if (onProgress && (done % 100 === 0 || done === total)) onProgress({ done, total });
  };
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

  const open = async (e: Envelope, where: { logIndex: number | null; pending: boolean }) => {
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
      const event = await openEvent(e, keys, key, nameOf, where, slots);
      events.push(event);
      cache.set(event.id, event);
    } catch (err) {
      problems.push({
        id: e.id,
        problem: err instanceof Error ? err.message : 'Could not be opened.',
      });
    }
  };

  for (let i = 0; i < toOpen.length; i += SLICE) {
    await Promise.all(
      toOpen
        .slice(i, i + SLICE)
        .map(({ envelope, logIndex }) => open(envelope, { logIndex, pending: false }).then(tick)),
    );
  }
  const seen = new Set(rows.map((r) => r.id));
  const waiting = await createOutboxStore(db).listDue(Number.POSITIVE_INFINITY, 10_000);
  for (const item of waiting) {
    const e = JSON.parse(item.envelope) as Envelope;
    if (!seen.has(e.id) && KINDS.has(e.kind)) await open(e, { logIndex: null, pending: true });
  }
  return { events, problems };
}
