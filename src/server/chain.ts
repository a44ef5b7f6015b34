/**
 * The hash chain over the endpoint's log. Each entry's head commits to the previous head,
 * its index, its id and its envelope hash, and every receipt carries the head, so the
 * endpoint cannot later drop, reorder or swap an acknowledged envelope without the receipts
 * devices hold disagreeing with the log. verifyChain re-derives every head from the stored
 * bodies: it is what an audit (and the crash test) runs.
 */
import { envelopeHash, type Envelope } from '../crypto/envelope.ts';
import { sha256B64 } from '../crypto/hash.ts';
import type { Receipt } from '../sync/receipt.ts';
import type { EndpointStore, LogEntry } from './store/types.ts';

export function genesisHead(schoolId: string): Promise<string> {
  return sha256B64(`safetrail/v1/genesis|${schoolId}`);
}

export function nextHead(
  prevHead: string,
  index: number,
  id: string,
  hash: string,
): Promise<string> {
  return sha256B64(`${prevHead}|${index}|${id}|${hash}`);
}

export type ChainReport =
  | { ok: true; length: number; head: string | null }
  | { ok: false; index: number; problem: string; school?: string };

const PAGE = { entries: 500, bytes: 32 * 1024 * 1024 };

function receiptMatches(text: string, e: LogEntry): boolean {
  try {
    const r = JSON.parse(text) as Partial<Receipt>;
    return (
      r.id === e.id &&
      r.logIndex === e.index &&
      r.chainHead === e.head &&
      r.envelopeHash === e.envelopeHash
    );
  } catch {
    return false;
  }
}

/** What is wrong with one entry given the head before it, or null if it links correctly. */
async function entryProblem(
  e: LogEntry,
  expected: number,
  prevHead: string,
): Promise<string | null> {
  if (e.index !== expected) return `expected entry ${expected}, found ${e.index}`;
  if (e.prevHead !== prevHead) return 'the previous head does not match';
  let body: Envelope;
  try {
    body = JSON.parse(e.body) as Envelope;
  } catch {
    return 'the stored envelope is not valid JSON';
  }
  if (body.id !== e.id) return 'the stored envelope has a different id';
  if ((await envelopeHash(body)) !== e.envelopeHash)
    return 'the stored envelope does not match its hash';
  if (e.head !== (await nextHead(prevHead, e.index, e.id, e.envelopeHash)))
    return 'the head does not match';
  if (!receiptMatches(e.receipt, e)) return 'the stored receipt does not match the entry';
  return null;
}

/**
 * Walks a school's whole log and checks every link. Without `school`, every school's log:
 * `length` is then the total and `head` the head only when the store holds one school; a
 * failure names its school.
 */
export async function verifyChain(store: EndpointStore, school?: string): Promise<ChainReport> {
  if (school !== undefined) return verifySchool(store, school);
  const schools = await store.listSchools();
  let total = 0;
  let last: ChainReport = { ok: true, length: 0, head: null };
  for (const s of schools) {
    last = await verifySchool(store, s.id);
    if (!last.ok) return { ...last, school: s.id };
    total += last.length;
  }
  return last.ok && schools.length === 1 ? last : { ok: true, length: total, head: null };
}

async function verifySchool(store: EndpointStore, school: string): Promise<ChainReport> {
  let head = await genesisHead(school);
  let length = 0;
  for (;;) {
    const page = await store.readLog(school, length, PAGE.entries, PAGE.bytes);
    if (page.length === 0) return { ok: true, length, head: length > 0 ? head : null };
    for (const e of page) {
      const problem = await entryProblem(e, length + 1, head);
      if (problem) return { ok: false, index: e.index, problem };
      head = e.head;
      length++;
    }
  }
}
