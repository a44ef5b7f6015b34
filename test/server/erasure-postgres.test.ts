/** Retention erasure (erasure-cases.ts) on a two-school hub with PostgreSQL. */
import { describeErasure } from './erasure-cases.ts';
import { startTestServer } from './helpers.ts';
import { createTestDatabase } from './postgres-db.ts';

describeErasure('postgres', async () => {
  const db = await createTestDatabase();
  const server = await startTestServer('none', { hubSchools: 2, databaseUrl: db.url });
  return { ...server, close: () => server.close().then(() => db.drop()) };
});
