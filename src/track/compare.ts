// Compares two figures of one category: same, up or down, and whether the move clears a threshold.
import type { FigureSnapshot, Threshold } from '../schema';

export type Comparison = 'same' | 'up' | 'down';

/** How far an "about N" figure may sit from a known figure and still be read as the same count. */
const APPROX_TOLERANCE = 0.1;

/**
 * Compares a newly reported figure with the incident's current one, reading qualifiers as intervals:
 * "at least 30" then "35" is up; "35" then "more than 30" says nothing new; "about 50" then "50" is the same.
 */
export function compareFigures(current: FigureSnapshot, next: FigureSnapshot): Comparison {
  if (next.value === current.value) return 'same';
  if (next.value > current.value) {
    // "up to 40" does not say more than 40 died, but it does not rule out more than the 30 we hold either:
    // an upper bound only raises a figure that was itself an upper bound.
    if (next.qualifier === 'at_most' && current.qualifier !== 'at_most') return 'same';
    if (next.qualifier === 'approx' && withinTolerance(current.value, next.value)) return 'same';
    return 'up';
  }
  // A lower bound below what we hold is consistent with it ("35" then "more than 30").
  if (next.qualifier === 'at_least') return 'same';
  if (next.qualifier === 'approx' && withinTolerance(current.value, next.value)) return 'same';
  if (current.qualifier === 'approx' && withinTolerance(next.value, current.value)) return 'same';
  return 'down';
}

function withinTolerance(reference: number, candidate: number): boolean {
  return Math.abs(candidate - reference) <= Math.max(1, reference * APPROX_TOLERANCE);
}

/** A change smaller than the category's threshold is not worth state churn or an alert. */
export function meetsThreshold(from: number, to: number, threshold: Threshold | undefined): boolean {
  if (!threshold) return true;
  const delta = Math.abs(to - from);
  if (delta < threshold.abs) return false;
  if (from > 0 && delta / from < threshold.rel) return false;
  return true;
}

/** "ballistic missiles" → "missile": threat figures are matched across reports by the head of their noun. */
export function threatHead(noun: string): string {
  const words = noun
    .toLowerCase()
    .replace(/[^a-z\s-]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
  const last = words[words.length - 1] ?? noun.toLowerCase();
  return singular(last);
}

function singular(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|us)$/.test(word)) return word;
  if (/(sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && word.length > 3) return word.slice(0, -1);
  return word;
}
