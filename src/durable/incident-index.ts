// The incident index: files each article under an incident, atomically, and remembers its body for retries.
import { DurableObject } from 'cloudflare:workers';
import type { Env } from '../env';
import { IncidentHints } from '../schema';
import { fileArticle, freshKey, type Filing, type IndexStore } from '../track/filing';
import { IndexEntry, MAX_CANDIDATES, candidateKeys, entryKeys } from '../track/match';

export type { Filing };

/** How many of a broad key's most recent incidents join the candidates when the report's specific keys found some. */
const BROAD_KEY_CANDIDATES = 10;

/**
 * How stale a key's recency (incident_keys.last_ms) may grow before a report moves it: a later report of the
 * incident rewrites every key row (and its place in the recency index) only once its time is this far past the
 * stored one. Most follow-ups of an incident come within the hour of the one before, and each rewrite cost two
 * rows written per key (five keys: ten of a no-change article's sixteen). Lookups widen their window by the same
 * step, so no open incident is missed; the matcher then applies the exact quiet period to the entry's own time.
 * A broad key's few most recent are ranked by the stored time, so two incidents reported within the same hour of
 * each other may rank in either order there.
 */
export const KEY_RECENCY_STEP_MS = 60 * 60 * 1000;

/** One lookup key per place and name: "p:" and "n:" keep a town and a person of one spelling apart. */
const lookupKeys = (keys: { places: string[]; names: string[] }) => [...keys.places.map((p) => `p:${p}`), ...keys.names.map((n) => `n:${n}`)];

export interface FilingCall {
  articleId: string;
  bodyHash: string;
  hints: unknown;
  publishedMs: number;
  title?: string | undefined;
  incidentId?: string | undefined;
  quietOverrides?: Record<string, number> | undefined;
  canOpen: boolean;
  /** How earlier versions hashed this body (raw bytes): a stored hash equal to it is the same body. */
  legacyBodyHash?: string | undefined;
}

/**
 * The singleton that files articles under incidents. `fileArticle` runs synchronously against SQLite inside
 * this single-threaded object, so two simultaneous first reports of one incident cannot open two incidents,
 * and an article id seen before always maps to the same incident (the idempotency record for retries).
 */
