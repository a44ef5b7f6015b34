import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

// Unit, storage, server, PostgreSQL, fault and component tests. Browser tests have their
// own config (vitest.e2e.config.ts) because they need the built app and run one at a time.
// The PostgreSQL tests are a project of their own because they need a cluster started once
// for the run (and fail, never skip, when PostgreSQL is missing); the fault tests because
// they are long, so `--project node` stays quick while editing.
const POSTGRES_TESTS = ['test/server/**/*-postgres.test.ts', 'test/faults/**/*-postgres.test.ts'];
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/unit/**/*.test.ts', 'test/server/**/*.test.ts'],
          exclude: POSTGRES_TESTS,
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'postgres',
          include: POSTGRES_TESTS,
          environment: 'node',
          globalSetup: ['test/server/postgres-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'faults',
          include: ['test/faults/**/*.test.ts'],
          exclude: POSTGRES_TESTS,
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'storage',
          include: ['test/storage/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/support/fake-indexeddb.ts'],
          testTimeout: 30_000,
        },
      },
      {
        plugins: [preact()],
        test: {
          name: 'component',
          include: ['test/component/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['test/support/fake-indexeddb.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
