/**
 * Chooses and opens the endpoint's store: PostgreSQL when a database address is given (a
 * trust's hub), else the embedded SQLite file in the data folder. The PostgreSQL driver is
 * loaded only when it is used, so a school's own endpoint never starts it.
 */
import { mkdirSync } from 'node:fs';
import { SqliteStore } from './sqlite-store.ts';
import type { EndpointStore } from './types.ts';

export interface StoreOptions {
  dataDir: string;
  /** postgres://…; absent or null for SQLite in dataDir. */
  databaseUrl?: string | null;
}

export async function openStore(options: StoreOptions): Promise<EndpointStore> {
  if (options.databaseUrl) {
    const { PostgresStore } = await import('./postgres-store.ts');
    return PostgresStore.open(options.databaseUrl);
  }
  mkdirSync(options.dataDir, { recursive: true });
  return new SqliteStore(options.dataDir);
}
