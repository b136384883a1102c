// How figures, qualifiers and dates read on the dashboard pages: words a crisis desk reads, never stored enums.
import type { Category, Qualifier } from '../schema';

/** Words a crisis desk reads, never the stored enum. */
export const CATEGORY_LABEL: Record<Category, string> = {
  killed: 'Killed',
  injured: 'Injured',
  missing: 'Missing',
  arrested: 'Arrested',
  displaced: 'Displaced',
  hostages: 'Hostages',
};

const QUALIFIER_WORD: Record<Qualifier, string> = {
  exact: '',
  at_least: 'at least',
  approx: 'about',
  at_most: 'up to',
};

/** Short symbol for tight spots (chart point labels): ≥30, ~50, ≤20. */
const QUALIFIER_SYMBOL: Record<Qualifier, string> = {
  exact: '',
  at_least: '≥',
  approx: '~',
  at_most: '≤',
};

export function formatCount(n: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.abs(Math.trunc(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Axis-sized numbers: 950, 9,500, 95k, 1.2M (displacement figures run into millions). */
export function compactCount(n: number): string {
  const trim = (x: number) => String(Math.round(x * 10) / 10);
  if (Math.abs(n) >= 1_000_000) return `${trim(n / 1_000_000)}M`;
  if (Math.abs(n) >= 100_000) return `${trim(n / 1_000)}k`;
  return formatCount(n);
}

/** "at least 30", "about 50", "up to 20", "56". */
export function qualifiedCount(value: number, qualifier: Qualifier): string {
  const word = QUALIFIER_WORD[qualifier];
  return word ? `${word} ${formatCount(value)}` : formatCount(value);
}

export function qualifierWord(qualifier: Qualifier): string {
  return QUALIFIER_WORD[qualifier];
}

export function shortCount(value: number, qualifier: Qualifier): string {
  return QUALIFIER_SYMBOL[qualifier] + compactCount(value);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** "7 Jan 2020" (UTC). */
export function formatDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "7 Jan" (UTC). */
export function formatDayMonth(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

/** "14:30" (UTC). */
export function formatTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** "7 Jan 2020, 14:30 UTC". */
export function formatDateTime(ms: number): string {
  return `${formatDate(ms)}, ${formatTime(ms)} UTC`;
}

/**
 * A publication time: "7 Jan 2020, 14:30 UTC", or just "7 Jan 2020" at exactly midnight UTC, which is how a
 * date-only `published` ("2020-01-07") is stored — showing 00:00 would claim a precision the source never gave.
 */
export function formatPublished(ms: number): string {
  return ms % 86_400_000 === 0 ? formatDate(ms) : formatDateTime(ms);
}

export function isoOf(ms: number): string {
  return new Date(ms).toISOString();
}

/** "just now", "5 min ago", "3 h ago", "2 days ago" relative to `now`. */
export function ago(ms: number, now: number): string {
  const s = Math.max(0, Math.round((now - ms) / 1000));
  if (s < 60) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 48) return `${h} h ago`;
  const d = Math.round(h / 24);
  return `${d} days ago`;
}

/** Only http(s) links are rendered as links; anything else is shown as text. */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
