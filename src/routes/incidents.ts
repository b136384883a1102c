// GET /v1/incidents and /v1/incidents/:key: the read API over the KV read model, with its response schemas.
import { Hono } from 'hono';
import * as z from 'zod';
import { lazy } from '../lib/lazy';
import type { AppEnv } from '../app-env';
import { isoOf } from '../dashboard/format';
import { orderedEntries } from '../dashboard/pages';
import { DEFAULT_LIMIT, ListQuery, pageOf } from '../dashboard/paging';
import { HttpError } from '../lib/errors';
import { Category, Change, ErrorBody, Qualifier, Threat } from '../schema';
import { listIncidents, readIncident } from '../durable/read-model-kv';
import type { IncidentSummary, Timeline } from '../track/read-model';
import { requireReader } from './reader';

/*
 * The read API over the KV read model. Listing: one KV list() (metadata only), sorted newest activity first,
 * keyset-paginated with an opaque cursor. Detail: the incident's summary and its full timeline.
 */

// ---- response schemas (also the OpenAPI document's components) -----------------------------------------

const Iso = lazy(() => z.iso.datetime().describe('ISO 8601 date-time, UTC'));

export const IncidentKey = lazy(() =>
  z
    .string()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'incident key may hold letters, digits, ".", "_", ":" and "-"'),
);

export const ListedFigure = lazy(() => z.object({ value: z.number().int().nonnegative(), qualifier: Qualifier }));

export const IncidentListItem = lazy(() =>
  z.object({
    key: z.string(),
    title: z.string(),
    type: z.string().nullable(),
    places: z.array(z.string()).describe('at most three'),
    figures: z.partialRecord(Category, ListedFigure),
    last_received: Iso.describe('when the latest report arrived'),
    last_change: Iso.describe('when a report last changed a figure'),
  }),
);
export type IncidentListItem = z.infer<typeof IncidentListItem>;

export const IncidentList = lazy(() =>
  z.object({
    incidents: z.array(IncidentListItem),
    next_cursor: z.string().nullable().describe('pass as ?cursor= for the next page; null on the last page'),
  }),
);
export type IncidentList = z.infer<typeof IncidentList>;

export const DetailFigure = lazy(() =>
  ListedFigure.extend({
    quote: z.string(),
    attribution: z.string().optional(),
    outlet: z.string().describe('the outlet whose report set this figure'),
    outlets: z.array(z.string()).describe('outlets that reported it or a compatible figure'),
    url: z.string().optional(),
    article_id: z.string(),
    published: Iso,
  }),
);

export const DetailThreat = lazy(() =>
  z.object({
    value: z.number().int().nonnegative(),
    noun: z.string(),
    quote: z.string(),
    outlet: z.string(),
    outlets: z.array(z.string()),
    url: z.string().optional(),
    published: Iso,
  }),
);

export const ReportFigure = lazy(() => z.object({ value: z.number().int().nonnegative(), qualifier: Qualifier, quote: z.string(), attribution: z.string().optional() }));

export const TimelineReportOut = lazy(() =>
  z.object({
    kind: z.literal('report'),
    article_id: z.string(),
    title: z.string().optional(),
    outlet: z.string(),
    url: z.string().optional(),
    published: Iso,
    received: Iso,
    figures: z.partialRecord(Category, ReportFigure).describe('what this article said, with quotes'),
    threats: z.array(Threat),
    changes: z.array(Change).describe("what this report changed in the incident's figures"),
    alert: z.object({ id: z.string().nullable(), text: z.string() }).nullable().describe('the alert this report caused, if any'),
    filed_by: z.array(z.string()).optional().describe('the matching rules that filed this report under the incident'),
  }),
);

export const TimelineActionOut = lazy(() => z.object({ kind: z.literal('action'), action: z.string(), at: Iso, detail: z.string() }));

export const IncidentDetail = lazy(() =>
  z.object({
    incident: z.object({
      key: z.string(),
      title: z.string(),
      type: z.string().nullable(),
      places: z.array(z.string()),
      figures: z.partialRecord(Category, DetailFigure),
      threats: z.record(z.string(), DetailThreat),
      report_count: z.number().int(),
      muted: z.boolean(),
      closed: z.boolean(),
      last_published: Iso,
      last_received: Iso,
      last_change: Iso,
    }),
    timeline: z.array(z.discriminatedUnion('kind', [TimelineReportOut, TimelineActionOut])).describe('reports in arrival order, actions interleaved by time'),
  }),
);
export type IncidentDetail = z.infer<typeof IncidentDetail>;

