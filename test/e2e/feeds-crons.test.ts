// The Cron Triggers wrangler deploys: the feed poll and the digest's '0 * * * *', which test/notify/digest.test.ts fires at the worker.
import path from 'node:path';
import { expect, it } from 'vitest';
import { unstable_readConfig } from 'wrangler';
import { ROOT } from './harness';

it('wrangler.jsonc polls the feeds every 10 minutes and runs the digest at minute 0, in production and in dev', () => {
  for (const env of [undefined, 'dev']) {
    const config = unstable_readConfig({ config: path.join(ROOT, 'wrangler.jsonc'), env });
    expect(config.triggers.crons).toEqual(['*/10 * * * *', '0 * * * *']);
  }
});
