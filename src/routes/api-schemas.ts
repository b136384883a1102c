// Request and response schemas of the write, health and dead-letter routes: the handlers parse with them and the OpenAPI document shows them.
import * as z from 'zod';
import { lazy } from '../lib/lazy';
import { Category, CurrentFigure, DestinationId } from '../schema';

/** Incident care bodies: complete on purpose, so an empty or partial body changes nothing. */
export const MuteBody = lazy(() => z.strictObject({ muted: z.boolean() }));
export const CloseBody = lazy(() => z.strictObject({ closed: z.boolean() }));
export const MergeBody = lazy(() => z.strictObject({ into: z.string().min(1).describe('the incident that receives every report') }));
export const MoveBody = lazy(() => z.strictObject({ to: z.string().min(1).nullable().describe('the receiving incident, or null for a new incident of its own') }));
/** A re-drive names its letter by the path; the empty object makes it a deliberate JSON call. */
export const RedriveBody = lazy(() => z.strictObject({}));

const Figures = lazy(() => z.partialRecord(Category, CurrentFigure));

export const MuteResult = lazy(() => z.object({ incident: z.string(), muted: z.boolean() }));
export const CloseResult = lazy(() => z.object({ incident: z.string(), closed: z.boolean() }));
export const MergeResult = lazy(() => z.object({ incident: z.string(), merged_from: z.string(), reports_moved: z.number().int(), figures: Figures }));
export const MoveResult = lazy(() => z.object({ article_id: z.string(), from: z.string(), to: z.string(), figures: Figures }));

export const DeadLetterList = lazy(() =>
  z.object({
    dead_letters: z.array(
      z.object({ id: z.number().int(), destination: DestinationId, alert_id: z.string(), incident: z.string(), reason: z.string(), at: z.iso.datetime() }),
    ),
  }),
);
export const RedriveResult = lazy(() => z.object({ redriven: z.number().int(), alert_id: z.string(), destination: DestinationId }));

export const Health = lazy(() =>
  z.object({
    ok: z.boolean(),
    service: z.literal('tollwatch'),
    config_error: z.string().nullable().describe('the malformed setting, named; null when the configuration is valid'),
    dead_letters: z.number().int(),
    destinations: z.array(
      z.object({
        destination: DestinationId.describe('the destination\'s name: its DESTINATIONS name, or the platform for a single-URL setting'),
        last_delivered: z.iso.datetime().nullable(),
        last_alert_id: z.string().nullable(),
        last_failure: z.iso.datetime().nullable(),
        last_failure_reason: z.string().nullable(),
      }),
    ),
    feeds: z
      .array(
        z.object({
          name: z.string(),
          last_polled: z.iso.datetime().nullable(),
          last_ok: z.iso.datetime().nullable(),
          last_error: z.string().nullable(),
          consecutive_failures: z.number().int(),
          items_ingested: z.number().int(),
          failing: z.boolean().describe('three or more polls in a row failed'),
        }),
      )
      .describe('each configured FEEDS entry (its URL left out: it may carry an access key)'),
    feeds_failing: z.number().int(),
  }),
);

export type MuteResult = z.infer<typeof MuteResult>;
export type CloseResult = z.infer<typeof CloseResult>;
export type MergeResult = z.infer<typeof MergeResult>;
export type MoveResult = z.infer<typeof MoveResult>;
export type DeadLetterList = z.infer<typeof DeadLetterList>;
export type RedriveResult = z.infer<typeof RedriveResult>;
export type Health = z.infer<typeof Health>;
