import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

// Unit, storage, server and component tests. Browser tests have their own config
// (vitest.e2e.config.ts) because they need the built app and run one at a time.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/unit/**/*.test.ts', 'test/server/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
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
