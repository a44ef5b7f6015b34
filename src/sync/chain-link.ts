/**
 * A DSL console's check of the endpoint's hash chain over the entries it holds. Each entry's
 * head must be re-derivable from its previous head, its index, its id and the hash of the
 * envelope the console actually received; the first entry must start from the school's
 * genesis; and consecutive entries must link (an entry's previous head is the head before
 * it). A gap (an erased entry, or one not pulled) breaks no link: the entries either side are
 * each still checked. The same construction as the endpoint's (src/server/chain.ts), in
 * WebCrypto so it runs in the browser.
 */
import { envelopeHash, type Envelope } from '../crypto/envelope-format.ts';
import { sha256B64 } from '../crypto/hash.ts';

export type LinkState = 'verified' | 'broken' | 'unchecked';

export interface ChainEntry {
  logIndex: number;
  id: string;
  envelope: Envelope;
  prevHead?: string;
  head?: string;
}

export const genesisHead = (school: string) => sha256B64(`safetrail/v1/genesis|${school}`);

export const nextHead = (prevHead: string, index: number, id: string, hash: string) =>
  sha256B64(`${prevHead}|${index}|${id}|${hash}`);

/** Each held entry's state, by envelope id. `entries` may be in any order. */
export async function checkChain(entries: readonly ChainEntry[]): Promise<Map<string, LinkState>> {
  const sorted = [...entries].sort((a, b) => a.logIndex - b.logIndex);
  const out = new Map<string, LinkState>();
  let before: ChainEntry | null = null;
  for (const e of sorted) {
    if (!e.prevHead || !e.head) {
      out.set(e.id, 'unchecked');
      before = null;
      continue;
    }
    const derived = await nextHead(e.prevHead, e.logIndex, e.id, await envelopeHash(e.envelope));
    let ok = derived === e.head;
    if (ok && e.logIndex === 1) ok = e.prevHead === (await genesisHead(e.envelope.school));
    if (ok && before?.head && before.logIndex === e.logIndex - 1) ok = e.prevHead === before.head;
    out.set(e.id, ok ? 'verified' : 'broken');
    before = e;
  }
  return out;
}
