/** A trust's hub (hub-cases.ts) on PostgreSQL, in a database of its own. */
import { describeHub } from './hub-cases.ts';
import { startTestServer } from './helpers.ts';
import { createTestDatabase } from './postgres-db.ts';

describeHub('postgres', async (hubSchools) => {
  const db = await createTestDatabase();
  const server = await startTestServer('none', { hubSchools, databaseUrl: db.url });
  return { ...server, close: () => server.close().then(() => db.drop()) };
});
