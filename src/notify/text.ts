/**
 * The wording shared by every destination: headline, threats line, quote lines and source line, all as
 * plain text. Destination builders escape these strings for their markup; `alertText` joins them as-is.
 */
import { CATEGORIES, type Alert, type Change, type FigureSnapshot, type Qualifier } from '../schema';
import { safeHttpUrl } from './escape';

/** Links an alert carries besides the article's: the incident's dashboard page, when PUBLIC_URL is set. */
export interface AlertLinks {
  incident?: string;
}

/** `${PUBLIC_URL}/incidents/<key>`; PUBLIC_URL is validated as an absolute http(s) URL where it is read. */
export function alertLinks(publicUrl: string | undefined, incidentKey: string): AlertLinks {
  if (!publicUrl) return {};
  return { incident: `${publicUrl.replace(/\/+$/, '')}/incidents/${encodeURIComponent(incidentKey)}` };
}

/** Quotes longer than this are cut at a word boundary in every rendering, so all destinations agree. */
export const QUOTE_MAX = 300;

const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: '',
  at_least: 'at least ',
  approx: 'about ',
  at_most: 'up to ',
};

/** Thousands separators by hand: Intl output differs between runtimes and must stay byte-stable. */
export function formatNumber(n: number): string {
  if (!Number.isSafeInteger(n)) return String(n);
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',');
}

export function formatFigure(f: FigureSnapshot): string {
  return `${QUALIFIER_WORDS[f.qualifier]}${formatNumber(f.value)}`;
}

/** Threats are named by their noun ("missiles"); casualties by their category ("killed"). */
export function changeLabel(c: Change): string {
  return collapse(c.kind === 'threat' && c.noun ? c.noun : c.category);
}

/**
 * "killed 35", "killed 35 → 56 (+21)", "killed 56 → 50 (revised down, −6)", "killed at least 30 → 30"; a new
 * threat reads as counted nouns ("13 revenge scenarios"), a changed one like a toll ("missiles 3 → 23 (+20)").
 * The arithmetic comes from the values, not from `change`, so a mislabelled change still reads true.
 */
export function changePhrase(c: Change): string {
  const label = changeLabel(c);
  if (!c.from) return c.kind === 'threat' && c.noun ? `${formatFigure(c.to)} ${label}` : `${label} ${formatFigure(c.to)}`;
  const diff = c.to.value - c.from.value;
  const delta = diff > 0 ? ` (+${formatNumber(diff)})` : diff < 0 ? ` (revised down, \u2212${formatNumber(-diff)})` : '';
  return `${label} ${formatFigure(c.from)} \u2192 ${formatFigure(c.to)}${delta}`;
}

const CATEGORY_ORDER: readonly string[] = CATEGORIES;

/** Casualties in the dashboard's category order (unknown categories last, stably); threats as given. */
export function splitChanges(changes: readonly Change[]): { casualties: Change[]; threats: Change[] } {
  const rank = (c: Change) => {
    const i = CATEGORY_ORDER.indexOf(c.category);
    return i === -1 ? CATEGORY_ORDER.length : i;
  };
  const casualties = changes
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.kind === 'casualty')
    .sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i)
    .map(({ c }) => c);
  return { casualties, threats: changes.filter((c) => c.kind === 'threat') };
}

/** " (Iran)" — the most specific place the title does not already name ("Kerman stampede (Iran)"). */
export function placeSuffix(alert: Alert): string {
  const title = alert.incident_title.toLowerCase();
  const place = alert.places.map(collapse).find((p) => p.length > 0 && !title.includes(p.toLowerCase()));
  return place ? ` (${place})` : '';
}

export function incidentName(alert: Alert): string {
  const prefix = alert.is_new_incident ? 'New incident: ' : '';
  return `${prefix}${collapse(alert.incident_title) || 'Untitled incident'}${placeSuffix(alert)}`;
}

/**
 * One line saying what changed. Threats get their own line (`threatsLine`) so they never read as a toll,
 * except when there are no casualty changes: then they go in the headline, which is all a push shows.
 */
export function headline(alert: Alert): string {
  const { casualties, threats } = splitChanges(alert.changes);
  if (casualties.length > 0) return `${incidentName(alert)} \u2014 ${casualties.map(changePhrase).join(', ')}`;
  if (threats.length > 0) return `${incidentName(alert)} \u2014 Threats: ${threats.map(changePhrase).join(', ')}`;
  return incidentName(alert);
}

export function threatsLine(alert: Alert): string | null {
  const { casualties, threats } = splitChanges(alert.changes);
  if (casualties.length === 0 || threats.length === 0) return null;
  return `Threats: ${threats.map(changePhrase).join(', ')}`;
}

export type QuoteLine = { quote: string; attribution: string | null };

