// The Worker's entry: the Hono app with its request log and routes, the queue consumer, the cron jobs and the Durable Object classes.
import { Hono } from 'hono';
import type { AppEnv } from './app-env';
import { SettingsError, type Env } from './env';
import { errorBody, HttpError } from './lib/errors';
import { log } from './lib/log';
import { DestinationConfigError } from './notify';
import { consumeAlerts, consumeDeadLetters } from './queue/consumer';
import { scheduled } from './scheduled';
import { articles } from './routes/articles';
import { deadLetters } from './routes/dead-letters';
import { health } from './routes/health';
import { incidentCare } from './routes/incident-care';
import { dashboard } from './routes/dashboard';
import { incidents } from './routes/incidents';
import { platformRefusal } from './routes/overload';
import { apiDocs } from './routes/docs';
import { session } from './routes/session';

export { IncidentTracker } from './durable/incident-tracker';
export { IncidentIndex } from './durable/incident-index';
export { DeliveryLedger } from './durable/delivery-ledger';
export { RateLimiter } from './durable/rate-limiter';
export { FeedState } from './feeds/feed-state';

export const app = new Hono<AppEnv>();

// One structured line per request: route, status, incident, latency. Never bodies, headers or secrets.
app.use('*', async (c, next) => {
  const started = Date.now();
  await next();
  log({ msg: 'request', method: c.req.method, route: c.req.routePath, status: c.res.status, incident: c.get('incident'), ms: Date.now() - started });
});

app.route('/health', health);
app.route('/v1/articles', articles);
app.route('/v1/dead-letters', deadLetters);
app.route('/v1/incidents', incidentCare);
app.route('/v1/incidents', incidents);
app.route('/v1', apiDocs);
app.route('/', session);
app.route('/', dashboard);

app.notFound((c) => c.json(errorBody('not_found', `no route for ${c.req.method} ${new URL(c.req.url).pathname}`), 404));

app.onError((err, c) => {
  if (err instanceof HttpError) {
    return c.json(errorBody(err.code, err.message, err.details), err.status, err.headers);
  }
  const refusal = platformRefusal(err);
  if (refusal) {
    log({ level: 'warn', msg: 'durable object refused the call', code: refusal.body.error.code, route: c.req.routePath, error: err instanceof Error ? err.message : String(err) });
    return c.json(refusal.body, refusal.status, refusal.headers);
  }
  if (err instanceof SettingsError || err instanceof DestinationConfigError) {
    log({ level: 'error', msg: 'configuration error', details: err.message });
    return c.json(errorBody('configuration_error', 'the worker is misconfigured; see its logs'), 500);
  }
  log({ level: 'error', msg: 'unhandled error', error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  return c.json(errorBody('internal_error', 'internal error'), 500);
});

export default {
  fetch: app.fetch,
  async queue(batch: MessageBatch<unknown>, env: Env): Promise<void> {
    if (batch.queue.endsWith('-dlq')) await consumeDeadLetters(batch, env);
    else await consumeAlerts(batch, env);
  },
  scheduled,
} satisfies ExportedHandler<Env>;
