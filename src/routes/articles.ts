import { Hono } from 'hono';
import * as z from 'zod';
import { authenticateIngest } from '../auth';
import { settingsFromEnv } from '../env';
import type { AppEnv } from '../app-env';
import { incidentMeta, mayOpenIncident, prepareArticle, unfiledResult } from '../ingest';
import { destinationsFromEnv } from '../notify';
import { readLimitedBody, parseJsonBody } from '../lib/body';
import { HttpError } from '../lib/errors';
import { sha256Hex } from '../lib/hash';
import { ArticleInput } from '../schema';

export const articles = new Hono<AppEnv>();

articles.post('/', async (c) => {
  const settings = settingsFromEnv(c.env);
  destinationsFromEnv(c.env); // a misconfigured destination refuses the request before anything is stored
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

  const prepared = await prepareArticle(parsed.data, sender.webhookId, now, sender.name);
  const { report } = prepared;
  const bodyHash = prepared.senderChosenId ? await sha256Hex(raw) : report.content_hash;

  const index = c.env.INCIDENT_INDEX.get(c.env.INCIDENT_INDEX.idFromName('global'));
  const filing = await index.file({
    articleId: report.article_id,
    bodyHash,
    hints: report.hints,
    publishedMs: report.published_ms,
    title: report.title,
    incidentId: parsed.data.incident_id,
    quietOverrides: settings.QUIET_PERIOD_DAYS,
    canOpen: mayOpenIncident(report),
  });
  if (filing.kind === 'conflict') {
    throw new HttpError(409, 'id_conflict', `article id "${report.article_id}" was already used for a different body`, {
      article_id: report.article_id,
      incident: filing.key || null,
    });
  }
  if (filing.kind === 'unfiled') return c.json(unfiledResult(report, filing.seen), 200);
  c.set('incident', filing.key);

  const tracker = c.env.INCIDENT_TRACKER.get(c.env.INCIDENT_TRACKER.idFromName(filing.key));
  // The rules that filed it travel with the report, so the incident's timeline can show them (filed_by).
  const filed = filing.kind === 'filed' ? { ...report, filed_by: filing.filedBy } : report;
  const result = await tracker.apply(
    incidentMeta(filing.key, report),
    filed,
    { minSources: settings.MIN_SOURCES, thresholds: settings.THRESHOLDS ?? {} },
    now,
  );
  return c.json(result, 200);
});
