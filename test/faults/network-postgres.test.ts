/**
 * The network-fault property (network-kit.ts) on PostgreSQL, where two tablets' appends
 * race through row locks rather than SQLite's single writer. Fewer rounds than on SQLite
 * (network.test.ts runs 1,000): the faults are the same, the store is what is new.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/helpers.ts';
import { createTestDatabase, type TestDatabase } from '../server/postgres-db.ts';
import { runNetworkFaults } from './network-kit.ts';

const SEED = Number(process.env.NETWORK_SEED ?? Date.now() % 1_000_000);
let db: TestDatabase;
let server: TestServer;
beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer('none', {
    databaseUrl: db.url,
    rateLimit: { perMinute: 0, burst: 1 },
  });
});
afterAll(async () => {
  await server.close();
  await db.drop();
});

describe('sync over a faulty network to a PostgreSQL hub', () => {
  it('ends with the tablets and the endpoint holding exactly the same records', async () => {
    const report = await runNetworkFaults(server, 300, SEED);
    console.log(`network faults (postgres): seed ${SEED}, ${JSON.stringify(report)}`);
    expect(report.records).toBeGreaterThan(0);
  });
});
