/**
 * Vitest's global set-up for the `postgres` project: one throwaway cluster for the whole
 * run (postgres-cluster.ts), its address handed to the test files as `inject('pgUrl')`;
 * each file then makes its own databases (postgres-db.ts).
 */
import type { TestProject } from 'vitest/node';
import { startCluster } from './postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await startCluster();
  project.provide('pgUrl', cluster.url);
  return () => cluster.stop();
}
