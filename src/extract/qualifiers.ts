// Qualifier phrases before a number ("at least", "about", "up to") and the token matching they need.
import type { Qualifier } from '../schema';
import type { Token } from './numbers';

export const QUAL_PHRASES: ReadonlyArray<readonly [string[], Qualifier]> = [
  [['no', 'less', 'than'], 'at_least'],
  [['not', 'less', 'than'], 'at_least'],
  [['no', 'fewer', 'than'], 'at_least'],
  [['not', 'fewer', 'than'], 'at_least'],
  [['at', 'least'], 'at_least'],
  [['atleast'], 'at_least'],
  [['more', 'than'], 'at_least'],
  [['well', 'over'], 'at_least'],
  [['well', 'beyond'], 'at_least'],
  [['upwards', 'of'], 'at_least'],
  [['in', 'excess', 'of'], 'at_least'],
  [['over'], 'at_least'],
  [['above'], 'at_least'],
  [['beyond'], 'at_least'],
  [['an', 'estimated'], 'approx'],
  [['estimated'], 'approx'],
  [['close', 'to'], 'approx'],
  [['just', 'under'], 'approx'],
  [['just', 'over'], 'approx'],
  [['about'], 'approx'],
  [['around'], 'approx'],
  [['nearly'], 'approx'],
  [['almost'], 'approx'],
  [['some'], 'approx'],
  [['roughly'], 'approx'],
  [['approximately'], 'approx'],
  [['approx'], 'approx'],
  [['circa'], 'approx'],
  [['perhaps'], 'approx'],
  [['up', 'to'], 'at_most'],
  [['as', 'many', 'as'], 'at_most'],
  [['fewer', 'than'], 'at_most'],
  [['less', 'than'], 'at_most'],
  [['at', 'most'], 'at_most'],
  [['no', 'more', 'than'], 'at_most'],
  [['under'], 'at_most'],
];

export function matchAt(toks: Token[], j: number, phrase: readonly string[]): boolean {
  for (let k = 0; k < phrase.length; k++) if (toks[j + k]?.l !== phrase[k]) return false;
  return true;
}
export function matchBefore(toks: Token[], end: number, phrase: readonly string[]): boolean {
  return end - phrase.length >= 0 && matchAt(toks, end - phrase.length, phrase);
}

// QUAL_PHRASES by last word, each list in table order: the word before a number is compared only with the phrases
// it can end (qualifierBefore is asked at every number).
const QUAL_BY_LAST_WORD = new Map<string, Array<(typeof QUAL_PHRASES)[number]>>();
for (const row of QUAL_PHRASES) {
  const last = row[0][row[0].length - 1]!;
  const list = QUAL_BY_LAST_WORD.get(last);
  if (list) list.push(row);
  else QUAL_BY_LAST_WORD.set(last, [row]);
}

/** Qualifier written just before token i; returns it and the index where the qualifier starts. */
export function qualifierBefore(toks: Token[], i: number): { q: Qualifier | null; start: number } {
  const rows = QUAL_BY_LAST_WORD.get(toks[i - 1]?.l ?? '');
  if (!rows) return { q: null, start: i };
  for (const [p, q] of rows) {
    if (matchBefore(toks, i, p)) {
      // "some 30" yes, "some of the 30" no; "up to" after "rose"/"climbed" is a change verb, not a cap
      if (p[0] === 'up' && ['rose', 'risen', 'gone', 'went', 'climbed', 'shot', 'jumped', 'go'].includes(toks[i - 3]?.l ?? '')) continue;
      return { q, start: i - p.length };
    }
  }
  return { q: null, start: i };
}

