// GET /health: liveness, dead-letter depth and each destination's last delivery.
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { settingsFromEnv } from '../env';
import { destinationId, destinationsFromEnv, digestHoursFromEnv } from '../notify';
import { ledger } from '../queue/consumer';
import { feedHealth } from '../feeds/health';
import type { Health } from './api-schemas';

export const health = new Hono<AppEnv>();

/** Liveness plus what an operator checks first: dead-letter depth and each destination's last delivery. */
health.get('/', async (c) => {
  const status = await ledger(c.env).status();
  let configured: string[] = [];
  let configError: string | null = null;
  try {
    // Settings first: a malformed secret list refuses every article, so the operator should see it here.
    settingsFromEnv(c.env);
    const all = destinationsFromEnv(c.env);
    digestHoursFromEnv(c.env, all);
    configured = all.map(destinationId);
  } catch (err) {
    configError = err instanceof Error ? err.message : String(err);
  }
  const destinations = configured.map((name) => {
    const s = status.destinations.find((d) => d.destination === name);
    return {
      destination: name,
      last_delivered: s?.last_delivered_ms ? new Date(s.last_delivered_ms).toISOString() : null,
      last_alert_id: s?.last_alert_id ?? null,
      last_failure: s?.last_failure_ms ? new Date(s.last_failure_ms).toISOString() : null,
      last_failure_reason: s?.last_failure ?? null,
    };
  });
  const feeds = await feedHealth(c.env);
  if (feeds.config_error) configError = configError ? `${configError}; ${feeds.config_error}` : feeds.config_error;
  const body: Health = {
    ok: configError === null,
    service: 'tollwatch',
    config_error: configError,
    dead_letters: status.dead_letters,
    destinations,
    feeds: feeds.feeds,
    feeds_failing: feeds.failing,
  };
  return c.json(body, configError ? 503 : 200);
});
