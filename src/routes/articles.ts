// POST /v1/articles: authenticate, rate-limit and parse; the ingest use case does the rest.
import { Hono } from 'hono';
import * as z from 'zod';
import { authenticateIngest } from '../auth';
import { settingsFromEnv, type Env } from '../env';
import type { AppEnv } from '../app-env';
import { ingestArticle, type IngestPorts } from '../ingest';
import { destinationsOf } from '../queue/destinations';
import { readLimitedBody, parseJsonBody } from '../lib/body';
import { HttpError } from '../lib/errors';
import { ArticleInput } from '../schema';

/** The webhook edge: authenticate, rate-limit and parse, then hand the article to the ingest use case. */
export const articles = new Hono<AppEnv>();

/** The use case's ports on the worker: the singleton index and the per-incident trackers. */
export function workerPorts(env: Env): IngestPorts {
  const index = env.INCIDENT_INDEX.get(env.INCIDENT_INDEX.idFromName('global'));
  return {
    file: (request) => index.file(request),
    forget: (articleId, key) => index.forget(articleId, key),
    tracker: (key) => {
      const stub = env.INCIDENT_TRACKER.get(env.INCIDENT_TRACKER.idFromName(key));
      return { apply: (meta, report, settings, now) => stub.apply(meta, report, settings, now), holds: (articleId) => stub.holds(articleId) };
    },
  };
}

articles.post('/', async (c) => {
  const settings = settingsFromEnv(c.env);
  destinationsOf(c.env); // a misconfigured destination refuses the request before anything is stored
  const now = Date.now();
  const raw = await readLimitedBody(c.req.raw);
  const sender = await authenticateIngest(settings, c.req.raw.headers, raw, Math.floor(now / 1000));

  const limiter = c.env.RATE_LIMITER.get(c.env.RATE_LIMITER.idFromName(sender.id));
  const decision = await limiter.take(settings.RATE_LIMIT_PER_MINUTE, now);
  if (!decision.allowed) {
    throw new HttpError(429, 'rate_limited', `too many articles from this sender; retry in ${decision.retryAfterSeconds} s`, undefined, {
      'retry-after': String(decision.retryAfterSeconds),
    });
  }

  const json = parseJsonBody(c.req.header('content-type'), raw);
  const parsed = ArticleInput.safeParse(json);
  if (!parsed.success) {
    throw new HttpError(400, 'invalid_article', z.prettifyError(parsed.error), {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message })),
    });
  }

  const result = await ingestArticle(workerPorts(c.env), {
    input: parsed.data,
    json,
    rawBody: raw,
    webhookId: sender.webhookId,
    senderName: sender.name,
    receivedMs: now,
    settings: { minSources: settings.MIN_SOURCES, thresholds: settings.THRESHOLDS ?? {} },
    quietOverrides: settings.QUIET_PERIOD_DAYS,
  });
  if (result.incident) c.set('incident', result.incident);
  return c.json(result, 200);
});
