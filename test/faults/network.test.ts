/**
 * Network faults between the real sync engine and a real endpoint (network-kit.ts), on the
 * embedded store: at least 1,000 randomised rounds, none lost, none duplicated. The seed is
 * printed, and NETWORK_SEED repeats a run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/helpers.ts';
import { runNetworkFaults } from './network-kit.ts';

const SEED = Number(process.env.NETWORK_SEED ?? Date.now() % 1_000_000);
let server: TestServer;
beforeAll(async () => {
  // The limit is off: this test is about the network, and 429s are covered elsewhere.
  server = await startTestServer('none', { rateLimit: { perMinute: 0, burst: 1 } });
});
afterAll(() => server.close());

describe('sync over a faulty network', () => {
  it('ends with the tablets and the endpoint holding exactly the same records', async () => {
    const report = await runNetworkFaults(server, 1000, SEED);
    console.log(`network faults (sqlite): seed ${SEED}, ${JSON.stringify(report)}`);
    expect(report.rounds).toBeGreaterThanOrEqual(1000);
  });
});