// ---- mapping --------------------------------------------------------------------------------------------

export function detailOf(summary: IncidentSummary, timeline: Timeline | null): IncidentDetail {
  const figures: IncidentDetail['incident']['figures'] = {};
  for (const category of Category.options) {
    const f = summary.figures[category];
    if (!f) continue;
    figures[category] = {
      value: f.value,
      qualifier: f.qualifier,
      quote: f.quote,
      ...(f.attribution ? { attribution: f.attribution } : {}),
      outlet: f.outlet,
      outlets: f.outlets,
      ...(f.url ? { url: f.url } : {}),
      article_id: f.article_id,
      published: isoOf(f.published_ms),
    };
  }
  const threats: IncidentDetail['incident']['threats'] = {};
  for (const [head, t] of Object.entries(summary.threats)) {
    threats[head] = { value: t.value, noun: t.noun, quote: t.quote, outlet: t.outlet, outlets: t.outlets, ...(t.url ? { url: t.url } : {}), published: isoOf(t.published_ms) };
  }
  return {
    incident: {
      key: summary.key,
      title: summary.title,
      type: summary.type,
      places: summary.places,
      figures,
      threats,
      report_count: summary.report_count,
      muted: summary.muted,
      closed: summary.closed,
      last_published: isoOf(summary.last_published_ms),
      last_received: isoOf(summary.last_received_ms),
      last_change: isoOf(summary.last_change_ms),
    },
    timeline: orderedEntries(timeline).map((e) =>
      e.kind === 'report'
        ? {
            kind: 'report' as const,
            article_id: e.article_id,
            ...(e.title ? { title: e.title } : {}),
            outlet: e.outlet,
            ...(e.url ? { url: e.url } : {}),
            published: isoOf(e.published_ms),
            received: isoOf(e.received_ms),
            figures: e.casualties,
            threats: e.threats,
            changes: e.changes,
            alert: e.alert === null ? null : { id: e.alert_id, text: e.alert },
            ...(e.filed_by ? { filed_by: e.filed_by } : {}),
          }
        : { kind: 'action' as const, action: e.action, at: isoOf(e.at_ms), detail: e.detail },
    ),
  };
}

// ---- routes ---------------------------------------------------------------------------------------------

export const incidents = new Hono<AppEnv>();
incidents.use('*', requireReader);

incidents.get('/', async (c) => {
  const query = ListQuery.safeParse({ limit: c.req.query('limit'), cursor: c.req.query('cursor') });
  if (!query.success) {
    throw new HttpError(400, 'invalid_query', z.prettifyError(query.error), {
      issues: query.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  const page = pageOf(await listIncidents(c.env.READ_MODEL), query.data.limit ?? DEFAULT_LIMIT, query.data.cursor);
  const body: IncidentList = {
    incidents: page.items.map(({ key, meta }) => {
      const figures: IncidentListItem['figures'] = {};
      for (const category of Category.options) {
        const f = meta.figures[category];
        if (f) figures[category] = { value: f[0], qualifier: f[1] };
      }
      return {
        key,
        title: meta.title,
        type: meta.type,
        places: meta.places,
        figures,
        last_received: isoOf(meta.last_received_ms),
        last_change: isoOf(meta.last_change_ms),
      };
    }),
    next_cursor: page.nextCursor,
  };
  return c.json(body, 200, { 'cache-control': 'no-store' });
});

incidents.get('/:key', async (c) => {
  const key = IncidentKey.safeParse(c.req.param('key'));
  if (!key.success) throw new HttpError(404, 'not_found', 'no incident with that key');
  const { summary, timeline } = await readIncident(c.env.READ_MODEL, key.data);
  if (!summary) throw new HttpError(404, 'not_found', `no incident with key "${key.data}"`);
  return c.json(detailOf(summary, timeline), 200, { 'cache-control': 'no-store' });
});
