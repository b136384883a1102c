import { defineConfig } from 'vitest/config';

// End-to-end tests: plain Node (no workerd pool). Each test file starts the real worker with wrangler's
// `unstable_startWorker` (local workerd, in-memory storage) plus a chat sink, and talks to both over HTTP.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
    // wrangler's local queue logs go to stdout; show output only for failing tests.
    silent: 'passed-only',
    env: {
      CLOUDFLARE_CF_FETCH_ENABLED: 'false',
      WRANGLER_SEND_METRICS: 'false',
    },
  },
});
