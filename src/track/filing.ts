// Files one article under an incident through a small storage interface: the index Durable Object and replay share it.
import type { IncidentHints } from '../schema';
import { MAX_CANDIDATES, candidateKeys, decideIncident, entryKeys, incidentKeyBase, maxQuietPeriodMs, slug, type IndexEntry } from './match';

export type Filing =
  /** `filedBy`: the ids of the matching rules that decided where it went (see track/match.ts MATCH_RULES). */
  | { kind: 'filed'; key: string; created: boolean; filedBy: string[] }
  /** `filedBy` (for a new article): why it went under no incident. */
  | { kind: 'unfiled'; seen: boolean; filedBy?: string[] }
  | { kind: 'seen'; key: string }
  | { kind: 'conflict'; key: string };

export interface FilingRequest {
  articleId: string;
  bodyHash: string;
  hints: IncidentHints;
  publishedMs: number;
  title?: string | undefined;
  incidentId?: string | undefined;
  quietOverrides?: Record<string, number> | undefined;
  /**
   * Whether this article may open a new incident: only one that names an incident type or reports figures.
   * Feeds carry many articles about nothing in particular; each would otherwise cost an incident.
   */
  canOpen: boolean;
}

/** Key recorded for articles that were seen but filed under no incident. */
export const UNFILED = '';

/** What filing needs from storage: the incident index's SQLite in the worker, Maps in the replay CLI. */
export interface IndexStore {
  getArticle(articleId: string): { bodyHash: string; key: string } | null;
  putArticle(articleId: string, bodyHash: string, key: string): void;
  getEntry(key: string): IndexEntry | null;
  putEntry(entry: IndexEntry): void;
  /**
   * Incidents active within `windowMs` of this publication time found through the report's `candidateKeys` (place
   * keys and distinctive names, never the type), at most MAX_CANDIDATES, the most recently reported first.
   */
  candidates(publishedMs: number, hints: IncidentHints, windowMs: number): IndexEntry[];
}

/**
 * Files one article under an incident: a known article id keeps its incident (or conflicts when its body
 * changed); a caller's incident_id decides; otherwise the best open incident, else a new readable key.
 * Synchronous over a synchronous store, so the singleton index applies it atomically.
 */
export function fileArticle(store: IndexStore, request: FilingRequest): Filing {
  const seen = store.getArticle(request.articleId);
  if (seen) {
    if (seen.bodyHash !== request.bodyHash) return { kind: 'conflict', key: seen.key };
    return seen.key === UNFILED ? { kind: 'unfiled', seen: true } : { kind: 'seen', key: seen.key };
  }

  const { hints } = request;
  const window = maxQuietPeriodMs(request.quietOverrides);
  // A look back at an old incident ("four years since…") is no report of a current one: without the sender's
  // incident_id it is recorded under none, neither joining an open incident nor opening one with old figures.
  if (hints.retrospective && !request.incidentId) {
    store.putArticle(request.articleId, request.bodyHash, UNFILED);
    return { kind: 'unfiled', seen: false, filedBy: ['unfiled:retrospective'] };
  }
  const decision = request.incidentId
    ? { key: slug(request.incidentId) || request.incidentId, filedBy: ['caller.incident-id'] }
    : decideIncident(store.candidates(request.publishedMs, hints, window), hints, request.publishedMs, request.quietOverrides);
  let key = decision.key;
  if (!key && !request.canOpen) {
    store.putArticle(request.articleId, request.bodyHash, UNFILED);
    return { kind: 'unfiled', seen: false, filedBy: [...decision.filedBy, 'unfiled:may-not-open'] };
  }
  const existing = key ? store.getEntry(key) : null;
  if (!key) key = freshKey(store, incidentKeyBase(hints, request.publishedMs, request.title));

  const entry: IndexEntry = existing
    ? {
        ...existing,
        type: existing.type ?? hints.type,
        places: mergeList(existing.places, hints.places, 8),
        names: mergeList(existing.names, hints.names ?? [], 24),
        ...mergeMagnitudes(existing.magnitudes, hints.magnitudes),
        ...mergeVessels(existing.vessels, hints.vessels),
        ...mergeMarks(existing, hints),
        first_published_ms: Math.min(existing.first_published_ms, request.publishedMs),
        last_published_ms: Math.max(existing.last_published_ms, request.publishedMs),
      }
    : {
        v: 1,
        key,
        type: hints.type,
        places: hints.places,
        names: hints.names ?? [],
        ...mergeMagnitudes(undefined, hints.magnitudes),
        ...mergeVessels(undefined, hints.vessels),
        ...mergeMarks({}, hints),
        first_published_ms: request.publishedMs,
        last_published_ms: request.publishedMs,
        closed: false,
      };
  // an age a victim's report gave is no longer a suspect's: the merged marks drop it, the spread entry must not keep it
  if (existing && !mergeMarks(existing, hints).suspect_ages) delete entry.suspect_ages;
  store.putEntry(entry);
  store.putArticle(request.articleId, request.bodyHash, key);
  return { kind: 'filed', key, created: existing === null, filedBy: decision.filedBy };
}

