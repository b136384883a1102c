// One report through one incident's tracker: the storage it needs and the read-compare-write over it.
import type { Alert, ArticleResult, IncidentState, Report } from '../schema';
import { applyReport, type IncidentMeta, type TrackerSettings } from './apply';

/**
 * The storage the tracker needs, small enough for a Durable Object's SQLite and for the replay CLI's memory.
 * Synchronous on purpose: the Durable Object's SQLite API is synchronous, so a read-compare-write cannot
 * interleave with another report.
 */
export interface TrackerStore {
  loadState(): IncidentState | null;
  /** The stored answer for an article already applied (same id, or same content under another id). */
  findResult(articleId: string, contentHash: string): ArticleResult | null;
  /** Persists everything one report produced in one atomic step (state always; the read model only on change). */
  commit(entry: { state: IncidentState; stateChanged: boolean; report: Report; result: ArticleResult; alert: Alert | null }): void;
}

export interface Processed {
  result: ArticleResult;
  alert: Alert | null;
  stateChanged: boolean;
  state: IncidentState | null;
}

/** Applies one report through a store: duplicates return the earlier answer and change nothing. */
export function processReport(
  store: TrackerStore,
  meta: IncidentMeta,
  report: Report,
  now: number,
  settings: TrackerSettings,
  describe: (alert: Alert) => string,
): Processed {
  const earlier = store.findResult(report.article_id, report.content_hash);
  if (earlier) return { result: { ...earlier, duplicate: true }, alert: null, stateChanged: false, state: null };

  const outcome = applyReport(store.loadState(), meta, report, now, settings);
  const result: ArticleResult = {
    article_id: report.article_id,
    incident: outcome.state.key,
    duplicate: false,
    casualties: report.casualties,
    threats: report.threats,
    changes: outcome.changes,
    alert: outcome.alert ? describe(outcome.alert) : null,
    // stored with the answer, so a retry is answered with the same filing rules
    ...(report.filed_by ? { filed_by: report.filed_by } : {}),
  };
  store.commit({ state: outcome.state, stateChanged: outcome.stateChanged, report, result, alert: outcome.alert });
  return { result, alert: outcome.alert, stateChanged: outcome.stateChanged, state: outcome.state };
}

/** In-memory tracker store for the replay CLI and unit tests. */
export function memoryTrackerStore(): TrackerStore & { reports: Array<{ report: Report; result: ArticleResult; alert: Alert | null }> } {
  let state: IncidentState | null = null;
  const reports: Array<{ report: Report; result: ArticleResult; alert: Alert | null }> = [];
  return {
    reports,
    loadState: () => state,
    findResult: (articleId, contentHash) =>
      reports.find((r) => r.report.article_id === articleId || r.report.content_hash === contentHash)?.result ?? null,
    commit: (entry) => {
      state = entry.state;
      reports.push({ report: entry.report, result: entry.result, alert: entry.alert });
    },
  };
}
