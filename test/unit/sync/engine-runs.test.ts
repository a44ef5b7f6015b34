import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runUpload, TransportError, type UploadTransport } from '../../../src/sync/engine.ts';
import { createMemoryOutboxStore } from '../../../src/sync/outbox.ts';
import { depsFor, makeKeys, NOW, storeWith, type Keys } from './engine-kit.ts';
import { createFakeEndpoint } from './fake-endpoint.ts';
import { SCHOOL } from './fixtures.ts';
import { honest, resign, tampering } from './transports.ts';

let keys: Keys;
beforeAll(async () => {
  keys = await makeKeys();
});
afterEach(() => vi.unstubAllGlobals());
const deps = depsFor(() => keys);

describe('runUpload: batching, locking and logging', () => {
  it('sends in seq order, in batches no larger than batchSize', async () => {
    const store = await storeWith(7);
    const server = createFakeEndpoint(SCHOOL, keys.receipt.privateKey);
    const sizes: number[] = [];
    const seqs: number[] = [];
    const report = await runUpload(
      deps(
        store,
        {
          upload: async (e) => {
            sizes.push(e.length);
            seqs.push(...e.map((s) => (JSON.parse(s) as { seq: number }).seq));
            return honest(server).upload(e);
          },
        },
        { batchSize: 3 },
      ),
    );
    expect(sizes).toEqual([3, 3, 1]);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(report.delivered).toBe(7);
  });

  it('keeps each request under the endpoint’s body limit', async () => {
    const store = createMemoryOutboxStore();
    const big = 'x'.repeat(1_300_000);
    for (let seq = 1; seq <= 7; seq++)
      store.add({
        id: `id${seq}`,
        seq,
        envelope: JSON.stringify(big + seq),
        hash: 'h',
        school: SCHOOL,
      });
    const bodies: number[] = [];
    await runUpload(
      deps(store, {
        upload: async (e) => {
          bodies.push(`{"envelopes":[${e.join(',')}]}`.length);
          return [];
        },
      }),
    );
    expect(bodies).toHaveLength(3);
    for (const b of bodies) expect(b).toBeLessThanOrEqual(4 * 1024 * 1024);
  });

  it('holds the Web Lock so page and service worker never upload at the same time', async () => {
    const held: string[] = [];
    let queue = Promise.resolve();
    vi.stubGlobal('navigator', {
      locks: {
        request: <T>(name: string, cb: () => Promise<T>) => {
          const run = queue.then(async () => {
            held.push(name);
            try {
              return await cb();
            } finally {
              held.pop();
            }
          });
          queue = run.then(
            () => undefined,
            () => undefined,
          );
          return run;
        },
      },
    });
    const store = await storeWith(4);
    const server = createFakeEndpoint(SCHOOL, keys.receipt.privateKey);
    let inFlight = 0;
    let maxInFlight = 0;
    const transport: UploadTransport = {
      upload: async (e) => {
        expect(held).toEqual(['safetrail-upload']);
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        return honest(server).upload(e);
      },
    };
    const [a, b] = await Promise.all([
      runUpload(deps(store, transport, { batchSize: 1 })),
      runUpload(deps(store, transport, { batchSize: 1 })),
    ]);
    expect(maxInFlight).toBe(1);
    expect(a.delivered + b.delivered).toBe(4);
    expect(server.log).toHaveLength(4);
  });

  it('never writes envelope contents to the console, even when things go wrong', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation(() => {}),
    );
    const store = await storeWith(3, [1]);
    const server = createFakeEndpoint(SCHOOL, keys.receipt.privateKey);
    await runUpload(
      deps(
        store,
        tampering(server, (r) => resign(r, keys.wrong.privateKey)),
      ),
    );
    await runUpload(
      deps(
        store,
        {
          upload: async () => {
            throw new TransportError('offline', true);
          },
        },
        { now: () => NOW + 60_000 },
      ),
    );
    for (const spy of spies) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
  });
});