export class IncidentIndex extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private readonly store: IndexStore;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    // Candidates are found through place keys ("p:chicago") and distinctive names ("n:camp harmon"), never through
    // the type alone (every open shooting would be a candidate for every shooting report). Each lookup reads at most
    // MAX_CANDIDATES rows of one key, newest first, off the (k, last_ms) index: the cost per article stays flat however
    // many incidents a country or a city holds. One exec for the schema (every statement of it runs).
    // Rows written are billed once per b-tree a write touches: articles and incident_keys, whose rows are small, are
    // stored in their primary key's order (WITHOUT ROWID: one b-tree, not a table and its key index), and the index
    // incidents_recent, which no query has used since candidates are found through incident_keys, is dropped: it was
    // one more row written for every article filed. An index created before keeps its tables as they were.
    this.sql.exec(`
      CREATE TABLE IF NOT EXISTS incidents (key TEXT PRIMARY KEY, entry TEXT NOT NULL, last_published_ms INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS articles (article_id TEXT PRIMARY KEY, body_hash TEXT NOT NULL, incident_key TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS incident_keys (k TEXT NOT NULL, key TEXT NOT NULL, last_ms INTEGER NOT NULL, PRIMARY KEY (k, key)) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS incident_keys_recent ON incident_keys (k, last_ms);
      DROP INDEX IF EXISTS incidents_recent;`);
    const sql = this.sql;
    this.store = {
      getArticle: (id) => {
        const row = sql.exec<{ body_hash: string; incident_key: string }>(`SELECT body_hash, incident_key FROM articles WHERE article_id = ?`, id).toArray()[0];
        return row ? { bodyHash: row.body_hash, key: row.incident_key } : null;
      },
      putArticle: (id, bodyHash, key) => {
        sql.exec(
          `INSERT INTO articles (article_id, body_hash, incident_key) VALUES (?, ?, ?)
           ON CONFLICT(article_id) DO UPDATE SET incident_key = excluded.incident_key`,
          id,
          bodyHash,
          key,
        );
      },
      getEntry: (key) => {
        const row = sql.exec<{ entry: string }>(`SELECT entry FROM incidents WHERE key = ?`, key).toArray()[0];
        return row ? IndexEntry.parse(JSON.parse(row.entry)) : null;
      },
      putEntry: (entry) => {
        // An upsert that would store what is already there writes nothing (a report older than the incident's
        // latest leaves its entry and keys as they are): an update that changes no value is still a row written.
        sql.exec(
          `INSERT INTO incidents (key, entry, last_published_ms) VALUES (?, ?, ?)
           ON CONFLICT(key) DO UPDATE SET entry = excluded.entry, last_published_ms = excluded.last_published_ms
           WHERE entry IS NOT excluded.entry OR last_published_ms IS NOT excluded.last_published_ms`,
          entry.key,
          JSON.stringify(entry),
          entry.last_published_ms,
        );
        for (const k of lookupKeys(entryKeys(entry))) {
          sql.exec(
            `INSERT INTO incident_keys (k, key, last_ms) VALUES (?, ?, ?)
             ON CONFLICT(k, key) DO UPDATE SET last_ms = excluded.last_ms WHERE excluded.last_ms >= last_ms + ?`,
            k,
            entry.key,
            entry.last_published_ms,
            KEY_RECENCY_STEP_MS,
          );
        }
      },
      candidates: (publishedMs, hints, windowMs) => {
        // A key's recency may lag its incident's latest report by up to a step: looked up a step further back.
        const since = publishedMs - windowMs - KEY_RECENCY_STEP_MS;
        // A key that more than MAX_CANDIDATES open incidents share (a country in a national feed) says as little
        // as the type: when the report's other keys (its town, a name) found incidents, such a broad key adds only
        // its few most recent. Otherwise filing would read and match 100 entries per article however specific the
        // report is, and the cost would grow with what the index holds (bench/filing.ts).
        // Counted inside SQLite first: a broad key's hundred rows never cross into JavaScript.
        const recent = (k: string, limit: number) =>
          sql.exec<{ key: string }>(`SELECT key FROM incident_keys WHERE k = ? AND last_ms >= ? ORDER BY last_ms DESC LIMIT ?`, k, since, limit).toArray().map((r) => r.key);
        const keys = new Set<string>();
        const broad: string[] = [];
        for (const k of lookupKeys(candidateKeys(hints))) {
          const { n } = sql.exec<{ n: number }>(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM incident_keys WHERE k = ? AND last_ms >= ? LIMIT ?)`, k, since, MAX_CANDIDATES).one();
          if (n >= MAX_CANDIDATES) broad.push(k);
          else if (n > 0) for (const key of recent(k, n)) keys.add(key);
        }
        const perBroadKey = keys.size > 0 ? BROAD_KEY_CANDIDATES : MAX_CANDIDATES;
        for (const k of broad) for (const key of recent(k, perBroadKey)) keys.add(key);
        const entries: IndexEntry[] = [];
        for (const key of keys) {
          const row = sql.exec<{ entry: string }>(`SELECT entry FROM incidents WHERE key = ?`, key).toArray()[0];
          if (row) entries.push(IndexEntry.parse(JSON.parse(row.entry)));
        }
        return entries.sort((x, y) => y.last_published_ms - x.last_published_ms).slice(0, MAX_CANDIDATES);
      },
    };
    // Indexes written before incident_keys existed: rebuilt once from the incidents themselves (derived data only).
    if (sql.exec(`SELECT 1 FROM incident_keys LIMIT 1`).toArray().length === 0) {
      for (const row of sql.exec<{ entry: string }>(`SELECT entry FROM incidents`).toArray()) this.store.putEntry(IndexEntry.parse(JSON.parse(row.entry)));
    }
    sql.exec(`DROP TABLE IF EXISTS incident_types; DROP TABLE IF EXISTS incident_places;`);
  }

  async file(call: FilingCall): Promise<Filing> {
    const { legacyBodyHash, ...request } = call;
    if (legacyBodyHash !== undefined && this.store.getArticle(request.articleId)?.bodyHash === legacyBodyHash) {
      // Recorded before retries were compared as canonical JSON: the same bytes, so the same body; re-keyed.
      this.sql.exec(`UPDATE articles SET body_hash = ? WHERE article_id = ?`, request.bodyHash, request.articleId);
    }
    return fileArticle(this.store, { ...request, hints: IncidentHints.parse(request.hints) });
  }

  /** Drops a filing whose apply never happened (still under `key`), so a corrected retry can be filed afresh. */
  async forget(articleId: string, key: string): Promise<boolean> {
    return this.sql.exec(`DELETE FROM articles WHERE article_id = ? AND incident_key = ? RETURNING article_id`, articleId, key).toArray().length > 0;
  }

  /** The incident an article is filed under ('' = recorded, not filed), or null for an unknown article. */
  async articleKey(articleId: string): Promise<string | null> {
    return this.store.getArticle(articleId)?.key ?? null;
  }

  /** Incident care: an article moved to another incident keeps answering re-sends from there. */
  async reassignArticle(articleId: string, toKey: string): Promise<void> {
    this.sql.exec(`UPDATE articles SET incident_key = ? WHERE article_id = ?`, toKey, articleId);
  }

  /** Incident care: after a merge every article of `fromKey` belongs to `toKey`, which no longer matches as open. */
  async mergeInto(fromKey: string, toKey: string): Promise<void> {
    this.sql.exec(`UPDATE articles SET incident_key = ? WHERE incident_key = ?`, toKey, fromKey);
    const from = this.store.getEntry(fromKey);
    const to = this.store.getEntry(toKey);
    if (from) this.store.putEntry({ ...from, closed: true });
    if (from && to) {
      this.store.putEntry({
        ...to,
        first_published_ms: Math.min(to.first_published_ms, from.first_published_ms),
        last_published_ms: Math.max(to.last_published_ms, from.last_published_ms),
      });
    }
  }

  async setClosed(key: string, closed: boolean): Promise<boolean> {
    const entry = this.store.getEntry(key);
    if (!entry) return false;
    this.store.putEntry({ ...entry, closed });
    return true;
  }

  /** Registers an incident created by incident care (moving a report to a new incident). */
  async createFor(base: string, hints: unknown, publishedMs: number): Promise<string> {
    const parsed = IncidentHints.parse(hints);
    const key = freshKey(this.store, base);
    this.store.putEntry({
      v: 1,
      key,
      type: parsed.type,
      places: parsed.places,
      names: parsed.names ?? [],
      ...(parsed.magnitudes?.length ? { magnitudes: parsed.magnitudes } : {}),
      ...(parsed.vessels?.length ? { vessels: parsed.vessels } : {}),
      first_published_ms: publishedMs,
      last_published_ms: publishedMs,
      closed: false,
    });
    return key;
  }

  async exists(key: string): Promise<boolean> {
    return this.store.getEntry(key) !== null;
  }
}
