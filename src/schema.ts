// The shapes every part shares, as Zod schemas: the article input, figures, reports, incident state, alerts and answers.
import * as z from 'zod';
import { lazy } from './lib/lazy';

/** Casualty categories, in the order alerts and the dashboard show them. */
export const CATEGORIES = ['killed', 'injured', 'missing', 'arrested', 'displaced', 'hostages'] as const;
export const Category = lazy(() => z.enum(CATEGORIES));
/** How much a figure must move before it is worth an alert: an absolute step, a relative one, or both. */
export const Threshold = lazy(() => z.object({ abs: z.number().nonnegative().default(0), rel: z.number().nonnegative().default(0) }));
export type Threshold = z.infer<typeof Threshold>;
export type Category = z.infer<typeof Category>;

export const Qualifier = lazy(() => z.enum(['exact', 'at_least', 'approx', 'at_most']));
export type Qualifier = z.infer<typeof Qualifier>;

// ISO 8601 date or date-time, with or without offset; no offset means UTC.
const isoDate = lazy(() => z.iso.date());
const isoDateTime = lazy(() => z.iso.datetime({ offset: true, local: true }));
export const PublishedInput = lazy(() =>
  z.union([isoDate, isoDateTime], {
    error: 'published must be an ISO 8601 date (2020-01-07) or date-time (2020-01-07T10:00:00Z)',
  }),
);

/** Turns a validated `published` string into epoch milliseconds (UTC when no offset is given). */
export function publishedToMs(published: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(published)) return Date.parse(`${published}T00:00:00Z`);
  const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/i.test(published);
  return Date.parse(hasOffset ? published : `${published}Z`);
}

/**
 * How far past its receipt an article's `published` may lie: time zones and sloppy feeds put honest articles a
 * few hours ahead; anything further is an error that would make every later report look late (never alert).
 */
export const PUBLISHED_MAX_AHEAD_MS = 24 * 60 * 60 * 1000;

/** The refusal for a `published` too far ahead of receipt, or null when it is acceptable. */
export function publishedTooLate(publishedMs: number, receivedMs: number): string | null {
  return publishedMs > receivedMs + PUBLISHED_MAX_AHEAD_MS
    ? `published (${new Date(publishedMs).toISOString()}) is more than a day after the article was received (${new Date(receivedMs).toISOString()})`
    : null;
}

/** The webhook payload: one article. Unknown fields are ignored (stripped). */
export const ArticleInput = lazy(() =>
  z.object({
    text: z.string({ error: 'text is required and must be a string' }).trim().min(1, 'text must not be empty'),
    title: z.string().max(2_000).optional(),
    url: z.url({ protocol: /^https?$/, error: 'url must be an absolute http(s) URL' }).max(4_096).optional(),
    published: PublishedInput.optional(),
    source: z.string().trim().min(1).max(200).optional(),
    id: z.string().trim().min(1).max(200).optional(),
    incident_id: z
      .string()
      .trim()
      .min(1)
      .max(120)
      .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'incident_id may hold letters, digits, ".", "_", ":" and "-"')
      .optional(),
  }),
);
export type ArticleInput = z.infer<typeof ArticleInput>;

export const Figure = lazy(() =>
  z.object({
    value: z.number().int().nonnegative(),
    qualifier: Qualifier,
    quote: z.string(),
    attribution: z.string().optional(),
    /** the id of the extraction rule that read the figure (`npm run extract -- --explain`) */
    rule: z.string().optional(),
  }),
);
export type Figure = z.infer<typeof Figure>;

export const Casualties = lazy(() => z.partialRecord(Category, Figure));
export type Casualties = z.infer<typeof Casualties>;

