// Applies one report to an incident's state: which figures change, and whether that is worth an alert.
import {
  CATEGORIES,
  type Alert,
  type Category,
  type Change,
  type CurrentFigure,
  type CurrentThreat,
  type FigureSnapshot,
  type IncidentState,
  type Report,
  type Threshold,
} from '../schema';
import { compareFigures, meetsThreshold, threatHead } from './compare';

export interface TrackerSettings {
  minSources: number;
  thresholds: Partial<Record<Category | 'threats', Threshold>>;
}

export interface IncidentMeta {
  key: string;
  title: string;
  type: string | null;
  places: string[];
}

export interface ApplyOutcome {
  state: IncidentState;
  /** What this report changed in the incident's current figures (the API's `changes`). */
  changes: Change[];
  /** The alert to send now, or null (nothing new, held back for corroboration, muted, or an older report). */
  alert: Alert | null;
  /** False when the report only repeated what was known: no storage write beyond the report log. */
  stateChanged: boolean;
}

const snapshot = (f: { value: number; qualifier: FigureSnapshot['qualifier'] }): FigureSnapshot => ({
  value: f.value,
  qualifier: f.qualifier,
});

export function emptyState(meta: IncidentMeta): IncidentState {
  return {
    v: 1,
    key: meta.key,
    title: meta.title,
    type: meta.type,
    places: meta.places,
    figures: {},
    threats: {},
    latest_published_ms: 0,
    last_received_ms: 0,
    report_count: 0,
    version: 0,
    muted: false,
    closed: false,
    alerted: {},
    alerted_threats: {},
  };
}

/**
 * The tracker's core: folds one report into an incident's state and says what changed and what to announce.
 * Pure (no clock, no storage): the Durable Object and the replay CLI both call it, so they agree by construction.
 * Duplicates are filtered before this by the caller's report log.
 */
export function applyReport(
  prev: IncidentState | null,
  meta: IncidentMeta,
  report: Report,
  now: number,
  settings: TrackerSettings,
): ApplyOutcome {
  const isNewIncident = prev === null;
  const base = prev ?? emptyState(meta);
  // A report older than the newest we hold may fill gaps and corroborate, but never overwrite or alert.
  const isLate = prev !== null && report.published_ms < prev.latest_published_ms;

  const figures: IncidentState['figures'] = { ...base.figures };
  const alerted: IncidentState['alerted'] = { ...base.alerted };
  const changes: Change[] = [];
  let stateChanged = isNewIncident;

  for (const category of CATEGORIES) {
    const reported = report.casualties[category];
    if (!reported) continue;
    const current = figures[category];
    const fresh: CurrentFigure = {
      ...reported,
      published_ms: report.published_ms,
      article_id: report.article_id,
      outlet: report.outlet,
      ...(report.url ? { url: report.url } : {}),
      outlets: [report.outlet],
    };
    if (!current) {
      figures[category] = fresh;
      stateChanged = true;
      if (isLate) {
        alerted[category] = snapshot(reported);
      } else {
        changes.push(casualtyChange(category, null, reported, 'new'));
      }
      continue;
    }
    const comparison = compareFigures(current, reported);
    if (comparison === 'same' || isLate || !meetsThreshold(current.value, reported.value, settings.thresholds[category])) {
      if (comparison === 'same' && !current.outlets.includes(report.outlet)) {
        figures[category] = { ...current, outlets: [...current.outlets, report.outlet] };
        stateChanged = true;
      }
      // "about 50" then "50": the same count, now stated exactly; keep the sharper qualifier without alerting.
      if (comparison === 'same' && !isLate && current.value === reported.value && current.qualifier !== 'exact' && reported.qualifier === 'exact') {
        figures[category] = { ...(figures[category] ?? current), qualifier: 'exact' };
        alerted[category] = alerted[category] ? { ...alerted[category], qualifier: 'exact' } : alerted[category];
        stateChanged = true;
      }
      continue;
    }
    figures[category] = fresh;
    stateChanged = true;
    changes.push(casualtyChange(category, current, reported, comparison));
  }

  const threats: IncidentState['threats'] = { ...base.threats };
  const alertedThreats: IncidentState['alerted_threats'] = { ...base.alerted_threats };
  for (const threat of report.threats) {
    const head = threatHead(threat.noun);
    const current = threats[head];
    const fresh: CurrentThreat = {
      ...threat,
      head,
      published_ms: report.published_ms,
      article_id: report.article_id,
      outlet: report.outlet,
      ...(report.url ? { url: report.url } : {}),
      outlets: [report.outlet],
    };
    const next: FigureSnapshot = { value: threat.value, qualifier: threat.qualifier ?? 'exact' };
    if (!current) {
      threats[head] = fresh;
      stateChanged = true;
      if (isLate) alertedThreats[head] = next;
      else changes.push(threatChange(head, null, threat, 'new'));
      continue;
    }
    if (current.value === threat.value) {
      if (!current.outlets.includes(report.outlet)) {
        threats[head] = { ...current, outlets: [...current.outlets, report.outlet] };
        stateChanged = true;
      }
      continue;
    }
    if (isLate || !meetsThreshold(current.value, threat.value, settings.thresholds.threats)) continue;
    threats[head] = fresh;
    stateChanged = true;
    changes.push(threatChange(head, current, threat, threat.value > current.value ? 'up' : 'down'));
  }

  const state: IncidentState = {
    ...base,
    figures,
    threats,
    alerted,
    alerted_threats: alertedThreats,
    latest_published_ms: Math.max(base.latest_published_ms, report.published_ms),
    last_received_ms: Math.max(base.last_received_ms, report.received_ms),
    report_count: base.report_count + 1,
  };

  const alertChanges = isLate ? [] : dueForAlert(state, settings.minSources);
  for (const change of alertChanges) {
    if (change.kind === 'casualty') state.alerted[change.category as Category] = change.to;
    else state.alerted_threats[change.category] = change.to;
  }
  if (stateChanged) state.version = base.version + 1;

  const alert =
    alertChanges.length > 0 && !state.muted
      ? buildAlert(state, report, alertChanges, isNewIncident, now)
      : null;
  return { state, changes, alert, stateChanged };
}

