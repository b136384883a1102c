// Threat figures: counts attached to weapons fired or readied, forces massed, and attack plans or targets named in
// a threat. Which phrasings count is the threat table's (rules/threat-rules.ts, run by rules/engine.ts); this module
// sets aside sentences about older episodes and chooses one figure per kind of weapon or force.
import type { Qualifier, Threat } from '../schema';
import { asideAround, olderMonth, superlativeSince } from './rules/context';
import { runThreatRules, type ThreatVeto } from './rules/engine';
import { mayHoldNumber, yearOf } from './numbers';
import { tokensOf, type Sentence } from './sentences';
import { CONTAINER_TANKS_RE, GROUND_FORCES, RESCUE_RE, STRIKE_RE } from './lexicon/threats';

/** A threat figure as read, before one per kind is chosen (`npm run extract -- --explain` lists them). */
export interface ThreatCandidate {
  value: number;
  qualifier: Qualifier;
  noun: string;
  head: string;
  quote: string;
  sentence: number;
  title: boolean;
  vague: boolean;
  rule: string;
}

/** A guard's veto with the sentence it was in. */
export interface ThreatSentenceVeto extends ThreatVeto {
  sentence: number;
}

/** Why a whole sentence was set aside, and why a candidate was not chosen: named like the rules. */
export type ThreatContextId = 'context.older-month' | 'context.earlier-year';
export type ThreatChoiceId = 'choose.part-of-larger' | 'choose.vague-force-part' | 'choose.repeat';

/** What `--explain` wants to see of a threat pass: every candidate read, every veto, every sentence and candidate set aside. */
export interface ThreatTrace {
  candidates: ThreatCandidate[];
  vetoes: ThreatSentenceVeto[];
  setAside: Array<{ sentence: number; by: ThreatContextId }>;
  dropped: Array<{ value: number; noun: string; sentence: number; by: ThreatChoiceId }>;
}

const TANK_WORD = /tank/i;

export function findThreats(sentences: Sentence[], currentYear: number | undefined, currentMonth?: number, trace?: ThreatTrace): Threat[] {
  const found: ThreatCandidate[] = [];
  // (one plain word first: irregexp finds a lone literal by skipping ahead, not by trying each alternative)
  const containers = sentences.some((s) => TANK_WORD.test(s.text) && CONTAINER_TANKS_RE.test(s.text));
  for (const sen of sentences) {
    const toks = tokensOf(sen);
    if (sen.idx !== -1 && olderMonth(toks, currentMonth)) {
      trace?.setAside.push({ sentence: sen.idx, by: 'context.older-month' }); // "In August, China fired 11 missiles"
      continue;
    }
    // (most sentences hold no number at all: no year to date them, and every threat figure starts with one)
    if (!mayHoldNumber(toks)) continue;
    let oldYear = false;
    const asides: Array<[number, number]> = [];
    toks.forEach((tk, j) => {
      const y = yearOf(tk);
      if (y !== undefined && currentYear !== undefined && y < currentYear && !superlativeSince(toks, j)) {
        // "the Crimean Peninsula, which Russia seized in 2014": the year dates only its aside
        const aside = asideAround(toks, j);
        if (aside) asides.push(aside);
        else oldYear = true;
      }
    });
    if (oldYear) {
      trace?.setAside.push({ sentence: sen.idx, by: 'context.earlier-year' }); // counts from older conflicts are context
      continue;
    }
    const { hits, vetoes } = runThreatRules(toks, { text: sen.text, strike: STRIKE_RE.test(sen.text), rescue: RESCUE_RE.test(sen.text), containers, asides });
    for (const h of hits) found.push({ value: h.value, qualifier: h.qualifier, noun: h.noun, head: h.head, quote: sen.text, sentence: sen.idx, title: sen.idx === -1, vague: h.vague, rule: h.rule });
    if (trace) for (const v of vetoes) trace.vetoes.push({ ...v, sentence: sen.idx });
  }
  if (trace) trace.candidates.push(...found);
  // One figure per weapon type: a smaller count of the same head elsewhere is a part of the
  // larger one ("one ballistic missile came down" within "23 missiles"); counts listed
  // together in one sentence are different weapons and all stay.
  // A breakdown ("170 drones, 30 cruise missiles and 120 ballistic missiles") lists several counts in
  // one sentence: each is its own figure, not a part of a larger count elsewhere.
  found.sort((a, b) => (a.title === b.title ? a.sentence - b.sentence : a.title ? 1 : -1));
  const perSentence = new Map<number, number>();
  for (const f of found) perSentence.set(f.sentence, (perSentence.get(f.sentence) ?? 0) + 1);
  const keep: ThreatCandidate[] = [];
  // A listed sentence whose every item has a larger count of the same kind in one other sentence is a
  // breakdown of that list ("122 missiles and 36 drones" … "87 missiles and 27 drones were shot down").
  const maxes = new Map<number, Map<string, number>>();
  const bySentence = new Map<number, ThreatCandidate[]>();
  for (const g of found) {
    const list = bySentence.get(g.sentence);
    if (list) list.push(g);
    else bySentence.set(g.sentence, [g]);
    if (g.title) continue;
    let m = maxes.get(g.sentence);
    if (!m) maxes.set(g.sentence, (m = new Map()));
    m.set(g.head, Math.max(m.get(g.head) ?? 0, g.value));
  }
  const partMemo = new Map<number, boolean>();
  const partOfOther = (sentence: number): boolean => {
    const memo = partMemo.get(sentence);
    if (memo !== undefined) return memo;
    const items = bySentence.get(sentence) ?? [];
    let part = false;
    let looked = 0;
    for (const [o, m] of maxes) {
      if (o === sentence) continue;
      if (++looked > 64) break; // bounded on pathological input
      if (items.every((f) => (m.get(f.head) ?? 0) > f.value)) {
        part = true;
        break;
      }
    }
    partMemo.set(sentence, part);
    return part;
  };
  for (const f of found) {
    const listed = (perSentence.get(f.sentence) ?? 0) >= 2 && !f.title && !partOfOther(f.sentence);
    const bigger = !listed && found.find((g) => g.head === f.head && g.value > f.value && g.sentence !== f.sentence);
    // "300,000 reservists" … "thousands of soldiers were being sent": the vague count is part of the precise force
    const by: ThreatChoiceId | undefined = bigger
      ? 'choose.part-of-larger'
      : f.vague && GROUND_FORCES.has(f.head) && found.some((g) => !g.vague && GROUND_FORCES.has(g.head) && g.sentence !== f.sentence)
        ? 'choose.vague-force-part'
        : keep.some((g) => g.head === f.head && g.value === f.value)
          ? 'choose.repeat'
          : undefined;
    if (by) trace?.dropped.push({ value: f.value, noun: f.noun, sentence: f.sentence, by });
    else keep.push(f);
  }
  return keep.map((f) => ({ value: f.value, qualifier: f.qualifier, noun: f.noun, quote: f.quote, rule: f.rule }));
}
