import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// Tests run inside workerd with the real bindings from wrangler.toml (top-level = production shape).
// Secrets a deploy would set with `wrangler secret put` are given test values here.
export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: './wrangler.toml' },
      miniflare: {
        bindings: {
          SLACK_WEBHOOK_URL: 'https://hooks.slack.test/services/T000/B000/XXXX',
          WEBHOOK_SECRETS: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
          INGEST_TOKENS: 'test-ingest-token',
          READ_TOKEN: 'test-read-token',
        },
      },
    }),
  ],
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // The worker logs one JSON line per request; keep test output to failures.
    silent: 'passed-only',
    // Node-side suites with their own configs: end to end against wrangler dev, and the real browser.
    exclude: ['test/e2e/**', 'test/browser/**'],
  },
});