export function freshKey(store: Pick<IndexStore, 'getEntry'>, base: string): string {
  let candidate = base;
  for (let n = 2; store.getEntry(candidate); n++) candidate = `${base}-${n}`;
  return candidate;
}

function mergeMagnitudes(a: readonly number[] | undefined, b: readonly number[] | undefined): { magnitudes?: number[] } {
  const all = [...new Set([...(a ?? []), ...(b ?? [])])].slice(0, 6);
  return all.length ? { magnitudes: all } : {};
}

function mergeVessels(a: readonly string[] | undefined, b: readonly string[] | undefined): { vessels?: string[] } {
  const all = mergeList(a ?? [], b ?? [], 6);
  return all.length ? { vessels: all } : {};
}

/** Ages, streets and the largest toll of all its reports: a later report naming another street of the same shooting still agrees. */
type Marks = 'ages' | 'suspect_ages' | 'later_ages' | 'streets' | 'toll';
function mergeMarks(a: Pick<IndexEntry, Marks>, b: Pick<IncidentHints, Marks>): Pick<IndexEntry, Marks> {
  const ages = [...new Set([...(a.ages ?? []), ...(b.ages ?? [])])].slice(0, 12);
  // an age is a suspect's for the incident only while no report gave it to a victim
  const victims = new Set([...(a.ages ?? []).filter((x) => !a.suspect_ages?.includes(x)), ...(b.ages ?? []).filter((x) => !b.suspect_ages?.includes(x))]);
  const suspectAges = [...new Set([...(a.suspect_ages ?? []), ...(b.suspect_ages ?? [])])].filter((x) => ages.includes(x) && !victims.has(x));
  const laterAges = [...new Set([...(a.later_ages ?? []), ...(b.later_ages ?? [])])].slice(0, 16);
  const streets = mergeList(a.streets ?? [], b.streets ?? [], 8);
  const toll = Math.max(a.toll ?? 0, b.toll ?? 0);
  return {
    ...(ages.length ? { ages } : {}),
    ...(suspectAges.length ? { suspect_ages: suspectAges } : {}),
    ...(laterAges.length ? { later_ages: laterAges } : {}),
    ...(streets.length ? { streets } : {}),
    ...(toll > 0 ? { toll } : {}),
  };
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

/** In-memory index for the replay CLI and unit tests. */
export function memoryIndexStore(): IndexStore {
  const articles = new Map<string, { bodyHash: string; key: string }>();
  const entries = new Map<string, IndexEntry>();
  return {
    getArticle: (id) => articles.get(id) ?? null,
    putArticle: (id, bodyHash, key) => void articles.set(id, { bodyHash, key }),
    getEntry: (key) => entries.get(key) ?? null,
    putEntry: (entry) => void entries.set(entry.key, entry),
    candidates: (publishedMs, hints, windowMs) => {
      const wanted = candidateKeys(hints);
      const places = new Set(wanted.places);
      const names = new Set(wanted.names);
      return [...entries.values()]
        .filter((e) => {
          if (e.last_published_ms < publishedMs - windowMs) return false;
          const keys = entryKeys(e);
          return keys.places.some((p) => places.has(p)) || keys.names.some((n) => names.has(n));
        })
        .sort((a, b) => b.last_published_ms - a.last_published_ms)
        .slice(0, MAX_CANDIDATES);
    },
  };
}
