// Incident care routes: mute, close, merge and move, recorded in the incidents' histories.
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { settingsFromEnv, type Env } from '../env';
import { HttpError } from '../lib/errors';
import { incidentMeta } from '../ingest';
import { incidentKeyBase } from '../track/match';
import { CloseBody, MergeBody, MoveBody, MuteBody, type CloseResult, type MergeResult, type MoveResult, type MuteResult } from './api-schemas';
import { requireReader } from './reader';
import { requireWriteRequest, writeBody } from './writes';

/*
 * Incident care: an operator fixes the bot's grouping. Every action is recorded in the incidents' histories
 * and their figures are recomputed from the reports they then hold; nothing here sends an alert.
 */
export const incidentCare = new Hono<AppEnv>();
incidentCare.use('*', requireReader, requireWriteRequest);

const tracker = (env: Env, key: string) => env.INCIDENT_TRACKER.get(env.INCIDENT_TRACKER.idFromName(key));
const index = (env: Env) => env.INCIDENT_INDEX.get(env.INCIDENT_INDEX.idFromName('global'));
const trackerSettings = (env: Env) => {
  const s = settingsFromEnv(env);
  return { minSources: s.MIN_SOURCES, thresholds: s.THRESHOLDS ?? {} };
};

async function requireIncident(env: Env, key: string) {
  const state = await tracker(env, key).state();
  if (!state) throw new HttpError(404, 'not_found', `no incident "${key}"`);
  return state;
}

incidentCare.post('/:key/mute', async (c) => {
  const { muted } = await writeBody(c.req.raw, MuteBody);
  const key = c.req.param('key');
  await requireIncident(c.env, key);
  const state = await tracker(c.env, key).setMuted(muted, Date.now());
  return c.json({ incident: key, muted: state?.muted ?? muted } satisfies MuteResult);
});

incidentCare.post('/:key/close', async (c) => {
  const { closed } = await writeBody(c.req.raw, CloseBody);
  const key = c.req.param('key');
  await requireIncident(c.env, key);
  await index(c.env).setClosed(key, closed);
  const state = await tracker(c.env, key).setClosed(closed, Date.now());
  return c.json({ incident: key, closed: state?.closed ?? closed } satisfies CloseResult);
});

incidentCare.post('/:key/merge', async (c) => {
  const { into } = await writeBody(c.req.raw, MergeBody);
  const key = c.req.param('key');
  if (into === key) throw new HttpError(400, 'invalid_request', 'cannot merge an incident into itself');
  const target = await requireIncident(c.env, into);
  await requireIncident(c.env, key);
  const now = Date.now();
  const settings = trackerSettings(c.env);
  // Copy, re-point, then delete: a failure at any step leaves every report somewhere, and a retry finishes the
  // job (the target skips reports it already holds; the source has nothing left to delete).
  const reports = await tracker(c.env, key).reportsFor(null);
  const state = await tracker(c.env, into).adoptReports(
    { key: into, title: target.title, type: target.type, places: target.places },
    reports,
    'merge',
    `merged ${reports.length} report(s) from ${key}`,
    settings,
    now,
  );
  await index(c.env).mergeInto(key, into);
  await tracker(c.env, key).releaseReports(reports.map((r) => r.article_id), 'merged_away', `merged into ${into}`, settings, now);
  await tracker(c.env, key).setClosed(true, now);
  return c.json({ incident: into, merged_from: key, reports_moved: reports.length, figures: state?.figures ?? {} } satisfies MergeResult);
});

incidentCare.post('/:key/reports/:articleId/move', async (c) => {
  // `to: null` moves the report to a new incident of its own; the field is required so an empty body does nothing.
  const { to } = await writeBody(c.req.raw, MoveBody);
  const key = c.req.param('key');
  const articleId = c.req.param('articleId');
  await requireIncident(c.env, key);
  if (to === key) throw new HttpError(400, 'invalid_request', 'the report is already in that incident');
  const target = to ? await requireIncident(c.env, to) : null;
  const now = Date.now();
  const settings = trackerSettings(c.env);
  const [report] = await tracker(c.env, key).reportsFor([articleId]);
  if (!report) throw new HttpError(404, 'not_found', `incident "${key}" holds no report "${articleId}"`);
  // Copy, then delete (see merge). An earlier attempt that got as far as re-pointing the index chose the
  // destination already: reuse it rather than open a second new incident.
  const filedUnder = await index(c.env).articleKey(articleId);
  const destination =
    to ?? (filedUnder && filedUnder !== key ? filedUnder : await index(c.env).createFor(incidentKeyBase(report.hints, report.published_ms, report.title), report.hints, report.published_ms));
  await index(c.env).reassignArticle(articleId, destination);
  const meta = target ? { key: destination, title: target.title, type: target.type, places: target.places } : incidentMeta(destination, report);
  const state = await tracker(c.env, destination).adoptReports(meta, [report], 'move_in', `report ${articleId} moved in from ${key}`, settings, now);
  await tracker(c.env, key).releaseReports([articleId], 'move_out', `moved report ${articleId} to ${destination}`, settings, now);
  return c.json({ article_id: articleId, from: key, to: destination, figures: state?.figures ?? {} } satisfies MoveResult);
});
