import { beforeAll, describe, expect, it } from 'vitest';
import { runUpload, TransportError, type UploadTransport } from '../../../src/sync/engine.ts';
import { depsFor, makeKeys, NOW, storeWith, type Keys } from './engine-kit.ts';
import { createFakeEndpoint } from './fake-endpoint.ts';
import { SCHOOL } from './fixtures.ts';
import { honest } from './transports.ts';

let keys: Keys;
beforeAll(async () => {
  keys = await makeKeys();
});
const deps = depsFor(() => keys);

const offline: UploadTransport = {
  upload: async () => {
    throw new TransportError('Cannot reach the school endpoint.', true);
  },
};

describe('runUpload: "Sync now" and the returning network try at once', () => {
  it('a timer run leaves a record in backoff alone; a forced run sends it now', async () => {
    const store = await storeWith(2);
    const first = await runUpload(deps(store, offline, { now: () => NOW }));
    expect(first.retried).toBe(2);

    const server = createFakeEndpoint(SCHOOL, keys.receipt.privateKey);
    let requests = 0;
    const counting: UploadTransport = {
      upload: (e) => {
        requests++;
        return honest(server).upload(e);
      },
    };
    const timer = await runUpload(deps(store, counting, { now: () => NOW + 1 }));
    expect(requests).toBe(0);
    expect(timer.remaining).toBe(2);

    const forced = await runUpload(deps(store, counting, { now: () => NOW + 1, force: true }));
    expect(requests).toBe(1);
    expect(forced.delivered).toBe(2);
    expect(forced.remaining).toBe(0);
  });

  it('a forced run still tries each record once, so it ends when the network is down', async () => {
    const store = await storeWith(3);
    let requests = 0;
    const report = await runUpload(
      deps(
        store,
        { upload: (e) => (requests++, offline.upload(e)) },
        { now: () => NOW, force: true, batchSize: 1 },
      ),
    );
    expect(requests).toBe(1);
    expect(report.error).toMatch(/Cannot reach/);
    expect(report.remaining).toBe(3);
  });
});
