/** The store contract (store-contract.ts) against PostgreSQL, in a fresh database per test. */
import { PostgresStore } from '../../src/server/store/postgres-store.ts';
import { createTestDatabase } from './postgres-db.ts';
import { describeStore } from './store-contract.ts';

describeStore('postgres', async () => {
  const db = await createTestDatabase();
  return {
    open: () => PostgresStore.open(db.url),
    destroy: () => db.drop(),
  };
});
