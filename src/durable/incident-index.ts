import { DurableObject } from 'cloudflare:workers';
import type { Env } from '../env';
import { IncidentHints } from '../schema';
import { IndexEntry, incidentKeyBase, matchIncident, slug } from '../track/match';

export type Filing =
  | { kind: 'filed'; key: string; created: boolean }
  | { kind: 'seen'; key: string }
  | { kind: 'conflict'; key: string };

export interface FilingRequest {
  articleId: string;
  bodyHash: string;
  hints: unknown;
  publishedMs: number;
  title?: string | undefined;
  incidentId?: string | undefined;
  quietOverrides?: Record<string, number> | undefined;
}

/** Open incidents older than this are not kept in memory for matching (closed ones stay in storage). */
const OPEN_WINDOW_MS = 400 * 24 * 60 * 60 * 1000;

/**
 * The singleton that files articles under incidents. Matching and creating happen in one synchronous step of
 * a single-threaded object, so two simultaneous first reports of one incident cannot open two incidents, and
 * an article id seen before always maps to the same incident (the idempotency record for webhook retries).
 */
export class IncidentIndex extends DurableObject<Env> {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sql.exec(`CREATE TABLE IF NOT EXISTS incidents (key TEXT PRIMARY KEY, entry TEXT NOT NULL, last_published_ms INTEGER NOT NULL)`);
    this.sql.exec(`CREATE TABLE IF NOT EXISTS articles (article_id TEXT PRIMARY KEY, body_hash TEXT NOT NULL, incident_key TEXT NOT NULL)`);
  }

  async file(request: FilingRequest): Promise<Filing> {
    const hints = IncidentHints.parse(request.hints);
    const seen = this.sql
      .exec<{ body_hash: string; incident_key: string }>(`SELECT body_hash, incident_key FROM articles WHERE article_id = ?`, request.articleId)
      .toArray()[0];
    if (seen) {
      return seen.body_hash === request.bodyHash ? { kind: 'seen', key: seen.incident_key } : { kind: 'conflict', key: seen.incident_key };
    }

    let key: string | null = null;
    if (request.incidentId) {
      key = slug(request.incidentId) || request.incidentId;
    } else {
      key = matchIncident(this.openEntries(request.publishedMs), hints, request.publishedMs, request.quietOverrides);
    }
    let existing = key ? this.getEntry(key) : null;
    let created = false;
    if (!key) key = this.freshKey(incidentKeyBase(hints, request.publishedMs, request.title));
    if (!existing) {
      created = true;
      existing = {
        v: 1,
        key,
        type: hints.type,
        places: hints.places,
        names: hints.names ?? [],
        first_published_ms: request.publishedMs,
        last_published_ms: request.publishedMs,
        closed: false,
      };
    } else {
      existing = {
        ...existing,
        type: existing.type ?? hints.type,
        places: mergeList(existing.places, hints.places, 8),
        names: mergeList(existing.names, hints.names ?? [], 24),
        first_published_ms: Math.min(existing.first_published_ms, request.publishedMs),
        last_published_ms: Math.max(existing.last_published_ms, request.publishedMs),
      };
    }
    this.putEntry(existing);
    this.sql.exec(`INSERT INTO articles (article_id, body_hash, incident_key) VALUES (?, ?, ?)`, request.articleId, request.bodyHash, key);
    return { kind: 'filed', key, created };
  }

  /** Incident care: re-point an article (move) or a whole incident (merge) and close incidents. */
  async reassignArticle(articleId: string, toKey: string): Promise<void> {
    this.sql.exec(`UPDATE articles SET incident_key = ? WHERE article_id = ?`, toKey, articleId);
  }

  async setClosed(key: string, closed: boolean): Promise<void> {
    const entry = this.getEntry(key);
    if (entry) this.putEntry({ ...entry, closed });
  }

  async ensureEntry(entry: unknown): Promise<void> {
    const parsed = IndexEntry.parse(entry);
    if (!this.getEntry(parsed.key)) this.putEntry(parsed);
  }

  async newKey(base: string): Promise<string> {
    return this.freshKey(base);
  }

  private openEntries(publishedMs: number): IndexEntry[] {
    return this.sql
      .exec<{ entry: string }>(`SELECT entry FROM incidents WHERE last_published_ms >= ?`, publishedMs - OPEN_WINDOW_MS)
      .toArray()
      .map((r) => IndexEntry.parse(JSON.parse(r.entry)));
  }

  private getEntry(key: string): IndexEntry | null {
    const row = this.sql.exec<{ entry: string }>(`SELECT entry FROM incidents WHERE key = ?`, key).toArray()[0];
    return row ? IndexEntry.parse(JSON.parse(row.entry)) : null;
  }

  private putEntry(entry: IndexEntry): void {
    this.sql.exec(
      `INSERT INTO incidents (key, entry, last_published_ms) VALUES (?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET entry = excluded.entry, last_published_ms = excluded.last_published_ms`,
      entry.key,
      JSON.stringify(entry),
      entry.last_published_ms,
    );
  }

  private freshKey(base: string): string {
    let candidate = base;
    for (let n = 2; this.getEntry(candidate); n++) candidate = `${base}-${n}`;
    return candidate;
  }
}

function mergeList(a: readonly string[], b: readonly string[], max: number): string[] {
  const seen = new Set(a.map((s) => s.toLowerCase()));
  const out = [...a];
  for (const item of b) {
    if (!seen.has(item.toLowerCase())) {
      seen.add(item.toLowerCase());
      out.push(item);
    }
  }
  return out.slice(0, max);
}
