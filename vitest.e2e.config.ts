import { defineConfig } from 'vitest/config';

// Browser tests: Playwright driving Debian's Chromium against the built app served by the
// real endpoint. One file at a time: each starts its own endpoint and browser.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