/**
 * Differences between what was last announced and what is now held, for figures that enough distinct outlets
 * back. With min_sources = 1 this is exactly this report's changes; with more it releases held-back changes
 * once corroborated.
 */
function dueForAlert(state: IncidentState, minSources: number): Change[] {
  const due: Change[] = [];
  for (const category of CATEGORIES) {
    const current = state.figures[category];
    if (!current || current.outlets.length < minSources) continue;
    const announced = state.alerted[category];
    if (announced && announced.value === current.value && announced.qualifier === current.qualifier) continue;
    if (announced && compareFigures(announced, current) === 'same') continue;
    const kind = !announced ? 'new' : current.value > announced.value ? 'up' : current.value < announced.value ? 'down' : 'qualifier';
    due.push(casualtyChange(category, announced ?? null, current, kind));
  }
  for (const [head, current] of Object.entries(state.threats)) {
    if (current.outlets.length < minSources) continue;
    const announced = state.alerted_threats[head];
    if (announced && announced.value === current.value) continue;
    const kind = !announced ? 'new' : current.value > announced.value ? 'up' : 'down';
    due.push(threatChange(head, announced ?? null, current, kind));
  }
  return due;
}

function casualtyChange(
  category: Category,
  from: FigureSnapshot | null,
  to: { value: number; qualifier: FigureSnapshot['qualifier']; quote: string; attribution?: string | undefined },
  change: Change['change'],
): Change {
  return {
    kind: 'casualty',
    category,
    from: from ? snapshot(from) : null,
    to: snapshot(to),
    change,
    quote: to.quote,
    ...(to.attribution ? { attribution: to.attribution } : {}),
  };
}

function threatChange(
  head: string,
  from: { value: number; qualifier?: FigureSnapshot['qualifier'] | undefined } | null,
  to: { value: number; qualifier?: FigureSnapshot['qualifier'] | undefined; noun: string; quote: string },
  change: Change['change'],
): Change {
  // "more than a dozen missiles" alerts as at least 12; reports stored before threats kept a qualifier read as exact
  return {
    kind: 'threat',
    category: head,
    from: from ? { value: from.value, qualifier: from.qualifier ?? 'exact' } : null,
    to: { value: to.value, qualifier: to.qualifier ?? 'exact' },
    change,
    quote: to.quote,
    noun: to.noun,
  };
}

function buildAlert(state: IncidentState, report: Report, changes: Change[], isNewIncident: boolean, now: number): Alert {
  const corroboration: Record<string, number> = {};
  for (const change of changes) {
    const held = change.kind === 'casualty' ? state.figures[change.category as Category] : state.threats[change.category];
    corroboration[change.category] = held?.outlets.length ?? 1;
  }
  return {
    v: 1,
    alert_id: `${state.key}:v${state.version}`,
    incident_key: state.key,
    incident_title: state.title,
    incident_type: state.type,
    places: state.places,
    is_new_incident: isNewIncident,
    changes,
    outlet: report.outlet,
    ...(report.url ? { url: report.url } : {}),
    ...(report.title ? { article_title: report.title } : {}),
    published_ms: report.published_ms,
    created_ms: now,
    corroboration,
  };
}