export const Threat = lazy(() =>
  z.object({
    value: z.number().int().nonnegative(),
    /** "more than a dozen missiles" is 12 at least; absent in reports stored before threats kept it (read as exact) */
    qualifier: Qualifier.optional(),
    noun: z.string(),
    quote: z.string(),
    /** the id of the threat rule that read the figure (`npm run extract -- --explain`) */
    rule: z.string().optional(),
  }),
);
export type Threat = z.infer<typeof Threat>;

export const IncidentHints = lazy(() =>
  z.object({
    type: z.string().nullable(),
    places: z.array(z.string()),
    names: z.array(z.string()).optional(),
    dateline: z.string().optional(),
    /** Earthquake magnitudes the headline and lead give: two quakes of different magnitude are different quakes. */
    magnitudes: z.array(z.number()).optional(),
    /** Ships the headline and lead name ("the tanker Pivot"): an attack on another ship is another attack. */
    vessels: z.array(z.string()).optional(),
    /** The headline looks back at an old incident ("four years since…", "anniversary"): no current incident. */
    retrospective: z.boolean().optional(),
    /** Ages of the people the headline and lead are about ("a 23-year-old man"): two shootings of different people differ. */
    ages: z.array(z.number().int().nonnegative()).optional(),
    /** Those of `ages` the opening gives to someone arrested, charged or sought ("a 19-year-old was arrested"): a suspect's age says nothing about who was shot. */
    suspect_ages: z.array(z.number().int().nonnegative()).optional(),
    /** Ages the rest of the report gives (the victims a later paragraph lists): another report's ages may be these. */
    later_ages: z.array(z.number().int().nonnegative()).optional(),
    /** Streets the headline and lead place it on ("the 1500 block of 19th Street" → "19th street"), normalised. */
    streets: z.array(z.string()).optional(),
    /** Killed plus injured as this report gives them: a mass shooting is no everyday one. */
    toll: z.number().int().nonnegative().optional(),
  }),
);
export type IncidentHints = z.infer<typeof IncidentHints>;

/** What the extractor returns for one article (also the `extract` CLI's output). */
export const Extraction = lazy(() =>
  z.object({
    casualties: Casualties,
    threats: z.array(Threat),
    incident: IncidentHints,
  }),
);
export type Extraction = z.infer<typeof Extraction>;

/** An article as the tracker sees it: identity, provenance and what was extracted. */
export const Report = lazy(() =>
  z.object({
    v: z.literal(1),
    article_id: z.string(),
    content_hash: z.string(),
    url: z.string().optional(),
    title: z.string().optional(),
    outlet: z.string(),
    published_ms: z.number(),
    received_ms: z.number(),
    casualties: Casualties,
    threats: z.array(Threat),
    hints: IncidentHints,
    /** The matching rules that filed it under its incident (ids from track/match.ts MATCH_RULES). */
    filed_by: z.array(z.string()).optional(),
  }),
);
export type Report = z.infer<typeof Report>;

export const ChangeKind = lazy(() => z.enum(['new', 'up', 'down', 'qualifier']));
export const FigureSnapshot = lazy(() => z.object({ value: z.number(), qualifier: Qualifier }));
export type FigureSnapshot = z.infer<typeof FigureSnapshot>;

/** One category's (or one threat noun's) change, as the API, replay CLI and alerts show it. */
export const Change = lazy(() =>
  z.object({
    kind: z.enum(['casualty', 'threat']),
    category: z.string(),
    from: FigureSnapshot.nullable(),
    to: FigureSnapshot,
    change: ChangeKind,
    quote: z.string(),
    attribution: z.string().optional(),
    noun: z.string().optional(),
  }),
);
export type Change = z.infer<typeof Change>;

/** A current figure held by an incident, with the outlets that reported it or a compatible figure. */
export const CurrentFigure = lazy(() =>
  Figure.extend({
    published_ms: z.number(),
    article_id: z.string(),
    outlet: z.string(),
    url: z.string().optional(),
    outlets: z.array(z.string()),
  }),
);
export type CurrentFigure = z.infer<typeof CurrentFigure>;

