// The daily digest, pure: which incidents changed in a 24-hour window, their net changes, and the digest's text.
import type { Alert, Change } from '../schema';
import type { IncidentSummary, Timeline } from '../track/read-model';
import type { DestinationConfig } from './config';
import { wantsAlert } from './filters';
import { changeLabel, changePhrase, formatFigure, packLines, splitChanges } from './text';

export const DIGEST_WINDOW_MS = 24 * 60 * 60 * 1000;

/** One incident as a digest lists it: its figures now, and what changed in the window (first "from" → last "to"). */
export interface DigestIncident {
  key: string;
  title: string;
  type: string | null;
  places: string[];
  /** Current casualty figures, "killed 59", in category order. */
  figures: string[];
  /** Net changes in the window, one per figure. */
  changes: Change[];
  reports: number;
}

export interface Digest {
  /** The window's end: the scheduled time of this digest. */
  end_ms: number;
  incidents: DigestIncident[];
}

/**
 * The incidents whose figures changed in [endMs − 24 h, endMs): each figure's changes in the window folded into
 * one (35 → 56 then 56 → 59 reads 35 → 59). Muted incidents stay out, as their alerts do. Most recently changed first.
 */
export function digestOf(known: ReadonlyArray<{ summary: IncidentSummary; timeline: Timeline | null }>, endMs: number): Digest {
  const startMs = endMs - DIGEST_WINDOW_MS;
  const out: (DigestIncident & { last: number })[] = [];
  for (const { summary, timeline } of known) {
    if (summary.muted || !timeline) continue;
    const net = new Map<string, Change>();
    let reports = 0;
    let last = 0;
    for (const entry of timeline.entries) {
      if (entry.kind !== 'report' || entry.received_ms < startMs || entry.received_ms >= endMs || entry.changes.length === 0) continue;
      reports++;
      last = Math.max(last, entry.received_ms);
      for (const c of entry.changes) {
        const id = `${c.kind}:${c.kind === 'threat' ? changeLabel(c) : c.category}`;
        const before = net.get(id);
        net.set(id, before ? { ...c, from: before.from, change: before.from ? c.change : 'new' } : c);
      }
    }
    if (net.size === 0) continue;
    const { casualties, threats } = splitChanges([...net.values()]);
    out.push({
      key: summary.key,
      title: summary.title,
      type: summary.type,
      places: summary.places,
      figures: Object.entries(summary.figures).map(([category, f]) => `${category} ${formatFigure(f)}`),
      // A figure that went up and back down again nets to nothing: left out.
      changes: [...casualties, ...threats].filter((c) => !c.from || c.from.value !== c.to.value || c.from.qualifier !== c.to.qualifier),
      reports,
      last,
    });
  }
  const incidents = out
    .filter((i) => i.changes.length > 0)
    .sort((a, b) => b.last - a.last || a.key.localeCompare(b.key))
    .map(({ last: _last, ...rest }) => rest);
  return { end_ms: endMs, incidents };
}

/** A destination's share of a digest: its filter applied to each incident as to an alert about it. */
export function digestFor(dest: DestinationConfig, digest: Digest): Digest {
  const incidents: DigestIncident[] = [];
  for (const i of digest.incidents) {
    const asAlert: Alert = {
      v: 1,
      alert_id: 'digest',
      incident_key: i.key,
      incident_title: i.title,
      incident_type: i.type,
      places: i.places,
      is_new_incident: false,
      changes: i.changes,
      outlet: '',
      published_ms: digest.end_ms,
      created_ms: digest.end_ms,
      corroboration: {},
    };
    const kept = wantsAlert(dest, asAlert);
    if (kept) incidents.push({ ...i, changes: kept.changes });
  }
  return { end_ms: digest.end_ms, incidents };
}

const place = (i: DigestIncident) => (i.places.length > 0 && !i.title.includes(i.places[0]!) ? ` (${i.places[0]})` : '');

/** One line per incident: "Kerman stampede (Iran) — now killed 59, injured 213; in 24 h: killed 35 → 59 (+24)". */
export function digestLines(digest: Digest): string[] {
  return digest.incidents.map((i) => {
    const now = i.figures.length > 0 ? `now ${i.figures.join(', ')}; ` : '';
    return `${i.title}${place(i)} \u2014 ${now}in 24 h: ${i.changes.map(changePhrase).join(', ')}`;
  });
}

/**
 * The digest as text within `max` characters: a header line, then as many incident lines as fit (escaped for
 * the platform first, so the escaped text is what is measured).
 */
export function digestText(digest: Digest, max: number, escape: (s: string) => string = (s) => s): string {
  const day = new Date(digest.end_ms).toISOString().slice(0, 16).replace('T', ' ');
  const n = digest.incidents.length;
  const header = `Daily digest to ${day} UTC: ${n} incident${n === 1 ? '' : 's'} changed in the last 24 hours`;
  return [header, ...packLines(digestLines(digest).map(escape), max - header.length - 1)].join('\n');
}
