/** The school office's computer (office-cases.ts) on PostgreSQL, in a database of its own. */
import { describeOffice } from './office-cases.ts';
import { startTestServer } from './helpers.ts';
import { createTestDatabase } from './postgres-db.ts';

describeOffice('postgres', async () => {
  const db = await createTestDatabase();
  const server = await startTestServer('none', { databaseUrl: db.url });
  return { ...server, close: () => server.close().then(() => db.drop()) };
});
