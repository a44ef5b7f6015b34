/**
 * Records for the store contract tests. A store checks no signature or hash (the routes
 * do), so plain strings stand in for keys, JSON and hashes: these tests are about what a
 * store keeps, what it refuses and what it does atomically.
 */
import { randomBytes } from 'node:crypto';
import type {
  EndpointStore,
  LogEntry,
  NewDevice,
  NewSchool,
} from '../../src/server/store/types.ts';

/** A store to test and how to reopen it (to show what survives a restart). */
export interface StoreBackend {
  open(): Promise<EndpointStore>;
  destroy(): Promise<void>;
}

export const T0 = '2026-03-01T09:00:00.000Z';
export const LATER = '2026-03-02T09:00:00.000Z';
const jwk = { kty: 'EC' as const, crv: 'P-256' as const, x: 'x', y: 'y' };

export const uid = (prefix: string) => `${prefix}-${randomBytes(6).toString('hex')}`;

export function device(school: string, over: Partial<NewDevice> = {}): NewDevice {
  return {
    id: uid('dev'),
    school,
    name: 'Tablet',
    role: 'tablet',
    publicKey: jwk,
    enrolledAt: T0,
    enrolledBy: null,
    approvedAt: T0,
    personName: null,
    readerKey: null,
    ...over,
  };
}

export function newSchool(id = uid('sch'), name = 'Hillside Primary'): NewSchool {
  return {
    school: { id, name, created: T0 },
    recipientSet: { version: 1, json: JSON.stringify({ school: id, version: 1 }) },
    keyBackupJson: '{"ct":"backup"}',
    device: device(id, { role: 'dsl', name: 'Office PC', personName: 'Ms Lead' }),
  };
}

let codeCount = 0;
export const makeCode = () => `CODE-${String(++codeCount).padStart(4, '0')}-${uid('x')}`;

/** Sets up a school through a fresh set-up code, as the set-up route does. */
export async function addSchool(store: EndpointStore, input = newSchool()): Promise<NewSchool> {
  const slots = (await store.listSchools()).length + 1;
  const [code] = await store.ensureSetupCodes(slots, makeCode);
  const outcome = await store.setupSchool(input, code!);
  if (outcome !== 'created') throw new Error(`setup failed: ${outcome}`);
  return input;
}

/** The next entry of `school`'s log after (index, head). */
export function entry(
  school: string,
  index: number,
  prevHead: string,
  over: Partial<LogEntry> = {},
): LogEntry {
  const id = uid('env');
  return {
    index,
    id,
    school,
    device: 'dev',
    seq: index,
    kind: 'incident.created',
    created: T0,
    size: 1024,
    envelopeHash: `hash-${id}`,
    body: JSON.stringify({ id, ct: id }),
    prevHead,
    head: `head-${index}-${id}`,
    receivedAt: T0,
    receipt: JSON.stringify({ id }),
    ctHash: `ct-${id}`,
    erasedAt: null,
    ...over,
  };
}

/** Appends `n` entries to `school`'s log and answers them. */
export async function appendMany(
  store: EndpointStore,
  school: string,
  n: number,
): Promise<LogEntry[]> {
  const out: LogEntry[] = [];
  let tail = await store.logTail(school);
  for (let i = 0; i < n; i++) {
    const e = entry(school, (tail?.index ?? 0) + 1, tail?.head ?? 'genesis');
    const outcome = await store.appendLog(e);
    if (outcome !== 'appended') throw new Error(`append failed: ${outcome}`);
    out.push(e);
    tail = { index: e.index, head: e.head };
  }
  return out;
}
