/**
 * Appending an accepted envelope to the school's hash-chained log and signing its receipt.
 * The receipt is signed before the row is written and stored in the same row, so there is
 * never an entry without its receipt, and a retried upload gets the very same receipt back.
 * The store's compare-and-append makes it correct even if the tail moves between reading it
 * and writing; the lock makes that rare. The store also refuses a ciphertext it already
 * holds under another id: that is a replay, never a new record.
 */
import { canonicalJson } from '../crypto/canonical-json.ts';
import type { Envelope } from '../crypto/envelope.ts';
import type { Receipt } from '../sync/receipt.ts';
import { signReceipt } from '../sync/receipt.ts';
import { genesisHead, nextHead } from './chain.ts';
import { isoNow, type EndpointContext } from './context.ts';
import { ctHash } from './ct-hash.ts';
import type { LogEntry } from './store/types.ts';

export type AppendResult =
  | { status: 'stored' | 'duplicate'; receipt: Receipt }
  | { status: 'conflict' }
  | { status: 'replayed' };

const MAX_ATTEMPTS = 5;

/** What an existing entry with the same id means for this upload. */
function existing(entry: LogEntry, hash: string): AppendResult {
  return entry.envelopeHash === hash
    ? { status: 'duplicate', receipt: JSON.parse(entry.receipt) as Receipt }
    : { status: 'conflict' };
}

export function appendEnvelope(
  ctx: EndpointContext,
  envelope: Envelope,
  hash: string,
): Promise<AppendResult> {
  const contentHash = ctHash(envelope.ct);
  return ctx.appendLock.run(async () => {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const found = await ctx.store.findLogEntry(envelope.school, envelope.id);
      if (found) return existing(found, hash);
      const tail = await ctx.store.logTail(envelope.school);
      const index = (tail?.index ?? 0) + 1;
      const prevHead = tail?.head ?? (await genesisHead(envelope.school));
      const head = await nextHead(prevHead, index, envelope.id, hash);
      const receivedAt = isoNow(ctx);
      const receipt = await signReceipt(
        {
          v: 1,
          school: envelope.school,
          id: envelope.id,
          envelopeHash: hash,
          logIndex: index,
          chainHead: head,
          receivedAt,
        },
        ctx.receiptKey.privateKey,
      );
      const outcome = await ctx.store.appendLog({
        index,
        id: envelope.id,
        school: envelope.school,
        device: envelope.device,
        seq: envelope.seq,
        kind: envelope.kind,
        created: envelope.created,
        size: envelope.size,
        envelopeHash: hash,
        body: canonicalJson(envelope),
        prevHead,
        head,
        receivedAt,
        receipt: JSON.stringify(receipt),
        ctHash: contentHash,
      });
      if (outcome === 'appended') return { status: 'stored', receipt };
      if (outcome === 'ct-exists') return { status: 'replayed' };
      // 'id-exists' or 'tail-moved': another writer got in first; look again.
    }
    throw new Error('Could not append to the log: it kept changing underneath');
  });
}
