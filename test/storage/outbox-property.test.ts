/**
 * Property: whatever the network does, nothing sealed is lost and nothing is stored twice.
 *
 * Each case drives the real engine over the real Dexie outbox (fake-indexeddb) against an
 * in-memory endpoint with the real semantics (idempotent by id, conflicts, receipts signed
 * with a real ECDSA key), through a transport that randomly drops requests, loses
 * responses after the endpoint committed, duplicates answers, returns stale receipts or
 * receipts signed with the wrong key or for other bytes, and "kills the app" before or
 * after the endpoint commits or between acknowledgements (close the database, reopen it,
 * new engine; items are left `uploading`). Invariants (outbox-world.ts) are checked after
 * every step, then after a final run with no faults.
 *
 * Not covered: a real browser's IndexedDB and Web Locks. Node 20 has no navigator.locks,
 * so the 'concurrent' step really races two engines on two connections.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPublicJwk, generateSigningKeyPair } from '../../src/crypto/signing.ts';
import { coverage, FAULTS, World, type Fault, type WorldKeys } from './outbox-world.ts';

type Step =
  | { t: 'seal'; count: number; forged: boolean }
  | { t: 'run'; faults: Fault[]; advance: number; batchSize: number }
  | { t: 'concurrent'; advance: number }
  | { t: 'restart' };

let keys: WorldKeys;

beforeAll(async () => {
  const receipt = await generateSigningKeyPair(false);
  keys = {
    receipt,
    receiptJwk: await exportPublicJwk(receipt.publicKey),
    wrong: await generateSigningKeyPair(false),
  };
});

/** Deterministic jitter per case, so a failing case replays exactly from its seed. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const minutes = (n: number) => n * 60_000;

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('seal' as const),
      count: fc.integer({ min: 1, max: 3 }),
      forged: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('run' as const),
      faults: fc.array(fc.constantFrom(...FAULTS), { minLength: 1, maxLength: 4 }),
      advance: fc.oneof(fc.constant(0), fc.integer({ min: 1_000, max: minutes(20) })),
      batchSize: fc.integer({ min: 1, max: 8 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('concurrent' as const),
      advance: fc.integer({ min: 0, max: minutes(20) }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ t: 'restart' as const }) },
);

async function play(world: World, step: Step) {
  if (step.t === 'seal') {
    for (let i = 0; i < step.count; i++) await world.seal(step.forged);
  } else if (step.t === 'restart') {
    world.restart();
  } else {
    world.clock += step.advance;
    if (step.t === 'run') await world.run(step.faults, step.batchSize);
    else await world.concurrent();
  }
}

describe('outbox + engine under faults', () => {
  it('never loses a sealed record and never stores one twice', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2 }),
        fc.array(stepArb, { minLength: 5, maxLength: 40, size: 'max' }),
        fc.integer(),
        async (conflicts, steps, seed) => {
          const world = new World(keys, mulberry32(seed));
          try {
            for (let i = 0; i < conflicts; i++) await world.seal(false, true);
            for (const step of steps) {
              await play(world, step);
              await world.check();
            }
            await world.finish();
          } finally {
            await world.dispose();
          }
        },
      ),
      { numRuns: 60 },
    );
    expect([...coverage.faults].sort()).toEqual([...FAULTS].sort());
    for (const k of ['restarts', 'delivered', 'retried', 'quarantined', 'rejected'] as const) {
      expect(coverage[k], `cases exercised: ${k}`).toBeGreaterThan(0);
    }
  });

  it('quarantines a record whose id the endpoint already holds with other bytes, and never deletes it', async () => {
    const world = new World(keys, mulberry32(1));
    try {
      await world.seal(false, true);
      await world.seal(false);
      const [conflicted] = [...world.sealed.keys()];
      const theirs = world.server.entries.get(conflicted!)!.hash;
      for (let i = 0; i < 5; i++) {
        world.clock += minutes(60);
        await world.run(['duplicateResults'], 10);
        world.restart();
      }
      expect(await world.db.outbox.get(conflicted!)).toMatchObject({
        state: 'quarantined',
        lastError: 'A different record already has this id.',
      });
      expect(await world.db.tombstones.get(conflicted!)).toBeUndefined();
      expect(world.server.entries.get(conflicted!)!.hash).toBe(theirs);
      await world.finish();
    } finally {
      await world.dispose();
    }
  });
});
