// The KV half of the read model: where summaries and timelines are stored and how listings read them back.
import { fromAsciiJson, toAsciiJson } from '../lib/ascii-json';
import { IncidentSummary, metaOf, StoredTimeline, SummaryMeta, Timeline, type ListedIncident } from '../track/read-model';

/*
 * The incident's Durable Object is the only writer.
 *   incident:<key>  → IncidentSummary and, under `timeline`, its Timeline (every report and action, oldest
 *                     first), with SummaryMeta as KV metadata so one list() serves a listing
 *   timeline:<key>  → Timeline, as versions before 2026-12-06 wrote it apart: read when `timeline` is absent
 * One value, not two: each flush is one KV write (the Free plan allows 1,000 a day) and one simulator call fewer
 * per new incident, and a page reads one value. The summary's fields stay at the top level, so a reader that knows
 * only the summary (an older version, a listing check) still parses it. A value is at most 25 MiB, as before.
 */
export const SUMMARY_PREFIX = 'incident:';
export const TIMELINE_PREFIX = 'timeline:';

export async function writeReadModel(kv: KVNamespace, summary: IncidentSummary, timeline: Timeline): Promise<void> {
  await kv.put(SUMMARY_PREFIX + summary.key, JSON.stringify({ ...summary, timeline }), { metadata: toAsciiJson(metaOf(summary)) });
}

export async function deleteReadModel(kv: KVNamespace, key: string): Promise<void> {
  await Promise.all([kv.delete(SUMMARY_PREFIX + key), kv.delete(TIMELINE_PREFIX + key)]);
}

/** An incident's summary and timeline, from one read (two for an incident last written in the old shape). */
export async function readIncident(kv: KVNamespace, key: string): Promise<{ summary: IncidentSummary | null; timeline: Timeline | null }> {
  const raw = await kv.get(SUMMARY_PREFIX + key, 'json');
  const summary = IncidentSummary.safeParse(raw);
  const stored = StoredTimeline.safeParse(raw);
  if (stored.success && stored.data.timeline) return { summary: summary.success ? summary.data : null, timeline: stored.data.timeline };
  const timeline = Timeline.safeParse(await kv.get(TIMELINE_PREFIX + key, 'json'));
  return { summary: summary.success ? summary.data : null, timeline: timeline.success ? timeline.data : null };
}


/** Every incident's listing metadata (loops on list_complete: a page may be empty before the end). */
export async function listIncidents(kv: KVNamespace): Promise<ListedIncident[]> {
  const out: ListedIncident[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page: KVNamespaceListResult<unknown, string> = await kv.list({ prefix: SUMMARY_PREFIX, ...(cursor ? { cursor } : {}) });
    for (const k of page.keys) {
      const meta = SummaryMeta.safeParse(fromAsciiJson(k.metadata));
      if (meta.success) out.push({ key: k.name.slice(SUMMARY_PREFIX.length), meta: meta.data });
    }
    if (page.list_complete) break;
    cursor = page.cursor;
  }
  return out;
}
