// An incident's figures rebuilt from its stored reports after a merge or a move.
import { CATEGORIES, type Change, type IncidentState, type Report } from '../schema';
import { applyReport, emptyState, type IncidentMeta, type TrackerSettings } from './apply';

/**
 * Rebuilds an incident's figures from the reports it holds after incident care (a merge or a move), folding
 * them in publication order through the same applyReport. Recomputing announces nothing: what it arrives at
 * counts as already announced, so the next real report alerts against it.
 */
export function recomputeState(
  meta: IncidentMeta,
  reports: readonly Report[],
  prev: IncidentState | null,
  settings: TrackerSettings,
): { state: IncidentState; changesByArticle: Map<string, Change[]> } {
  const ordered = [...reports].sort((a, b) => a.published_ms - b.published_ms || a.received_ms - b.received_ms);
  let state: IncidentState | null = null;
  const changesByArticle = new Map<string, Change[]>();
  for (const report of ordered) {
    const outcome = applyReport(state, meta, report, report.received_ms, settings);
    state = outcome.state;
    changesByArticle.set(report.article_id, outcome.changes);
  }
  const base = state ?? emptyState(meta);
  const alerted: IncidentState['alerted'] = {};
  for (const category of CATEGORIES) {
    const f = base.figures[category];
    if (f) alerted[category] = { value: f.value, qualifier: f.qualifier };
  }
  const alertedThreats: IncidentState['alerted_threats'] = {};
  for (const [head, t] of Object.entries(base.threats)) alertedThreats[head] = { value: t.value, qualifier: t.qualifier ?? 'exact' };
  const recomputed: IncidentState = {
    ...base,
    key: meta.key,
    title: prev?.title ?? meta.title,
    alerted,
    alerted_threats: alertedThreats,
    muted: prev?.muted ?? false,
    closed: prev?.closed ?? false,
    version: Math.max(prev?.version ?? 0, base.version) + 1,
  };
  return { state: recomputed, changesByArticle };
}