export const CurrentThreat = lazy(() =>
  Threat.extend({
    head: z.string(),
    published_ms: z.number(),
    article_id: z.string(),
    outlet: z.string(),
    url: z.string().optional(),
    outlets: z.array(z.string()),
  }),
);
export type CurrentThreat = z.infer<typeof CurrentThreat>;

export const IncidentState = lazy(() =>
  z.object({
    v: z.literal(1),
    key: z.string(),
    title: z.string(),
    type: z.string().nullable(),
    places: z.array(z.string()),
    figures: z.partialRecord(Category, CurrentFigure),
    threats: z.record(z.string(), CurrentThreat),
    latest_published_ms: z.number(),
    last_received_ms: z.number(),
    report_count: z.number().int(),
    version: z.number().int(),
    muted: z.boolean(),
    closed: z.boolean(),
    /**
     * The figures the last alert announced (or that were taken in silently). An alert is the difference between
     * these and the current figures for categories corroborated by `min_sources` outlets, so a held-back change
     * is announced later without being lost, and never twice.
     */
    alerted: z.partialRecord(Category, FigureSnapshot),
    alerted_threats: z.record(z.string(), FigureSnapshot),
  }),
);
export type IncidentState = z.infer<typeof IncidentState>;

/** An alert as it travels through the queue: everything a formatter needs, no article text beyond quotes. */
export const Alert = lazy(() =>
  z.object({
    v: z.literal(1),
    alert_id: z.string(),
    incident_key: z.string(),
    incident_title: z.string(),
    incident_type: z.string().nullable(),
    places: z.array(z.string()),
    is_new_incident: z.boolean(),
    changes: z.array(Change),
    outlet: z.string(),
    url: z.string().optional(),
    /**
     * The headline of the article whose figures changed. Optional: alert messages queued by a version that did not
     * carry it (and articles sent without a title) must still parse and be delivered.
     */
    article_title: z.string().optional(),
    published_ms: z.number(),
    created_ms: z.number(),
    corroboration: z.record(z.string(), z.number().int()),
  }),
);
export type Alert = z.infer<typeof Alert>;

export const DESTINATIONS = ['slack', 'discord', 'telegram', 'teams', 'webhook'] as const;
export const DestinationName = lazy(() => z.enum(DESTINATIONS));
export type DestinationName = z.infer<typeof DestinationName>;
/**
 * A destination's own name: its platform for a single-URL setting (`slack`), or the name given in DESTINATIONS
 * (`slack-africa`). It keys the delivery ledger and the outbox, so it must be unique among the destinations.
 */
export const DestinationId = lazy(() => z.string().regex(/^[a-z0-9][a-z0-9_-]{0,47}$/, 'must be 1–48 lower-case letters, digits, - or _, starting with a letter or digit'));

export const AlertMessage = lazy(() =>
  z.object({
    v: z.literal(1),
    destination: DestinationId,
    alert: Alert,
    /** Set when the consumer dead-letters a message itself (permanent 4xx, attempts used up). */
    dead_reason: z.string().optional(),
  }),
);
export type AlertMessage = z.infer<typeof AlertMessage>;

/** The webhook's answer for one article; stored so a re-send returns the same answer. */
export const ArticleResult = lazy(() =>
  z.object({
    article_id: z.string(),
    /** Null for an article that names no incident and reports no figures: it is recorded, not tracked. */
    incident: z.string().nullable(),
    duplicate: z.boolean(),
    casualties: Casualties,
    threats: z.array(Threat),
    changes: z.array(Change),
    alert: z.string().nullable(),
    /** The matching rules that decided where the article was filed (or why under no incident). */
    filed_by: z.array(z.string()).optional(),
  }),
);
export type ArticleResult = z.infer<typeof ArticleResult>;

export const ErrorBody = lazy(() =>
  z.object({
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  }),
);
export type ErrorBody = z.infer<typeof ErrorBody>;
