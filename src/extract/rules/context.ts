// Sentence-context helpers shared by the casualty and threat finders: a casualty keyword at a token, the aside a
// token sits in, a sentence framed by an older month, a year named only as a superlative's comparison, and a name's
// designation ("Dash 8").
import type { Category } from '../../schema';
import { AUX, LEFT_VERBS, MONTHS, RIGHT_KEYWORDS, WEEKDAYS } from '../lexicon/index';
import type { Token } from '../numbers';
import { matchAt } from '../qualifiers';
import { PART_OF_LEADS } from '../lexicon/victims';

// RIGHT_KEYWORDS by first word, each list in table order: a token is compared only with the phrases it can start.
const KEYWORDS_BY_FIRST = new Map<string, Array<(typeof RIGHT_KEYWORDS)[number]>>();
for (const row of RIGHT_KEYWORDS) {
  const list = KEYWORDS_BY_FIRST.get(row[0][0]!);
  if (list) list.push(row);
  else KEYWORDS_BY_FIRST.set(row[0][0]!, [row]);
}

/** The casualty keyword starting at token j (the first phrase of RIGHT_KEYWORDS that matches there), with its category. */
export function keywordAt(toks: Token[], j: number): { cat: Category; end: number } | undefined {
  const rows = KEYWORDS_BY_FIRST.get(toks[j]?.l ?? '');
  if (rows) for (const [p, cat] of rows) if (matchAt(toks, j, p)) return { cat, end: j + p.length };
  return undefined;
}

/**
 * The aside holding token j: a relative clause opened by ", which/who/where" (or a dash or bracket) and closed
 * by the next comma, dash, bracket or the sentence end; undefined when j is in the main clause. A year there
 * dates the aside's own background ("the Crimean Peninsula, which Russia seized in 2014"), not the counts
 * outside it.
 */
export function asideAround(toks: Token[], j: number): [number, number] | undefined {
  let start = -1;
  for (let k = j - 1; k >= 0 && k >= j - 16; k--) {
    const t = toks[k]!;
    if (t.t === '(' || ((t.t === '—' || t.t === '–' || (t.t === '-' && toks[k - 1]?.t === '-')) && !t.glued)) {
      start = k;
      break;
    }
    if (t.k === 'punct' && t.t !== '-') return undefined;
    if (/^(which|who|whose|where)$/.test(t.l) && (toks[k - 1]?.t === ',' || toks[k - 1]?.t === '-' || toks[k - 1]?.t === '—')) {
      start = k - 1;
      break;
    }
  }
  if (start < 0) return undefined;
  let end = toks.length;
  for (let k = j + 1; k < toks.length; k++) {
    const t = toks[k]!.t;
    if (t === ',' || t === ')' || t === '—' || t === '–' || t === ';' || (t === '-' && toks[k + 1]?.t === '-')) {
      end = k;
      break;
    }
  }
  return [start, end];
}

export const MONTH_INDEX: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
/**
 * "In August, China fired 11 missiles": a sentence opening on a month without a day, two or more months before the
 * report's own month, dates a past episode, not the one being reported. (A day-dated month, "on March 5",
 * and the last few weeks are left alone: follow-up reports date the main incident that way.)
 */
export function olderMonth(toks: Token[], currentMonth: number | undefined): boolean {
  if (currentMonth === undefined) return false;
  // only as the sentence's opening frame: "In August, …" ("the snows in January" may be the very event reported)
  if (toks[0]?.l !== 'in') return false;
  let k = 1;
  if (/^(early|late|mid|mid-)$/.test(toks[k]?.l ?? '')) k++;
  const m = MONTH_INDEX[toks[k]?.l ?? ''];
  if (m === undefined || !/^\p{Lu}/u.test(toks[k]!.t) || toks[k + 1]?.t !== ',') return false;
  // two to six months back; a month further round the year is more likely ahead ("In January, talks resume")
  const back = (currentMonth - m + 12) % 12;
  return back >= 2 && back <= 6;
}

/** "the deadliest attack since 2015": a comparison with the past, not a figure from it. */
export function superlativeSince(toks: Token[], j: number): boolean {
  if (toks[j - 1]?.l !== 'since') return false;
  for (let k = j - 2; k >= 0 && k >= j - 9; k--) {
    if (/^(deadliest|worst|bloodiest|biggest|largest|strongest|heaviest|greatest|highest|most|first|major)$/.test(toks[k]!.l)) return true;
  }
  return false;
}

/**
 * "he was one of three people wounded", "Ann and Joe Ray, two of four people found dead", "Police: one of three
 * hurt": the number starting at `start`, before "of N", names members of the group of N (the figure), not a count
 * of its own, after a linking word or comma; a headline drops the verb, so there any token before it links ("but
 * "One of the two men was killed" opens on the part, its subject). Count and victim rules ask this one question.
 */
export function namesGroupMember(toks: Token[], start: number, title: boolean): boolean {
  return PART_OF_LEADS.has(toks[start - 1]?.t ?? '') || (title && start > 0);
}

/** Bare digits glued (by a space) to a capitalised, non-initial name that is no verb, month or day: "Dash 8". */
export function designation(toks: Token[], i: number): boolean {
  const tk = toks[i]!;
  const prev = toks[i - 1];
  if (tk.k !== 'num' || !/^\d{1,4}$/.test(tk.t) || !prev || i - 1 === 0 || prev.k !== 'word') return false;
  if (!/^\p{Lu}/u.test(prev.t) || toks[i - 2]?.k === 'punct') return false;
  const l = prev.l;
  if (LEFT_VERBS[l] || keywordAt(toks, i - 1) || MONTHS.has(l) || WEEKDAYS.has(l) || AUX.has(l)) return false;
  return true;
}
