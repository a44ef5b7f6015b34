/**
 * The hash-chain state of the entries one screen shows: each is re-derived from what this
 * console pulled (its envelope, and the head before it), on demand, so opening thousands of
 * records does not wait for thousands of extra hashes.
 */
import type { Envelope } from '../../crypto/envelope-format.ts';
import type { SafetrailDb } from '../../storage/db.ts';
import { inboxAt } from '../../storage/inbox-repo.ts';
import { checkChain, type ChainEntry, type LinkState } from '../../sync/chain-link.ts';

export async function chainStates(
  db: SafetrailDb,
  entries: readonly { id: string; logIndex: number | null }[],
): Promise<Map<string, LinkState>> {
  const wanted = entries.filter((e) => e.logIndex !== null) as { id: string; logIndex: number }[];
  const indexes = new Set<number>();
  for (const e of wanted) {
    indexes.add(e.logIndex);
    if (e.logIndex > 1) indexes.add(e.logIndex - 1);
  }
  const rows = await inboxAt(db, [...indexes]);
  const chain: ChainEntry[] = rows.map((r) => ({
    logIndex: r.logIndex,
    id: r.id,
    envelope: JSON.parse(r.envelope) as Envelope,
    ...(r.prevHead && r.head ? { prevHead: r.prevHead, head: r.head } : {}),
  }));
  const all = await checkChain(chain);
  return new Map(wanted.map((e) => [e.id, all.get(e.id) ?? 'unchecked']));
}
