/**
 * What this unlocked session has already opened, in memory only: events by envelope id, so
 * moving between console screens (the home page's inbox, the triage list, a chronology)
 * does not decrypt thousands of records again, and the pages still opening in the workers,
 * so that no screen opens them a second time meanwhile. Everything is keyed by the unlocked
 * reader key: locking drops the keys, and with them this memory.
 */
import type { EnvelopeHeader } from '../../crypto/envelope.ts';
import type { PublicJwk } from '../../crypto/jwk.ts';
import { displayFingerprint, fingerprint } from '../../crypto/signing.ts';
import type { ChronologyEvent } from '../../domain/chronology.ts';

/** The kinds a chronology is made of; photos are opened by the inbox, not here. */
export const KINDS: ReadonlySet<string> = new Set([
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

/** Events opened in this session, by envelope id. */
const opened = new WeakMap<object, Map<string, OpenedEvent>>();
export const cacheFor = (reader: object) => {
  let cache = opened.get(reader);
  if (!cache) opened.set(reader, (cache = new Map()));
  return cache;
};

/** An event this session already opened from the inbox row at `logIndex`, if any. */
export function openedEarlier(reader: object, id: string, logIndex: number) {
  const held = opened.get(reader)?.get(id);
  return held && !held.pending && held.logIndex === logIndex ? held : undefined;
}

/** Keeps a pulled record another console screen opened, so this one need not open it again. */
export async function keepOpened(
  reader: object,
  record: { header: EnvelopeHeader; payload: unknown },
  deviceKey: PublicJwk,
  deviceName: string,
  logIndex: number,
): Promise<void> {
  if (!KINDS.has(record.header.kind)) return;
  const where = { logIndex, pending: false };
  const event = await toEvent(record.header, record.payload, deviceKey, () => deviceName, where);
  cacheFor(reader).set(event.id, event);
}

const fingerprints = new Map<string, Promise<string>>();
const signerOf = (jwk: PublicJwk) => {
  const k = `${jwk.x}.${jwk.y}`;
  let fp = fingerprints.get(k);
  if (!fp) fingerprints.set(k, (fp = fingerprint(jwk).then(displayFingerprint)));
  return fp;
};

/** An opened (and so checked) envelope as an event of the chronology. */
export async function toEvent(
  header: EnvelopeHeader,
  payload: unknown,
  key: PublicJwk,
  nameOf: (id: string) => string,
  where: { logIndex: number | null; pending: boolean },
): Promise<OpenedEvent> {
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

/** Pages openAhead handed to the open workers and has not had back yet, per reader. */
const ahead = new WeakMap<object, Set<Promise<void>>>();

/** Waits for the pages openAhead is still opening, so that nothing is opened twice. */
export async function openedAhead(reader: object): Promise<void> {
  await Promise.all(ahead.get(reader) ?? []);
}

/** Remembers a page openAhead is opening until it is done. */
export function openingAhead(reader: object, opening: Promise<void>): void {
  let pending = ahead.get(reader);
  if (!pending) ahead.set(reader, (pending = new Set()));
  pending.add(opening);
  void opening.then(() => pending.delete(opening));
}
