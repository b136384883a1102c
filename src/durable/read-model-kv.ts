// The KV half of the read model: where summaries and timelines are stored and how listings read them back.
import { fromAsciiJson, toAsciiJson } from '../lib/ascii-json';
import { IncidentSummary, metaOf, SummaryMeta, Timeline, type ListedIncident } from '../track/read-model';

/*
 * The incident's Durable Object is the only writer.
 *   incident:<key>  → IncidentSummary, with SummaryMeta as KV metadata so one list() serves a listing
 *   timeline:<key>  → Timeline: every report and action, oldest first
 */
export const SUMMARY_PREFIX = 'incident:';
export const TIMELINE_PREFIX = 'timeline:';

export async function writeReadModel(kv: KVNamespace, summary: IncidentSummary, timeline: Timeline): Promise<void> {
  await Promise.all([
    kv.put(SUMMARY_PREFIX + summary.key, JSON.stringify(summary), { metadata: toAsciiJson(metaOf(summary)) }),
    kv.put(TIMELINE_PREFIX + summary.key, JSON.stringify(timeline)),
  ]);
}

export async function deleteReadModel(kv: KVNamespace, key: string): Promise<void> {
  await Promise.all([kv.delete(SUMMARY_PREFIX + key), kv.delete(TIMELINE_PREFIX + key)]);
}

export async function readSummary(kv: KVNamespace, key: string): Promise<IncidentSummary | null> {
  const raw = await kv.get(SUMMARY_PREFIX + key, 'json');
  const parsed = IncidentSummary.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export async function readTimeline(kv: KVNamespace, key: string): Promise<Timeline | null> {
  const raw = await kv.get(TIMELINE_PREFIX + key, 'json');
  const parsed = Timeline.safeParse(raw);
  return parsed.success ? parsed.data : null;
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
