import { defineConfig } from 'vitest/config';

// Real-browser checks (npm run test:browser): plain Node vitest, no Workers pool. The test starts the worker
// with wrangler's unstable_startWorker (env dev) and drives the Debian Chromium at /usr/bin/chromium.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
