// The read model's shapes: an incident's summary and timeline as listings, the dashboard and the read API show them.
import * as z from 'zod';
import { lazy } from '../lib/lazy';
import { toAsciiJson } from '../lib/ascii-json';
import { CATEGORIES, Change, CurrentFigure, CurrentThreat, Qualifier, Report, type IncidentState } from '../schema';

/*
 * The read model's shapes, as plain values: what listings, the dashboard and the read API show, never an input
 * to a decision. Pure: where they are stored (KV, written by each incident's Durable Object) is the edge's
 * business, in durable/read-model-kv.ts.
 */

export const IncidentSummary = lazy(() =>
  z.object({
    v: z.literal(1),
    key: z.string(),
    title: z.string(),
    type: z.string().nullable(),
    places: z.array(z.string()),
    figures: z.partialRecord(z.enum(CATEGORIES), CurrentFigure),
    threats: z.record(z.string(), CurrentThreat),
    report_count: z.number().int(),
    last_published_ms: z.number(),
    last_received_ms: z.number(),
    last_change_ms: z.number(),
    muted: z.boolean(),
    closed: z.boolean(),
    version: z.number().int(),
  }),
);
export type IncidentSummary = z.infer<typeof IncidentSummary>;

/** Kept under KV's 1,024-byte metadata limit: figures as [value, qualifier] pairs, at most three places. */
export const SummaryMeta = lazy(() =>
  z.object({
    v: z.literal(1),
    title: z.string(),
    type: z.string().nullable(),
    places: z.array(z.string()),
    figures: z.partialRecord(z.enum(CATEGORIES), z.tuple([z.number(), Qualifier])),
    last_received_ms: z.number(),
    last_change_ms: z.number(),
    muted: z.boolean().default(false),
    closed: z.boolean().default(false),
  }),
);
export type SummaryMeta = z.infer<typeof SummaryMeta>;

/** A report as the timeline shows it: the stored report's provenance and figures, with what it changed. */
export const TimelineReport = lazy(() =>
  Report.pick({
    article_id: true,
    url: true,
    title: true,
    outlet: true,
    published_ms: true,
    received_ms: true,
    casualties: true,
    threats: true,
    filed_by: true,
  }).extend({
    kind: z.literal('report'),
    changes: z.array(Change),
    alert: z.string().nullable(),
    alert_id: z.string().nullable(),
  }),
);
export type TimelineReport = z.infer<typeof TimelineReport>;

export const TimelineAction = lazy(() =>
  z.object({
    kind: z.literal('action'),
    action: z.string(),
    at_ms: z.number(),
    detail: z.string(),
  }),
);
export type TimelineAction = z.infer<typeof TimelineAction>;

export const TimelineEntry = lazy(() => z.discriminatedUnion('kind', [TimelineReport, TimelineAction]));
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const Timeline = lazy(() => z.object({ v: z.literal(1), key: z.string(), entries: z.array(TimelineEntry) }));
export type Timeline = z.infer<typeof Timeline>;

/** The timeline as the summary's value carries it; absent in values written before the two were one. */
export const StoredTimeline = lazy(() => z.object({ timeline: Timeline.optional() }));

export function summaryOf(state: IncidentState, lastChangeMs: number): IncidentSummary {
  return {
    v: 1,
    key: state.key,
    title: state.title,
    type: state.type,
    places: state.places,
    figures: state.figures,
    threats: state.threats,
    report_count: state.report_count,
    last_published_ms: state.latest_published_ms,
    last_received_ms: state.last_received_ms,
    last_change_ms: lastChangeMs,
    muted: state.muted,
    closed: state.closed,
    version: state.version,
  };
}

/** KV refuses metadata over 1,024 bytes of JSON; a refused write would leave the read model stale for good. */
export const METADATA_MAX_BYTES = 1_024;
const utf8 = new TextEncoder();
const utf8Bytes = (value: unknown) => utf8.encode(JSON.stringify(toAsciiJson(value))).length;

/** Cuts at a code-point boundary, so no lone surrogate (invalid UTF-8) is left behind. */
const cut = (text: string, codePoints: number) => Array.from(text).slice(0, codePoints).join('');

export function metaOf(summary: IncidentSummary): SummaryMeta {
  const figures: SummaryMeta['figures'] = {};
  for (const category of CATEGORIES) {
    const f = summary.figures[category];
    if (f) figures[category] = [f.value, f.qualifier];
  }
  const meta: SummaryMeta = {
    v: 1,
    title: cut(summary.title, 120),
    type: summary.type,
    places: summary.places.slice(0, 3).map((p) => cut(p, 60)),
    figures,
    last_received_ms: summary.last_received_ms,
    last_change_ms: summary.last_change_ms,
    muted: summary.muted,
    closed: summary.closed,
  };
  // Characters are not bytes: a title in a non-Latin script or emoji can triple the size. Shed places, then
  // title length, until it fits (the full summary in the value keeps everything).
  while (utf8Bytes(meta) > METADATA_MAX_BYTES && meta.places.length > 1) meta.places = meta.places.slice(0, -1);
  for (let n = 100; utf8Bytes(meta) > METADATA_MAX_BYTES && n >= 0; n -= 20) {
    meta.title = cut(meta.title, n);
    meta.places = meta.places.map((p) => cut(p, Math.min(60, n)));
  }
  return meta;
}

export interface ListedIncident {
  key: string;
  meta: SummaryMeta;
}