/** The quotes behind the new figures, in headline order, each once (killed and injured often share one). */
export function quoteLines(alert: Alert): QuoteLine[] {
  const { casualties, threats } = splitChanges(alert.changes);
  const seen = new Set<string>();
  const out: QuoteLine[] = [];
  for (const c of [...casualties, ...threats]) {
    const quote = collapse(c.quote);
    if (!quote) continue;
    const attribution = collapse(c.attribution ?? '') || null;
    const key = `${quote}\u0000${attribution ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ quote, attribution });
  }
  return out;
}

/** `“quote” — attribution`, the quote cut to `max` characters. */
export function quoteText(q: QuoteLine, max = QUOTE_MAX): string {
  return `\u201c${truncate(q.quote, max)}\u201d${q.attribution ? ` \u2014 ${q.attribution}` : ''}`;
}

function outletsPhrase(n: number): string {
  return n === 1 ? 'reported by 1 outlet' : `confirmed by ${formatNumber(n)} outlets`;
}

/** "reported by 1 outlet" once when every changed category agrees, else per category. */
export function corroborationText(alert: Alert): string | null {
  const { casualties, threats } = splitChanges(alert.changes);
  const entries: { label: string; n: number }[] = [];
  const seen = new Set<string>();
  for (const c of [...casualties, ...threats]) {
    if (seen.has(c.category)) continue;
    seen.add(c.category);
    const n = alert.corroboration[c.category];
    if (n !== undefined && n >= 1) entries.push({ label: changeLabel(c), n });
  }
  const first = entries[0];
  if (!first) return null;
  if (entries.every((e) => e.n === first.n)) return outletsPhrase(first.n);
  return entries.map((e) => `${e.label} ${outletsPhrase(e.n)}`).join(', ');
}

/** ISO 8601 UTC to the second ("2020-01-07T00:00:00Z"); null when the number is not a representable date. */
export function isoTime(ms: number): string | null {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return null;
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function outletName(alert: Alert): string {
  return collapse(alert.outlet) || 'unknown outlet';
}

/** Headlines longer than this are cut at a word boundary, so a headline can't crowd out the rest of the footer. */
export const ARTICLE_TITLE_MAX = 250;
/** Outlet names longer than this are cut the same way (an outlet is one name, not a sentence). */
export const OUTLET_MAX = 200;

/** The headline of the article behind the alert, on one line; null when the article had none (or the alert predates it). */
export function articleTitle(alert: Alert): string | null {
  return collapse(alert.article_title ?? '') || null;
}

/**
 * The words that quote the source, `Daily Mail: “Stampede at funeral kills 35”` (the outlet alone when the headline
 * is unknown), each part escaped by `escape` and fitted to its maximum after escaping, so a builder's budget holds:
 * at most `outletMax + 4 + titleMax` characters.
 */
export function sourceLabel(alert: Alert, escape: (s: string) => string = (s) => s, outletMax = OUTLET_MAX, titleMax = ARTICLE_TITLE_MAX): string {
  const outlet = fitEscaped(outletName(alert), outletMax, escape);
  const title = articleTitle(alert);
  const quoted = title ? fitEscaped(title, titleMax, escape) : '';
  return quoted ? `${outlet}: \u201c${quoted}\u201d` : outlet;
}

/** "Source: AP: “headline” https://… · reported by 1 outlet · 2020-01-07T00:00:00Z" */
export function sourceLine(alert: Alert): string {
  const url = safeHttpUrl(alert.url);
  const parts = [`Source: ${sourceLabel(alert)}${url ? ` ${url}` : ''}`];
  const corroboration = corroborationText(alert);
  if (corroboration) parts.push(corroboration);
  const time = isoTime(alert.published_ms);
  if (time) parts.push(time);
  return parts.join(' \u00b7 ');
}

/** The plain-text alert: headline, threats line, one line per quote, source line. */
export function alertText(alert: Alert): string {
  const lines = [headline(alert)];
  const threats = threatsLine(alert);
  if (threats) lines.push(threats);
  for (const q of quoteLines(alert)) lines.push(quoteText(q));
  lines.push(sourceLine(alert));
  return lines.join('\n');
}

/**
 * Bidirectional-text controls (embeddings, overrides, isolates, directional marks): one hidden U+202E in a
 * quote can make "53 killed" display as "35 killed". Article text is English, so they carry no meaning here.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/**
 * One line, single-spaced: article text may carry newlines and tabs that would break line-based layouts. Every
 * untrusted string reaches a chat message through here, so bidi controls are removed here too.
 */
export function collapse(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(/\s+/g, ' ').trim();
}

/**
 * Cuts to at most `max` UTF-16 units, preferring a word boundary in the last fifth, never splitting a
 * surrogate pair, and marks the cut with "…".
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return max === 1 ? '\u2026' : '';
  let cut = max - 1;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  let head = text.slice(0, cut);
  const space = head.lastIndexOf(' ');
  if (space >= Math.floor(cut * 0.8)) head = head.slice(0, space);
  return `${head.replace(/[\s,;:\u2014-]+$/u, '')}\u2026`;
}

/**
 * Escapes `text` and makes the escaped result fit `max`, truncating the raw text (not the escaped one, which
 * could cut an entity or escape sequence in half).
 */
export function fitEscaped(text: string, max: number, escape: (s: string) => string): string {
  let out = escape(text);
  let n = text.length;
  while (out.length > max && n > 0) {
    // Proportional: escaping can expand unevenly, so the overflow in escaped units says little about raw units.
    n = Math.max(0, Math.min(n - 1, Math.floor((n * max) / out.length)));
    out = escape(truncate(text, n));
  }
  return out.length > max ? '' : out;
}

/**
 * Keeps as many already-rendered lines as fit in `budget` characters (joined by `sep`), replacing the rest
 * with a "…and N more" line so a reader knows something was left out.
 */
export function packLines(lines: readonly string[], budget: number, sep = '\n', more = (n: number) => `\u2026and ${n} more`): string[] {
  const sizes = lines.map((l) => l.length);
  const total = sizes.reduce((a, b) => a + b, 0) + Math.max(0, lines.length - 1) * sep.length;
  if (total <= budget) return [...lines];
  // prefix = characters taken by lines[0..k) plus the separators after each of them
  let prefix = sizes.reduce((a, b) => a + b + sep.length, 0);
  for (let k = lines.length; k >= 0; k--) {
    if (k < lines.length) prefix -= (sizes[k] ?? 0) + sep.length;
    if (k === lines.length) continue;
    if (prefix + more(lines.length - k).length <= budget) return [...lines.slice(0, k), more(lines.length - k)];
  }
  return [];
}
