/**
 * Appending accepted envelopes to the school's hash-chained log and signing their receipts.
 * One upload's envelopes are appended together: under the lock, one lookup says which ids
 * and ciphertexts the log already holds, the new entries are chained in request order,
 * their receipts are signed (in parallel: each needs only its own index and head), and the
 * store appends them all in one transaction (one commit instead of one per envelope).
 * Receipts are signed before the rows are written and stored with them, so there is never
 * an entry without its receipt, and a retried upload gets the very same receipt back.
 *
 * Per envelope, the outcome is what appending them one by one would give: an id already in
 * the log is a duplicate (same hash, the original receipt) or a conflict (different bytes,
 * never overwritten); an id earlier in the same upload likewise; a ciphertext already in
 * the log, or earlier in the upload, under another id is a replay. The store's
 * compare-and-append makes it correct even if another process appends between the lookup
 * and the write (the whole plan is then made again); the lock makes that rare.
 *
 * The lookup can be made early (lookAhead), while the upload's signatures are still being
 * checked, so its round trip to the store overlaps them. It is used only if no append of
 * this process finished after it was asked for; otherwise the log is looked up again. Even
 * a reading another process made stale is safe: the compare-and-append refuses it.
 */
import type { Envelope } from '../crypto/envelope.ts';
import { signReceipt, type Receipt } from '../sync/receipt.ts';
import { genesisHead, nextHead } from './chain.ts';
import { isoNow, type EndpointContext } from './context.ts';
import type { KnownEntry, LogLookup, NewLogEntry } from './store/types.ts';

export type AppendResult =
  | { status: 'stored' | 'duplicate'; receipt: Receipt }
  | { status: 'conflict' }
  | { status: 'replayed' };

/** An envelope and the fingerprint of its ciphertext (ct-hash.ts), as the log indexes it. */
export interface Candidate {
  envelope: Envelope;
  ctHash: string;
}

/** An envelope that passed every check but the log's, with its canonical JSON and hash. */
export interface Accepted extends Candidate {
  body: string;
  hash: string;
}

/** A lookup of the log asked for before the append's turn, and when it was asked for. */
export interface Lookahead {
  mark: number;
  /** null if the store failed: the append then looks the log up itself. */
  lookup: Promise<LogLookup | null>;
}

const MAX_ATTEMPTS = 5;

/** What an existing entry with the same id means for this upload. */
function existing(entry: KnownEntry, hash: string): AppendResult {
  return entry.envelopeHash === hash
    ? { status: 'duplicate', receipt: JSON.parse(entry.receipt) as Receipt }
    : { status: 'conflict' };
}

/** Each item's outcome, or the position of its new entry (possibly as a duplicate of it). */
type Planned = AppendResult | { entry: number; duplicate: boolean };

interface Plan {
  planned: Planned[];
  entries: NewLogEntry[];
}

function lookupFor(ctx: EndpointContext, school: string, items: Candidate[]): Promise<LogLookup> {
  return ctx.store.lookupLog(
    school,
    items.map((i) => i.envelope.id),
    items.map((i) => i.ctHash),
  );
}

/**
 * Starts looking the log up for `candidates` (a superset of what will be appended: those
 * that fail a later check are simply not asked about again), or null when other appends are
 * queued or running, since one of them would make the reading stale before it is used.
 */
export function lookAhead(
  ctx: EndpointContext,
  school: string,
  candidates: Candidate[],
): Lookahead | null {
  const mark = ctx.appendLock.idleMark();
  if (mark === null || candidates.length === 0) return null;
  return { mark, lookup: lookupFor(ctx, school, candidates).catch(() => null) };
}

/** Decides every item against the log as looked up, chaining the new entries. */
async function plan(
  ctx: EndpointContext,
  school: string,
  items: Accepted[],
  look: LogLookup,
): Promise<Plan> {
  const known = new Map(look.known.map((k) => [k.id, k]));
  const seenCts = new Set(look.ctHashes);
  const inBatch = new Map<string, number>();
  let index = look.tail?.index ?? 0;
  let head = look.tail?.head ?? (await genesisHead(school));
  const receivedAt = isoNow(ctx);
  const planned: Planned[] = [];
  const entries: NewLogEntry[] = [];
  for (const { envelope, body, hash, ctHash } of items) {
    const found = known.get(envelope.id);
    const earlier = inBatch.get(envelope.id);
    if (found) planned.push(existing(found, hash));
    else if (earlier !== undefined)
      planned.push(
        entries[earlier]!.envelopeHash === hash
          ? { entry: earlier, duplicate: true }
          : { status: 'conflict' },
      );
    else if (seenCts.has(ctHash)) planned.push({ status: 'replayed' });
    else {
      const prevHead = head;
      head = await nextHead(prevHead, ++index, envelope.id, hash);
      inBatch.set(envelope.id, entries.length);
      seenCts.add(ctHash);
      planned.push({ entry: entries.length, duplicate: false });
      entries.push({
        index,
        id: envelope.id,
        school,
        device: envelope.device,
        seq: envelope.seq,
        kind: envelope.kind,
        created: envelope.created,
        size: envelope.size,
        envelopeHash: hash,
        body,
        prevHead,
        head,
        receivedAt,
        receipt: '',
        ctHash,
      });
    }
  }
  return { planned, entries };
}

/** The early lookup if nothing of this process appended since it was asked for. */
async function stillCurrent(ctx: EndpointContext, early?: Lookahead | null) {
  return early && ctx.appendLock.unchangedSince(early.mark) ? await early.lookup : null;
}

/**
 * Appends one upload's accepted envelopes (all of `school`) in order, answering each one's
 * outcome in the same order. `early` is lookAhead's answer for these envelopes, if asked.
 */
export function appendEnvelopes(
  ctx: EndpointContext,
  school: string,
  items: Accepted[],
  early?: Lookahead | null,
): Promise<AppendResult[]> {
  if (items.some((i) => i.envelope.school !== school))
    throw new Error('An upload is appended to one school’s log');
  return ctx.appendLock.run(async () => {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const look =
        (attempt === 0 ? await stillCurrent(ctx, early) : null) ??
        (await lookupFor(ctx, school, items));
      const { planned, entries } = await plan(ctx, school, items, look);
      const receipts = await Promise.all(
        entries.map((e) =>
          signReceipt(
            {
              v: 1,
              school,
              id: e.id,
              envelopeHash: e.envelopeHash,
              logIndex: e.index,
              chainHead: e.head,
              receivedAt: e.receivedAt,
            },
            ctx.receiptKey.sign,
          ),
        ),
      );
      for (const [k, e] of entries.entries()) e.receipt = JSON.stringify(receipts[k]);
      const outcome = await ctx.store.appendLogBatch(entries);
      if (outcome === 'appended') {
        return planned.map((p): AppendResult =>
          'entry' in p
            ? { status: p.duplicate ? 'duplicate' : 'stored', receipt: receipts[p.entry]! }
            : p,
        );
      }
      // 'tail-moved', 'id-exists' or 'ct-exists': another writer got in first; look again.
    }
    throw new Error('Could not append to the log: it kept changing underneath');
  });
}
