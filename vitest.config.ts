import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// Tests run inside workerd with the real bindings from wrangler.jsonc (top-level = production shape).
// Secrets a deploy would set with `wrangler secret put` are given test values here; Slack points at a stand-in
// on 127.0.0.1 that test/global-setup.ts starts (the pool resolves this function after global setup).
export default defineConfig({
  plugins: [
    cloudflareTest(({ inject }) => ({
      wrangler: { configPath: './wrangler.jsonc' },
      miniflare: {
        bindings: {
          SLACK_WEBHOOK_URL: inject('slackWebhookUrl'),
          WEBHOOK_SECRETS: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
          INGEST_TOKENS: 'test-ingest-token',
          READ_TOKEN: 'test-read-token',
        },
      },
    })),
  ],
  test: {
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/outbox-drain.ts'],
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // The worker logs one JSON line per request; keep test output to failures.
    silent: 'passed-only',
    // Node-side suites with their own configs: end to end against wrangler dev, and the real browser.
    exclude: ['test/e2e/**', 'test/browser/**'],
  },
});
