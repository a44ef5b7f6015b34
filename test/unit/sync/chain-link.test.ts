import { describe, expect, it } from 'vitest';
import { envelopeHash, type Envelope } from '../../../src/crypto/envelope-format.ts';
import * as server from '../../../src/server/chain.ts';
import { checkChain, type ChainEntry } from '../../../src/sync/chain-link.ts';

const SCHOOL = 'school-1';
const envelope = (n: number) =>
  ({
    id: `ENV${n}`,
    school: SCHOOL,
    device: 'tab-1',
    seq: n,
    ct: `sealed-${n}`,
  }) as unknown as Envelope;

/** A log of `n` entries chained the way the endpoint chains them. */
async function log(n: number): Promise<ChainEntry[]> {
  const out: ChainEntry[] = [];
  let prev = await server.genesisHead(SCHOOL);
  for (let i = 1; i <= n; i++) {
    const e = envelope(i);
    const head = await server.nextHead(prev, i, e.id, await envelopeHash(e));
    out.push({ logIndex: i, id: e.id, envelope: e, prevHead: prev, head });
    prev = head;
  }
  return out;
}

describe('a console checking the endpoint’s hash chain', () => {
  it('re-derives every head the endpoint made, in any order, across a gap', async () => {
    const entries = await log(5);
    const held = [entries[4]!, entries[0]!, entries[1]!, entries[3]!]; // entry 3 erased
    expect([...(await checkChain(held)).values()]).toEqual([
      'verified',
      'verified',
      'verified',
      'verified',
    ]);
  });

  it('finds an envelope changed after it was logged', async () => {
    const entries = await log(3);
    entries[1] = {
      ...entries[1]!,
      envelope: { ...entries[1]!.envelope, ct: 'swapped' } as Envelope,
    };
    const states = await checkChain(entries);
    expect(states.get('ENV2')).toBe('broken');
    expect(states.get('ENV1')).toBe('verified');
  });

  it('finds an entry that does not follow the one before it, or a first entry not from the genesis', async () => {
    const a = await log(3);
    const other = await log(3);
    const spliced = [a[0]!, { ...other[1]!, prevHead: 'not-the-previous-head' }];
    expect((await checkChain(spliced)).get('ENV2')).toBe('broken');
    // A first entry chained from another school's genesis: its own head is consistent.
    const e1 = envelope(1);
    const foreign = await server.genesisHead('another-school');
    const head = await server.nextHead(foreign, 1, e1.id, await envelopeHash(e1));
    const wrongStart = { logIndex: 1, id: e1.id, envelope: e1, prevHead: foreign, head };
    expect((await checkChain([wrongStart])).get('ENV1')).toBe('broken');
  });

  it('leaves entries from an endpoint that sent no links unchecked', async () => {
    const [first] = await log(1);
    expect(
      (await checkChain([{ ...first!, prevHead: undefined, head: undefined }])).get('ENV1'),
    ).toBe('unchecked');
  });
});
