import { DurableObject } from 'cloudflare:workers';
import type { Env } from '../env';
import { IncidentHints } from '../schema';
import { fileArticle, freshKey, type Filing, type IndexStore } from '../track/filing';
import { IndexEntry, MAX_CANDIDATES, candidateKeys, entryKeys } from '../track/match';

export type { Filing };

export interface FilingCall {
  articleId: string;
  bodyHash: string;
  hints: unknown;
  publishedMs: number;
  title?: string | undefined;
  incidentId?: string | undefined;
  quietOverrides?: Record<string, number> | undefined;
  canOpen: boolean;
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
    this.sql.exec(`CREATE TABLE IF NOT EXISTS incidents (key TEXT PRIMARY KEY, entry TEXT NOT NULL, last_published_ms INTEGER NOT NULL)`);
    this.sql.exec(`CREATE TABLE IF NOT EXISTS articles (article_id TEXT PRIMARY KEY, body_hash TEXT NOT NULL, incident_key TEXT NOT NULL)`);
    // Candidates are found through place keys and distinctive names, never through the type alone (every open
    // shooting would then be a candidate for every shooting report): the scan stays as small as one place's incidents.
    this.sql.exec(`CREATE TABLE IF NOT EXISTS incident_places (place TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (place, key))`);
    this.sql.exec(`CREATE TABLE IF NOT EXISTS incident_names (name TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (name, key))`);
    this.sql.exec(`CREATE INDEX IF NOT EXISTS incidents_recent ON incidents (last_published_ms)`);
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
        sql.exec(
          `INSERT INTO incidents (key, entry, last_published_ms) VALUES (?, ?, ?)
           ON CONFLICT(key) DO UPDATE SET entry = excluded.entry, last_published_ms = excluded.last_published_ms`,
          entry.key,
          JSON.stringify(entry),
          entry.last_published_ms,
        );
        const keys = entryKeys(entry);
        for (const place of keys.places) sql.exec(`INSERT OR IGNORE INTO incident_places (place, key) VALUES (?, ?)`, place, entry.key);
        for (const name of keys.names) sql.exec(`INSERT OR IGNORE INTO incident_names (name, key) VALUES (?, ?)`, name, entry.key);
      },
      candidates: (publishedMs, hints, windowMs) => {
        const wanted = candidateKeys(hints);
        const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ') || "''";
        return sql
          .exec<{ entry: string }>(
            `SELECT i.entry FROM incidents i WHERE i.last_published_ms >= ? AND i.key IN (
               SELECT key FROM incident_places WHERE place IN (${marks(wanted.places.length)})
               UNION SELECT key FROM incident_names WHERE name IN (${marks(wanted.names.length)}))
             ORDER BY i.last_published_ms DESC LIMIT ?`,
            publishedMs - windowMs,
            ...wanted.places,
            ...wanted.names,
            MAX_CANDIDATES,
          )
          .toArray()
          .map((r) => IndexEntry.parse(JSON.parse(r.entry)));
      },
    };
  }

  async file(call: FilingCall): Promise<Filing> {
    return fileArticle(this.store, { ...call, hints: IncidentHints.parse(call.hints) });
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
