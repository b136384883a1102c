// What /health and the dashboard say about the configured feeds: last poll, last success, failing or not.
import type { Env } from '../env';
import { feedsFromEnv, type FeedConfig } from './config';
import { feedState, type FeedStatus } from './feed-state';

export interface FeedHealth {
  name: string;
  last_polled: string | null;
  last_ok: string | null;
  last_error: string | null;
  consecutive_failures: number;
  items_ingested: number;
  failing: boolean;
}

const iso = (ms: number | null) => (ms ? new Date(ms).toISOString() : null);

/**
 * Each configured feed by name with its state (never polled yet → nulls); an invalid FEEDS is reported, not
 * thrown. The URL is left out: /health is public and a feed URL may carry an access key.
 */
export async function feedHealth(env: Env): Promise<{ feeds: FeedHealth[]; failing: number; config_error: string | null }> {
  let configured: FeedConfig[];
  try {
    configured = feedsFromEnv(env);
  } catch (err) {
    return { feeds: [], failing: 0, config_error: err instanceof Error ? err.message : String(err) };
  }
  if (configured.length === 0) return { feeds: [], failing: 0, config_error: null };
  const statuses = new Map<string, FeedStatus>((await feedState(env).statuses()).map((s) => [s.url, s]));
  const feeds = configured.map((f) => {
    const s = statuses.get(f.url);
    return {
      name: f.name,
      last_polled: iso(s?.last_polled_ms ?? null),
      last_ok: iso(s?.last_ok_ms ?? null),
      last_error: s?.last_error ?? null,
      consecutive_failures: s?.consecutive_failures ?? 0,
      items_ingested: s?.items_ingested ?? 0,
      failing: s?.failing ?? false,
    };
  });
  return { feeds, failing: feeds.filter((f) => f.failing).length, config_error: null };
}
