// The feed state object: each feed's conditional-GET validators, seen item keys and poll outcome, strongly consistent.
import { DurableObject } from 'cloudflare:workers';
import type { Env } from '../env';

/** Consecutive failed polls after which a feed is reported as failing (/health, dashboard). */
export const FAILING_AFTER = 3;
/** Seen keys older than this are forgotten; an item that old coming back is answered by ingest as a duplicate. */
const SEEN_TTL_MS = 180 * 24 * 60 * 60 * 1000;

export interface FeedStatus {
  url: string;
  name: string;
  last_polled_ms: number | null;
  last_ok_ms: number | null;
  last_error: string | null;
  consecutive_failures: number;
  items_ingested: number;
  failing: boolean;
}

export interface Validators {
  etag: string | null;
  last_modified: string | null;
}

/**
 * A singleton Durable Object rather than KV: a poll every few minutes writes each feed's row and every new
 * item's key; KV allows 1,000 writes a day on the Free plan and is eventually consistent, so a poll could
 * re-read a stale "seen" list and file an item twice. SQLite here is strongly consistent and free of that cap.
 */
export class FeedState extends DurableObject<Env> {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sql.exec(
      `CREATE TABLE IF NOT EXISTS feeds (url TEXT PRIMARY KEY, name TEXT NOT NULL, etag TEXT, last_modified TEXT, last_polled_ms INTEGER,
        last_ok_ms INTEGER, last_error TEXT, failures INTEGER NOT NULL DEFAULT 0, items INTEGER NOT NULL DEFAULT 0)`,
    );
    this.sql.exec(`CREATE TABLE IF NOT EXISTS seen (feed TEXT NOT NULL, item TEXT NOT NULL, at_ms INTEGER NOT NULL, PRIMARY KEY (feed, item))`);
  }

  async validators(url: string): Promise<Validators> {
    const row = this.sql.exec<{ etag: string | null; last_modified: string | null }>(`SELECT etag, last_modified FROM feeds WHERE url = ?`, url).toArray()[0];
    return { etag: row?.etag ?? null, last_modified: row?.last_modified ?? null };
  }

  /** The keys among these this feed has not filed yet, in the order given. */
  async unseen(url: string, keys: readonly string[]): Promise<string[]> {
    return keys.filter((k) => this.sql.exec(`SELECT 1 FROM seen WHERE feed = ? AND item = ?`, url, k).toArray().length === 0);
  }

  /** These items went through ingest (or were refused for good): never again. */
  async markSeen(url: string, keys: readonly string[], nowMs: number): Promise<void> {
    for (const k of keys) this.sql.exec(`INSERT OR IGNORE INTO seen (feed, item, at_ms) VALUES (?, ?, ?)`, url, k, nowMs);
  }

  /**
   * A poll that got an answer. Validators are replaced only when `validators` is given: a poll that left items
   * for the next run must not store them, or the next run would get a 304 and never see those items.
   */
  async recordSuccess(url: string, name: string, validators: Validators | null, ingested: number, nowMs: number): Promise<void> {
    this.sql.exec(
      `INSERT INTO feeds (url, name, last_polled_ms, last_ok_ms, last_error, failures, items) VALUES (?, ?, ?, ?, NULL, 0, ?)
       ON CONFLICT(url) DO UPDATE SET name = excluded.name, last_polled_ms = excluded.last_polled_ms, last_ok_ms = excluded.last_ok_ms,
         last_error = NULL, failures = 0, items = feeds.items + excluded.items`,
      url,
      name,
      nowMs,
      nowMs,
      ingested,
    );
    if (validators) this.sql.exec(`UPDATE feeds SET etag = ?, last_modified = ? WHERE url = ?`, validators.etag, validators.last_modified, url);
    this.sql.exec(`DELETE FROM seen WHERE at_ms < ?`, nowMs - SEEN_TTL_MS);
  }

  async recordFailure(url: string, name: string, reason: string, nowMs: number): Promise<void> {
    this.sql.exec(
      `INSERT INTO feeds (url, name, last_polled_ms, last_error, failures) VALUES (?, ?, ?, ?, 1)
       ON CONFLICT(url) DO UPDATE SET name = excluded.name, last_polled_ms = excluded.last_polled_ms, last_error = excluded.last_error,
         failures = feeds.failures + 1`,
      url,
      name,
      nowMs,
      reason.slice(0, 500),
    );
  }

  /** Every feed polled at least once; the caller keeps only those still configured. */
  async statuses(): Promise<FeedStatus[]> {
    return this.sql
      .exec<{ url: string; name: string; last_polled_ms: number | null; last_ok_ms: number | null; last_error: string | null; failures: number; items: number }>(
        `SELECT url, name, last_polled_ms, last_ok_ms, last_error, failures, items FROM feeds ORDER BY name`,
      )
      .toArray()
      .map((r) => ({
        url: r.url,
        name: r.name,
        last_polled_ms: r.last_polled_ms,
        last_ok_ms: r.last_ok_ms,
        last_error: r.last_error,
        consecutive_failures: r.failures,
        items_ingested: r.items,
        failing: r.failures >= FAILING_AFTER,
      }));
  }
}

export function feedState(env: Env) {
  return env.FEED_STATE.get(env.FEED_STATE.idFromName('global'));
}
