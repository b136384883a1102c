// The Cron Trigger edge: which scheduled job a cron expression runs (feed polling; the daily digest).
import type { Env } from './env';
import { sendDigests } from './digest-job';
import { pollFeeds } from './feeds/poll';
import { log } from './lib/log';
import { workerPorts } from './routes/articles';

/** wrangler.jsonc's cron for the digest; every other cron (and `/__scheduled` without one) polls the feeds. */
export const DIGEST_CRON = '0 * * * *';

/**
 * Awaited rather than left to waitUntil: a scheduled run may take its full time, and locally `/__scheduled`
 * answers only once the poll is done, so a test or a person knows the alerts are on their way.
 */
export async function scheduled(controller: Pick<ScheduledController, 'cron' | 'scheduledTime'>, env: Env): Promise<void> {
  const now = Date.now();
  if (controller.cron === DIGEST_CRON) {
    try {
      await sendDigests(env, now);
    } catch (err) {
      log({ level: 'error', msg: 'digest did not run', error: err instanceof Error ? err.message : String(err) });
    }
    return;
  }
  try {
    const results = await pollFeeds(env, workerPorts(env), now);
    for (const r of results) log({ msg: 'feed polled', feed: r.feed, outcome: r.outcome, new_items: r.new_items, ingested: r.ingested, refused: r.refused, deferred: r.deferred });
  } catch (err) {
    // A configuration error: nothing was fetched or stored; /health shows the same error.
    log({ level: 'error', msg: 'feed poll did not run', error: err instanceof Error ? err.message : String(err) });
  }
}
