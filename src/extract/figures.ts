// Candidate casualty figures, one per (count, category) reading found in a sentence.
// Each candidate carries flags (increment, superseded, sub-count, …); choosing among them
// is select.ts's job. Every scan is bounded to a few tokens around a number, so the whole
// pass is linear in the text.
import type { Category, Qualifier } from '../schema';
import {
  BLOCK_NOUNS, LEFT_VERBS, MONTHS, OFFICIAL_RE, PERSON_PLURAL, PERSON_SINGULAR, REPORT_VERBS, UNOFFICIAL_RE,
} from './lexicon/index';
import { parseNumberAt, startsAsciiLower, startsUpper, yearOf, type NumberExpr, type Token } from './numbers';
import { matchAt, QUAL_PHRASES, qualifierBefore } from './qualifiers';
import { tokensOf, type Sentence } from './sentences';
import { countryOf, gazetteer, maxPlaceWords, placeWordsFrom } from './gazetteer';
import { countPatternAt, readingPatternsOver, runVictimRules, type ReadingHit, type RuleVeto } from './rules/engine';
import { Antecedents } from './rules/antecedents';
import { readSubject } from './rules/grammar';
import { AGENT_VERBS, BE_FORMS, COUNT_AFTER_DAY_WORDS, DATE_PREPS, FLIGHT_VERBS, HOME_DETERMINERS, HOME_NOUNS, INCREMENT_VERBS, LARGE_NUMBER_WORDS, OBJECT_OPENERS, ORDINALS, OTHERS_WORDS, PERPETRATORS, REFUGE_WORDS, RELATIVE, STOP_NP, THAT_WHICH } from './lexicon/counts';
import { AGO_UNITS, CAUSE_ADJ, CAUSE_NOUNS, CONTEXT_PHRASES, EARLIER_CAUSE_FRAMES, EARLIER_INCIDENT_NOUNS, EARLIER_THIS, EARLIER_THIS_PERIODS, EARLIER_THIS_SPANS, EVENT_FAMILIES, LAST_PERIODS, LAST_SEASONS, PAST_CAUSE_FRAMES, ROAD_ACCIDENTS, ROAD_WORDS, LONG_SPANS, ROUND_UP_NOUNS, SPAN_PREPS, SUPERSEDED_PHRASES, TIME_SPANS, WEATHER_CAUSES } from './lexicon/other-incidents';
import { DEATH_WORDS, FATAL_WORDS, HURT_WORDS, MISSING_TEXT_RE, STRANDED_RE, TRAPPED_RE } from './lexicon/outcomes';
import { ARTICLES, BOUNDARY_WORDS, NOT_INVERTED_SUBJECT, NOT_SUBJECT_WORDS, PLACE_TIME_PREPS, PRONOUNS, SUBJECT_PRONOUNS, TRAILING_TIME_WORDS } from './lexicon/attribution';
import { AUTHORITY, BORDER_DETERMINERS, BORDER_NOUNS, BOTH_WHOLES, COUNTRY_NOUNS, DEMONYM_SUFFIXES, FEW_COUNTS, PLACE_MODIFIERS, PLACE_NOUNS_AFTER_DEMONYM, SCOPE_PREPS, SIDE_POSSESSIVES } from './lexicon/scope';
import { asideAround, designation, keywordAt, MONTH_INDEX, namesGroupMember, olderMonth, superlativeSince } from './rules/context';
import { COUNT_RULES, type CountRule, type SetAsideId } from './rules/count-rules';
import type { NonTerminal } from './rules/count-grammar';
import { VIOLENT_EVENT_NOUNS } from './lexicon/victims';

export interface Candidate {
  category: Category;
  value: number;
  qualifier: Qualifier;
  /** exclusive upper bound for refining a vague figure ("dozens" < 100) */
  vagueUpper?: number;
  quote: string;
  attribution?: string;
  official: boolean;
  unofficial: boolean;
  sentence: number; // document sentence index (-1 = title)
  para: number;
  pos: number; // token position, for ordering within a sentence
  title: boolean;
  increment: boolean;
  superseded: boolean;
  subcount: boolean;
  speculative: boolean;
  context: boolean; // another, older incident
  combined: boolean; // "dead or missing"
  update: boolean; // "rose to", "climbed to", "now stands at"
  /** a figure for one country/region or one side of an incident that spans several ("In Malawi alone") */
  region?: boolean;
  /** a part named through its whole ("one of the injured died"): never that category's total */
  partitive?: boolean;
  /** the id of the rule that produced the candidate (`npm run extract -- --explain`) */
  rule: string;
  /** one person described or named ("a 15-year-old was shot"): weaker than any stated count */
  single?: boolean;
  /** the count may take in people who then died ("six people were shot", "taken to hospital") */
  mayIncludeDead?: boolean;
  /** counts a state some of the hurt are in ("taken to a hospital"): outranked by any count of all who were hurt */
  state?: boolean;
  /** counts people apart from those already counted ("two others are hurt"): never includes the dead */
  others?: boolean;
  /** a count the event's name implies ("a deadly shooting": someone died): below every stated figure */
  implied?: boolean;
}

/**
 * A named set-aside check of a count reader (rules/count-rules.ts SET_ASIDES): called once the check matched, at
 * token `pos`; says whether it holds. The hook records it for --explain; a check switched off does not hold.
 */
type SetAside = (id: SetAsideId, pos: number) => boolean;
const HOLDS: SetAside = () => true;

/**
 * A page's links to other stories ("Man Shot, Killed Few Blocks Away From Home", "Caption Double homicide being
 * investigated") come through as short paragraphs of their own, without a sentence's closing stop, below the lead:
 * their figures are other incidents'.
 */
function headlinesOfOtherStories(sentences: readonly Sentence[]): Set<number> {
  const perPara = new Map<number, number>();
  for (const s of sentences) perPara.set(s.para, (perPara.get(s.para) ?? 0) + 1);
  const out = new Set<number>();
  for (const s of sentences) {
    if (s.idx < 3 || perPara.get(s.para) !== 1) continue;
    const text = s.text.trim();
    if (/[.!?…"”'’):]$/.test(text) || text.split(/\s+/).length > 14) continue;
    out.add(s.idx);
  }
  return out;
}

/** Just past a counted object: "and" + a second count in the same noun phrase ("23 survivors and 7 bodies"). */
function coordinatedObject(toks: Token[], from: number): { at: number; n: NumberExpr; and: boolean } | undefined {
  for (let k = from; k < from + 4 && k < toks.length; k++) {
    const t = toks[k]!;
    // "and 7 bodies"; "27 boys, three staff and 12 relatives" (a comma, optionally followed by "and")
    const joiner = t.l === 'and' ? 1 : t.t === ',' ? (toks[k + 1]?.l === 'and' ? 2 : 1) : 0;
    if (joiner) {
      const at = k + joiner + qualifierLen(toks, k + joiner);
      const n = parseNumberAt(toks, at);
      return n ? { at, n, and: t.l === 'and' || joiner === 2 } : undefined;
    }
    if (t.k !== 'word') return undefined;
    if (STOP_NP.has(t.l) || keywordAt(toks, k) || LEFT_VERBS[t.l]) return undefined;
  }
  return undefined;
}
/** Length of a qualifier phrase ("at least", "more than") starting at i, or 0. */
function qualifierLen(toks: Token[], i: number): number {
  for (const [p] of QUAL_PHRASES) if (matchAt(toks, i, p)) return p.length;
  return 0;
}
/** The noun phrase at j names people who are not attackers, and is not the subject of its own verb. */
function personGroup(toks: Token[], j: number): boolean {
  let person = false;
  for (let k = j; k < j + 6 && k < toks.length; k++) {
    const t = toks[k]!;
    if (t.k === 'punct') {
      if (t.t === '.' && t.glued) continue; // "U.S. service members"
      break;
    }
    if (t.k === 'num' || keywordAt(toks, k) || LEFT_VERBS[t.l] || BE_FORMS.has(t.l)) return false;
    if (PERPETRATORS.has(t.l)) return false;
    if (PERSON_PLURAL.has(t.l) || PERSON_SINGULAR.has(t.l)) person = true;
    else if (person) break;
    if (STOP_NP.has(t.l)) break;
  }
  // the second group must not start its own clause: "killed 12 soldiers and 30 civilians were wounded"
  for (let k = j; k < j + 7 && k < toks.length; k++) {
    if (toks[k]!.k === 'punct' && !(toks[k]!.t === '.' && toks[k]!.glued)) break;
    if (BE_FORMS.has(toks[k]!.l)) return false;
  }
  return person;
}
/** "from their homes", "out of their homes", "to flee", "to evacuate", "to leave" shortly after a count. */
function leftHome(toks: Token[], from: number): boolean {
  for (let k = from; k < from + 7 && k < toks.length; k++) {
    const t = toks[k]!;
    if (t.k === 'punct') return false;
    if ((t.l === 'from' || t.l === 'of') && HOME_DETERMINERS.test(toks[k + 1]?.l ?? '') && HOME_NOUNS.test(toks[k + 2]?.l ?? '')) return true;
    if (t.l === 'to' && FLIGHT_VERBS.test(toks[k + 1]?.l ?? '')) return true;
  }
  return false;
}

/**
 * "An 18-year-old gunman killed 21 people": the singular subject is the agent of an active verb with an
 * object, not a casualty. A casualty subject takes a passive or intransitive verb ("a policeman was killed",
 * "a man died").
 */
function actsOnOthers(toks: Token[], from: number, keywordEnd: number): boolean {
  for (let k = from; k < keywordEnd; k++) if (BE_FORMS.has(toks[k]!.l) || toks[k]!.l === 'has' || toks[k]!.l === 'had') return false;
  const verb = toks[keywordEnd - 1]?.l ?? '';
  if (!AGENT_VERBS.test(verb)) return false;
  const object = toks[keywordEnd];
  if (!object || object.k === 'punct') return false;
  return object.k === 'num' || OBJECT_OPENERS.test(object.l);
}

/** The verb count.verb-before's patterns read before the number at i ("killing 12", "claimed the lives of 40"), with
 *  what it needs after its object (its patterns' marks). */
interface VerbBefore { cat: Category; verbIdx: number; needsPerson: boolean; needsRefuge: boolean; needsBodies: boolean; needsCustody: boolean; needsHomes: boolean; combined: boolean }
function verbBefore(toks: Token[], i: number, n: NumberExpr): VerbBefore | undefined {
  const h = countPatternAt(toks, i, false, n, undefined, 'count.keyword-after')?.hit;
  if (!h || h.verbAt === undefined) return undefined;
  const marks = new Set(h.marks);
  return {
    cat: h.category, verbIdx: h.verbAt, needsPerson: marks.has('needs-person'), needsRefuge: marks.has('needs-refuge'), needsBodies: marks.has('needs-bodies'),
    needsCustody: marks.has('needs-custody'), needsHomes: marks.has('needs-homes'), combined: marks.has('combined'),
  };
}

// ---------- sentence-level context ----------

interface SentenceCtx {
  superseded: boolean;
  /** "Officials had first said 40 were missing, but … 17 were unaccounted for": the estimate after "but" is current */
  currentFrom?: number;
  context: boolean;
  /** older years met inside an aside ("…, which Russia seized in 2014, …"): they date only that aside */
  asides: Array<[number, number]>;
  attribution?: string;
}

/** Phrases by first word: sentenceContext looks at every token, and most tokens start no phrase at all. */
function byFirstWord(phrases: string[][]): Map<string, string[][]> {
  const index = new Map<string, string[][]>();
  for (const p of phrases) index.set(p[0]!, [...(index.get(p[0]!) ?? []), p]);
  return index;
}
const CONTEXT_BY_FIRST = byFirstWord(CONTEXT_PHRASES);
const SUPERSEDED_BY_FIRST = byFirstWord(SUPERSEDED_PHRASES);
const NO_PHRASES: string[][] = [];

/** The kind of event a word names (the families above are disjoint), if any. */
const eventFamily = (word: string): RegExp | undefined => EVENT_FAMILIES.find((re) => re.test(word));
/**
 * "The package was adopted after an earthquake that killed up to 1,000 people": a toll inside a relative
 * clause on an earlier event introduced by "after"/"following", when the headline is about something else
 * (no word of that event's kind in it). verbIdx is the verb after "that"/"which".
 */
function backgroundEvent(toks: Token[], verbIdx: number, titleWords: Set<string> | undefined): boolean {
  if (!titleWords || !THAT_WHICH.test(toks[verbIdx - 1]?.l ?? '')) return false;
  for (let k = verbIdx - 2; k >= 0 && k >= verbIdx - 8; k--) {
    const l = toks[k]!.l;
    const fam = eventFamily(l);
    if (!fam) continue;
    // the event noun must be introduced as a past cause: "after an earthquake", "following the bombing"
    let framed = false;
    for (let m = k - 1; m >= 0 && m >= k - 3; m--) if (PAST_CAUSE_FRAMES.test(toks[m]!.l)) framed = true;
    if (!framed) return false;
    for (const w of titleWords) if (fam.test(w)) return false;
    return true;
  }
  return false;
}

/**
 * "The kidnapping came days after a fuel tanker explosion in a neighbouring state killed more than 150 people": the
 * subject of a casualty verb is an event of another kind, introduced as an earlier cause ("after", "following"),
 * and neither the headline nor the first sentence speaks of an event of that kind. verbIdx is the casualty verb.
 */
function otherEventSubject(toks: Token[], verbIdx: number, leadFamilies: Set<RegExp>): boolean {
  for (let k = verbIdx - 1; k >= 0 && k >= verbIdx - 10; k--) {
    const t = toks[k]!;
    if (t.k === 'punct' || t.k === 'num') return false;
    const fam = eventFamily(t.l);
    if (!fam) continue;
    let framed = false;
    for (let m = k - 1; m >= 0 && m >= k - 5; m--) {
      if (toks[m]!.k === 'punct') break;
      if (EARLIER_CAUSE_FRAMES.test(toks[m]!.l)) framed = true;
    }
    return framed && !leadFamilies.has(fam);
  }
  return false;
}

/**
 * "Gang violence has killed more than 3,600 people since January": a running total since a month two or more
 * months before the report is an ongoing conflict's cumulative toll, not the reported incident's. ("since
 * Friday", "since March 5" and the last few weeks are left alone.)
 */
function sinceOlderMonth(toks: Token[], currentMonth: number | undefined): boolean {
  if (currentMonth === undefined) return false;
  for (let j = 0; j + 1 < toks.length; j++) {
    if (toks[j]!.l !== 'since') continue;
    const m = MONTH_INDEX[toks[j + 1]!.l];
    if (m === undefined || !/^\p{Lu}/u.test(toks[j + 1]!.t) || toks[j + 2]?.k === 'num') continue;
    const back = (currentMonth - m + 12) % 12;
    if (back >= 2) return true;
  }
  return false;
}

function sentenceContext(toks: Token[], currentYear: number | undefined): SentenceCtx {
  let superseded = false;
  let supAt = -1;
  let currentFrom: number | undefined;
  let context = false;
  const asides: Array<[number, number]> = [];
  for (let j = 0; j < toks.length; j++) {
    const tk = toks[j]!;
    if (tk.k === 'num') {
      const y = yearOf(tk);
      if (y !== undefined && currentYear !== undefined && y < currentYear && !superlativeSince(toks, j)) {
        // a year used as a count ("1987 people") is not a date
        const nx = toks[j + 1];
        if (!nx || DATE_PREPS.has(toks[j - 1]?.l ?? '') || !(PERSON_PLURAL.has(nx.l) || keywordAt(toks, j + 1))) {
          const aside = asideAround(toks, j);
          if (aside) asides.push(aside);
          else context = true;
        }
      }
      continue;
    }
    if (tk.k !== 'word') continue;
    // "last September", "in March last year"
    if (tk.l === 'last' && toks[j + 1] && MONTHS.has(toks[j + 1]!.l) && toks[j + 1]!.l !== 'may') context = true;
    for (const p of CONTEXT_BY_FIRST.get(tk.l) ?? NO_PHRASES) if (matchAt(toks, j, p)) context = true;
    for (const p of SUPERSEDED_BY_FIRST.get(tk.l) ?? NO_PHRASES) {
      if (matchAt(toks, j, p)) {
        // "earlier this year/month/week/in the year" dates the main incident, it does not supersede
        if (p[0] === 'earlier' && EARLIER_THIS.test(toks[j + 1]?.l ?? '') && EARLIER_THIS_SPANS.test(toks[j + 2]?.l ?? '')) continue;
        // "the scene of a similar shooting a year earlier" dates another event; it revises no figure
        if (p[0] === 'earlier' && TIME_SPANS.has(toks[j - 1]?.l ?? '')) continue;
        superseded = true;
        supAt = j;
      }
    }
    if (superseded && currentFrom === undefined && supAt >= 0 && j > supAt && tk.l === 'but' && toks[j - 1]?.t === ',') currentFrom = j;
  }
  return { superseded, context, asides, ...(currentFrom !== undefined ? { currentFrom } : {}) };
}

function cleanSubject(toks: Token[], from: number, to: number, text: string): string | undefined {
  // drop leading/trailing time phrases ("on Friday", "today")
  while (from < to && TRAILING_TIME_WORDS.test(toks[to - 1]!.l)) to--;
  if (to <= from || to - from > 9) return undefined;
  const first = toks[from]!;
  if (to - from === 1 && PRONOUNS.has(first.l)) return undefined;
  if (PRONOUNS.has(first.l) && to - from === 1) return undefined;
  for (let k = from; k < to; k++) if (NOT_SUBJECT_WORDS.test(toks[k]!.l)) return undefined;
  const s = text.slice(first.s, toks[to - 1]!.e).trim();
  const hasCap = toks.slice(from, to).some((t) => t.k === 'word' && /^\p{Lu}/u.test(t.t) && t !== first) || /^\p{Lu}/u.test(first.t);
  if (!hasCap && !OFFICIAL_RE.test(s) && !UNOFFICIAL_RE.test(s)) return undefined;
  if (SUBJECT_PRONOUNS.test(s)) return undefined;
  return s.replace(/^[,\s]+|[,\s]+$/g, '');
}

/** Who the sentence says the figure comes from, or undefined when it names no one. */
export function attributionOf(toks: Token[], text: string, near: number): { s: string; role?: string } | undefined {
  let best: { s: string; d: number; role?: string } | undefined;
  for (let j = 0; j < toks.length; j++) {
    const tk = toks[j]!;
    if (tk.l === 'according' && toks[j + 1]?.l === 'to') {
      let k = j + 2;
      while (k < toks.length && k < j + 12 && toks[k]!.k !== 'punct') k++;
      // keep possessive apostrophes: "Morocco's Interior Ministry"
      while (k < toks.length && k < j + 14 && (toks[k]!.t === "'" || toks[k]!.t === '’') && toks[k + 1]?.k === 'word') {
        k += 2;
        while (k < toks.length && k < j + 14 && toks[k]!.k !== 'punct') k++;
      }
      const s = cleanSubject(toks, j + 2, k, text);
      if (s) {
        const d = Math.abs(j - near);
        if (!best || d < best.d) best = { s, d };
      }
      continue;
    }
    if (!REPORT_VERBS.has(tk.l) || tk.l === 'according') continue;
    // "an estimated 15,000", "the estimated number": an adjective, not a reporting verb
    if (tk.l === 'estimated' && (ARTICLES.test(toks[j - 1]?.l ?? '') || toks[j + 1]?.k === 'num')) continue;
    // subject before the verb, up to a clause boundary
    let k = j - 1;
    // "X, the ministry's spokesman, said": skip an appositive to reach the name
    let endSubj = j;
    let role: string | undefined;
    if (toks[k]?.t === ',') {
      let m = k - 1;
      while (m >= 0 && toks[m]!.t !== ',' && j - m < 14) m--;
      if (m >= 0 && toks[m]!.t === ',') {
        role = text.slice(toks[m + 1]!.s, toks[k - 1]!.e);
        endSubj = m;
        k = m - 1;
      } else {
        continue;
      }
    }
    while (k >= 0 && endSubj - k <= 9) {
      const t = toks[k]!;
      if (t.k === 'punct' && t.t !== "'" && t.t !== '’' && t.t !== '.' && t.t !== '&') break;
      if (t.k === 'num') break;
      if (BOUNDARY_WORDS.has(t.l) || REPORT_VERBS.has(t.l) || t.l === 'also') break;
      k--;
    }
    let from = k + 1;
    // "a nurse who took part in the rescue said": the speaker is the noun before "who"
    if (toks[k]?.l === 'who' && endSubj - k <= 12) {
      const relEnd = k;
      let m = k - 1;
      while (m >= 0 && relEnd - m <= 7 && toks[m]!.k !== 'punct' && toks[m]!.k !== 'num' && !BOUNDARY_WORDS.has(toks[m]!.l) && !REPORT_VERBS.has(toks[m]!.l)) m--;
      from = m + 1;
      endSubj = relEnd;
    }
    while (from < endSubj && PLACE_TIME_PREPS.test(toks[from]!.l)) from++;
    let s = cleanSubject(toks, from, endSubj, text);
    if (!s) {
      // inverted: "…, said the governor's office."
      if (toks[j - 1]?.t === ',' || j === 0) {
        let m = j + 1;
        while (m < toks.length && m < j + 10 && toks[m]!.k !== 'punct') m++;
        if (toks[m]?.t === "'" || toks[m]?.t === '’') {
          m += 2;
          while (m < toks.length && m < j + 12 && toks[m]!.k !== 'punct') m++;
        }
        if (toks[j + 1] && /^(the|a|an|\p{Lu})/u.test(toks[j + 1]!.t) && !NOT_INVERTED_SUBJECT.test(toks[j + 1]!.l)) s = cleanSubject(toks, j + 1, m, text);
      }
    }
    if (s) {
      // "Jane Doe, head of the emergency services, said": the name stands, with its office for the official test
      const d = Math.abs(j - near);
      if (!best || d < best.d) best = { s, d, ...(role ? { role } : {}) };
    }
  }
  return best ? { s: best.s, ...(best.role ? { role: best.role } : {}) } : undefined;
}

// ---------- per-country / per-side scope ----------

/** The country a capitalised name at token k stands for, with the index past it. */
function countryAt(toks: Token[], k: number): { country: string; end: number; demonym: boolean; possessive: boolean } | undefined {
  const t = toks[k];
  if (!t || t.k !== 'word' || !startsUpper(t.t)) return undefined;
  const g = gazetteer();
  // (no name of more words starts with this one: most capitalised words are looked up alone)
  for (let w = Math.min(maxPlaceWords(), 4, placeWordsFrom(t.t)); w >= 1; w--) {
    if (k + w > toks.length) continue;
    const parts: string[] = [];
    for (let m = k; m < k + w; m++) parts.push(toks[m]!.k === 'word' ? toks[m]!.t : '\u0000');
    let name = parts.join(' ');
    if (name.includes('\u0000')) continue;
    const possessive = /['’]s$/.test(name);
    if (possessive) name = name.slice(0, -2);
    const p = g.get(name);
    if (!p) continue;
    // a division or a city is placed in its country: a province inside a named country is not a second country
    const country = countryOf(p);
    return { country, end: k + w, demonym: name !== p.name && !possessive && DEMONYM_SUFFIXES.test(name), possessive };
  }
  return undefined;
}

export interface PlaceScope {
  /** countries the sentence's figures are placed in ("in Pakistan", "Malawi police said", "Lebanon's health ministry") */
  tags: Set<string>;
  /** "In Malawi alone": token ranges whose figures are one part's (the whole sentence when it opens on the phrase) */
  parts: Array<[number, number]>;
  /** "on the Indian side", "on their side of the border": one side's figure when the incident spans sides */
  side: boolean;
  /** "both sides", "the three countries": the figure spans the parts */
  whole: boolean;
  /** every country named in the sentence, however ("Iranian state media", "northern Israel") */
  named: Set<string>;
}

export function placeScope(toks: Token[]): PlaceScope {
  const tags = new Set<string>();
  const named = new Set<string>();
  const parts: Array<[number, number]> = [];
  let side = false;
  let lastTagEnd = -1;
  let whole = false;
  for (let j = 0; j < toks.length; j++) {
    const l = toks[j]!.l;
    if (l === 'both' && BOTH_WHOLES.test(toks[j + 1]?.l ?? '')) whole = true;
    if (FEW_COUNTS.test(l) && COUNTRY_NOUNS.test(toks[j + 1]?.l ?? '')) whole = true;
    // "on the Indian side", "on their side of the border" (not a ship "on its side")
    if (l === 'on' && toks[j + 1]?.l === 'the' && toks[j + 3]?.l === 'side' && /^\p{Lu}/u.test(toks[j + 2]?.t ?? '')) side = true;
    if (l === 'on' && SIDE_POSSESSIVES.test(toks[j + 1]?.l ?? '') && toks[j + 2]?.l === 'side' && toks[j + 3]?.l === 'of' && BORDER_DETERMINERS.test(toks[j + 4]?.l ?? '') && BORDER_NOUNS.test(toks[j + 5]?.l ?? '')) side = true;
    // "In Malawi alone", "in the Iranian town of Sarpol-e Zahab alone": the clause (or, opening the sentence, all of it)
    if (l === 'alone' && j > 0) {
      for (let k = j - 1; k >= 0 && k >= j - 9; k--) {
        const tk = toks[k]!;
        if (tk.k === 'punct' && !(tk.t === '-' && tk.glued)) break;
        if (SCOPE_PREPS.has(tk.l)) {
          if (toks.slice(k + 1, j).some((t) => t.k === 'word' && /^\p{Lu}/u.test(t.t))) {
            if (k <= 1) parts.push([0, toks.length]);
            else {
              let a = k;
              while (a > 0 && toks[a - 1]!.k !== 'punct') a--;
              let b = j;
              while (b < toks.length && toks[b]!.k !== 'punct') b++;
              parts.push([a, b]);
            }
          }
          break;
        }
      }
    }
    const c = countryAt(toks, j);
    if (!c) continue;
    named.add(c.country);
    const nx = toks[c.end];
    const prevPrep = (() => {
      for (let k = j - 1; k >= 0 && k >= j - 3; k--) {
        const tk = toks[k]!;
        if (SCOPE_PREPS.has(tk.l)) return true;
        if (tk.k !== 'word' || !PLACE_MODIFIERS.test(tk.l)) return false;
      }
      return false;
    })();
    const placeAfter = !!nx && (PLACE_NOUNS_AFTER_DEMONYM.has(nx.l) || (nx.k === 'word' && /^\p{Lu}/u.test(nx.t)));
    let authority = false;
    let k = c.end;
    if (!c.possessive && (toks[k]?.t === "'" || toks[k]?.t === '’') && toks[k + 1]?.l === 's') k += 2;
    for (let m = k; m < k + 3 && m < toks.length; m++) {
      if (AUTHORITY.has(toks[m]!.l)) authority = true;
      if (toks[m]!.k === 'punct') break;
    }
    // "in Mozambique, Zimbabwe and Malawi": a list after the preposition places each
    const listed = lastTagEnd >= 0 && j - lastTagEnd <= 3 && toks.slice(lastTagEnd, j).every((t) => t.t === ',' || t.l === 'and' || t.l === 'or') && j > lastTagEnd;
    if ((prevPrep && (!c.demonym || placeAfter)) || authority || (listed && !c.demonym)) {
      tags.add(c.country);
      lastTagEnd = c.end;
    }
    j = c.end - 1;
  }
  return { tags, parts, side, whole, named };
}

/**
 * Mark figures that belong to one country or one side of an incident spanning several ("In Malawi alone, more
 * than 700 were injured"; "19,136 confirmed dead in Pakistan" beside India's toll; "Lebanon's health ministry
 * said 10 were killed" beside "on the Israeli side … one soldier was killed"). The rules give no figure from
 * parts alone; an overall figure ("across the three countries", a sentence naming both) stays.
 */
function markRegions(out: Candidate[], scopes: Map<number, PlaceScope>, sentences: Sentence[]): void {
  // The incident spans several countries only when its headline and first sentence name two or more
  // (or say "both sides"), and the figures themselves are placed in two or more.
  const lead = sentences.filter((s) => s.idx <= 0);
  const leadNamed = new Set<string>();
  let leadWhole = false;
  for (const s of lead) {
    const sc = scopes.get(s.idx) ?? placeScope(tokensOf(s));
    for (const c of sc.named) leadNamed.add(c);
    if (sc.whole) leadWhole = true;
  }
  const placed = new Set<string>();
  for (const c of out) {
    const sc = scopes.get(c.sentence);
    if (sc && sc.tags.size === 1) placed.add([...sc.tags][0]!);
  }
  const spans = (leadNamed.size >= 2 || leadWhole) && placed.size >= 2;
  // a single-place figure is a part only when the article reports place by place (some category is given for two
  // or more places): a lone death "in the West Bank city of Jericho" from a barrage on Israel is the toll
  const placesByCat = new Map<Category, Set<string>>();
  for (const c of out) {
    const sc = scopes.get(c.sentence);
    if (!sc || sc.tags.size !== 1) continue;
    const set = placesByCat.get(c.category) ?? new Set<string>();
    set.add([...sc.tags][0]!);
    placesByCat.set(c.category, set);
  }
  const parallel = [...placesByCat.values()].some((set) => set.size >= 2);
  // distinct figures: two rules reading the same figure are one part, not two
  const perSentenceCat = new Map<string, number>();
  for (const key of new Set(out.map((c) => `${c.sentence}:${c.category}:${c.value}`))) {
    const sc = key.slice(0, key.lastIndexOf(':'));
    perSentenceCat.set(sc, (perSentenceCat.get(sc) ?? 0) + 1);
  }
  for (const c of out) {
    const sc = scopes.get(c.sentence);
    if (!sc || sc.whole) continue;
    if (sc.parts.some(([a, b]) => c.pos >= a && c.pos < b)) c.region = true;
    else if (spans && parallel && (sc.side || sc.tags.size === 1)) c.region = true;
    // "more than 90,000 have fled northern Israel and about 95,000 southern Lebanon": parallel parts in one sentence
    else if (spans && sc.named.size >= 2 && (perSentenceCat.get(`${c.sentence}:${c.category}`) ?? 0) >= 2) c.region = true;
  }
}

/**
 * "324 people had died of illness", "deaths from disease", "killed in road accidents": the cause named after a
 * killed figure, within its clause. Returns the cause word, or undefined.
 */
function deathCause(toks: Token[], from: number): string | undefined {
  for (let k = from; k < toks.length && k < from + 10; k++) {
    const t = toks[k]!;
    if (t.k === 'punct' && t.t !== '-') return undefined;
    if (t.l === 'of' || t.l === 'from') {
      let m = k + 1;
      while (m < k + 3 && CAUSE_ADJ.test(toks[m]?.l ?? '')) m++;
      const w = toks[m]?.l ?? '';
      if (CAUSE_NOUNS.has(w)) return w;
      if (w !== 'illness' && WEATHER_CAUSES.test(w)) return w;
    }
    if (t.l === 'in' && ROAD_WORDS.test(toks[k + 1]?.l ?? '') && ROAD_ACCIDENTS.test(toks[k + 2]?.l ?? '')) return toks[k + 2]!.l;
  }
  return undefined;
}

/** "last month", "last week", "earlier this year" after a position in the same clause */
function earlierPeriod(toks: Token[], from: number): boolean {
  for (let k = from; k < toks.length && k < from + 14; k++) {
    const t = toks[k]!;
    if (t.k === 'punct') return false;
    if (t.l === 'last' && LAST_PERIODS.test(toks[k + 1]?.l ?? '')) return true;
    if (t.l === 'earlier' && toks[k + 1]?.l === 'this' && EARLIER_THIS_PERIODS.test(toks[k + 2]?.l ?? '')) return true;
  }
  return false;
}

/** "in two shootings", "five shootings that wounded 15", "separate attacks", "a violent weekend": the sentence sums events */
function spansSeveralEvents(toks: Token[]): boolean {
  // ("a shooting that wounded three people over the weekend" is one event of the weekend)
  const oneEvent = toks.some((t, k) => (t.l === 'a' || t.l === 'the') && VIOLENT_EVENT_NOUNS.has(toks[k + 1]?.l ?? ''));
  for (let k = 0; k < toks.length; k++) {
    const w = toks[k]!.l;
    if (ROUND_UP_NOUNS.test(w)) return true;
    if (w === 'separate' || (w === 'weekend' && !oneEvent) || (w === 'a' && toks[k + 1]?.l === 'total' && toks[k + 2]?.l === 'of')) return true;
  }
  return false;
}

/** "last week", "earlier this month", "two years ago", "in a previous shooting": the sentence dates what it tells earlier */
function datesEarlier(toks: Token[]): boolean {
  for (let k = 0; k < toks.length; k++) {
    const w = toks[k]!.l;
    const next = toks[k + 1]?.l ?? '';
    if (w === 'last' && LAST_SEASONS.test(next) && toks[k - 1]?.l !== 'the') return true;
    if (w === 'earlier' && next === 'this' && EARLIER_THIS_PERIODS.test(toks[k + 2]?.l ?? '')) return true;
    // "killed in the same neighborhood earlier in the week"
    if (w === 'earlier' && next === 'in' && toks[k + 2]?.l === 'the' && LAST_PERIODS.test(toks[k + 3]?.l ?? '')) return true;
    // "a rivalry that has claimed two lives over the past couple of months": a span of time, not the incident
    if ((w === 'past' || w === 'last') && toks[k - 1]?.l === 'the' && SPAN_PREPS.test(toks[k - 2]?.l ?? '') && toks.slice(k + 1, k + 5).some((t) => LONG_SPANS.test(t.l))) return true;
    if (w === 'ago' && AGO_UNITS.test(toks[k - 1]?.l ?? '')) return true;
    if ((w === 'previous' || w === 'prior' || w === 'unrelated' || w === 'separate') && EARLIER_INCIDENT_NOUNS.test(next)) return true;
  }
  return false;
}

/** "together with 17 deaths in Madagascar", "on top of the 10 killed", "in addition to 5": a part added to reach a total */
function addedPart(toks: Token[], qStart: number): boolean {
  let k = qStart - 1;
  if (toks[k]?.l === 'the') k--;
  const b1 = toks[k]?.l;
  const b2 = toks[k - 1]?.l;
  const b3 = toks[k - 2]?.l;
  return (b1 === 'with' && (b2 === 'together' || b2 === 'along')) || (b1 === 'of' && b2 === 'top' && b3 === 'on') || (b1 === 'to' && b2 === 'addition' && b3 === 'in');
}

// ---------- the candidate finder ----------

/** The sub-patterns of the count grammar that the two subject rows read (each row names its own). */
const grammarOf = (id: CountRule['id']): NonTerminal => COUNT_RULES.find((r) => r.id === id)!.grammar!;
const KEYWORD_AFTER = grammarOf('count.keyword-after');
const SUBJECT_KEYWORD = grammarOf('single.subject-keyword');

/** A rule a guard vetoed, with the sentence it was in (`-1`: the headline). */
export type SentenceVeto = RuleVeto & { sentence: number };

/** The count reader that would read the number at i (for --explain, when a check before the readers set it aside). */
function readerAt(toks: Token[], i: number): CountRule['id'] | undefined {
  const n = parseNumberAt(toks, i);
  if (!n) return undefined;
  const qStart = qualifierBefore(toks, i).start;
  if (readSubject(toks, n.end, undefined, KEYWORD_AFTER)) return 'count.keyword-after';
  if (verbBefore(toks, i, n)) return 'count.verb-before';
  return countPatternAt(toks, i, false, n, () => true, 'count.verb-before')?.rule;
}

/**
 * `vetoes`, when given, collects the rules that a guard or a named set-aside vetoed (for `--explain`); `off` switches
 * named set-asides off, for an account of what a figure would be without them (the spec runner's what-if).
 */
export function findCandidates(sentences: Sentence[], currentYear: number | undefined, currentMonth?: number, vetoes?: SentenceVeto[], off?: ReadonlySet<SetAsideId>): Candidate[] {
  const out: Candidate[] = [];
  const titleSen = sentences.find((s) => s.idx === -1);
  const titleWords = titleSen ? new Set(tokensOf(titleSen).map((t) => t.l)) : undefined;
  // the headline and the first sentence say what the main incident is
  const firstSen = sentences.find((s) => s.idx === 0);
  const leadFamilies = new Set<RegExp>();
  for (const t of [...(titleSen ? tokensOf(titleSen) : []), ...(firstSen ? tokensOf(firstSen) : [])]) {
    const fam = eventFamily(t.l);
    if (fam) leadFamilies.add(fam);
  }
  const firstCauseWords = new Set((firstSen ? tokensOf(firstSen) : []).map((t) => t.l));
  // the lead, for a figure in a later sentence; a figure's own sentence never makes itself the main incident
  const titleOnly = new Set(titleWords ?? []);
  const leadWords = new Set([...titleOnly, ...firstCauseWords]);
  const speaksOfDeath = (words: ReadonlySet<string>): boolean => [...words].some((w) => DEATH_WORDS.test(w));
  const titleSpeaksOfDeath = speaksOfDeath(titleOnly);
  const leadSpeaksOfDeath = speaksOfDeath(leadWords);
  // a headline and lead that tell of people hurt and of no death (guard.lead-only-hurt)
  const leadOnlyHurt = [...leadWords].some((w) => HURT_WORDS.test(w)) && ![...leadWords].some((w) => FATAL_WORDS.test(w));
  // a follow-up whose own lead says "last week" tells its main incident so; only a lead that does not may set
  // another sentence's "last week" aside
  const leadDatesEarlier = [titleSen, firstSen].some((s) => s !== undefined && datesEarlier(tokensOf(s)));
  const scopes = new Map<number, PlaceScope>();
  const otherHeadlines = headlinesOfOtherStories(sentences);
  const antecedents = new Antecedents();
  // The hooks below (mark, push, the set-aside hooks…) read the sentence being scanned through these variables, so
  // they are made once per article instead of once per sentence: a closure costs an allocation (and, under esbuild's
  // keepNames, which wrangler's bundles use, a defineProperty), and an article has dozens of sentences.
  let sen!: Sentence;
  let toks: Token[] = [];
  let ctx!: SentenceCtx;
  let contextBy: SetAsideId[] = [];
  let datedEarlier = false;
  let roundUp = false;
  let afterAt = -1;
  let attrDone = false;
  let stranded = false;
  let senCats = new Set<Category>();
  let attribution: { s: string; role?: string } | undefined;
  // a sentence-level set-aside applies to every candidate of the sentence, whichever rule read it: recorded under
  // that rule for --explain, switched off for a what-if
  const mark = (id: SetAsideId, rule: string, pos: number): boolean => {
    if (off?.has(id)) return false;
    vetoes?.push({ rule, guard: id, pos, sentence: sen.idx });
    return true;
  };
  const olderContext = (rule: string, pos: number): boolean => {
    const id = contextBy.find((x) => !off?.has(x));
    return id !== undefined && mark(id, rule, pos);
  };
  const attr = (pos: number): { s: string; role?: string } | undefined => {
    if (!attrDone) {
      attribution = attributionOf(toks, sen.text, pos);
      attrDone = true;
    }
    return attribution;
  };
  const push = (c: Omit<Candidate, 'quote' | 'attribution' | 'official' | 'unofficial' | 'sentence' | 'para' | 'title' | 'superseded' | 'context'> & { superseded?: boolean; context?: boolean }) => {
    // "thousands of people trapped on rooftops" by a flood are stranded and reached by boats, not missing
    if (c.category === 'missing' && stranded && mark('sentence.aside.stranded', c.rule, c.pos)) return;
    const a = sen.idx === -1 ? undefined : attr(c.pos);
    // (people hurt "four days after" anything were hurt in an earlier event, or are the dead before they died; a
    // death only an event's name implies, "a week after a fatal shooting", is that earlier event's)
    const laterClause = afterAt >= 0 && c.pos > afterAt && ([...senCats].some((k) => k !== c.category) || c.category === 'injured' || !!c.implied);
    // a cause-specific death count: another incident when the headline and first sentence never name that cause,
    // else a sub-count that a larger total outranks
    const cause = c.category === 'killed' && !c.increment ? deathCause(toks, c.pos) : undefined;
    if (cause !== undefined && mark('sentence.aside.death-cause', c.rule, c.pos)) {
      // (the figure's own sentence does not make the cause the main incident)
      if (titleWords?.has(cause) || (sen.idx !== 0 && firstCauseWords.has(cause))) c = { ...c, subcount: true };
      else c = { ...c, context: true };
    }
    // (the victim rules veto such a victim under guard.earlier-period; the older count rules set it aside alike)
    if (datedEarlier && (c.category === 'killed' || c.category === 'injured') && /^(single|count)\./.test(c.rule) && mark('sentence.aside.dated-earlier', c.rule, c.pos)) c = { ...c, context: true };
    // "Three people were hurt in two shootings", "a violent weekend sent six to hospitals": a round-up's figure
    // sums several incidents, so one incident's own count outranks it
    if (roundUp && (c.category === 'killed' || c.category === 'injured') && mark('sentence.aside.round-up', c.rule, c.pos)) c = { ...c, subcount: true };
    senCats.add(c.category);
    out.push({
      ...c,
      quote: sen.text,
      ...(a ? { attribution: a.s } : {}),
      official: a ? (OFFICIAL_RE.test(a.s) || (!!a.role && OFFICIAL_RE.test(a.role))) && !UNOFFICIAL_RE.test(a.s) : false,
      unofficial: a ? UNOFFICIAL_RE.test(a.s) || (!!a.role && UNOFFICIAL_RE.test(a.role) && !OFFICIAL_RE.test(a.role)) : false,
      sentence: sen.idx,
      para: sen.para,
      title: sen.idx === -1,
      superseded: (ctx.superseded && !(ctx.currentFrom !== undefined && c.pos > ctx.currentFrom) && mark('sentence.aside.superseded', c.rule, c.pos)) || !!c.superseded,
      context: olderContext(c.rule, c.pos) || !!c.context || (laterClause && mark('sentence.aside.later-clause', c.rule, c.pos)) || (ctx.asides.some(([a, b]) => c.pos > a && c.pos < b) && mark('sentence.aside.dated-aside', c.rule, c.pos)),
    });
  };
  const pushReading = (r: ReadingHit): void =>
    push({ value: r.value, qualifier: r.qualifier, pos: r.pos, category: r.category, increment: false, subcount: false, speculative: false, combined: false, update: r.update, rule: r.rule, ...(r.mayIncludeDead ? { mayIncludeDead: true } : {}) });
  // every named set-aside check of a count reader goes through its rule's hook: recorded for --explain, and
  // switched off for a what-if; without either, the one shared HOLDS (nothing is allocated per number)
  const asideOf = (rule: CountRule['id']): SetAside => (!vetoes && !off ? HOLDS : (id, pos) => {
    if (off?.has(id)) return false;
    vetoes?.push({ rule, guard: id, pos, sentence: sen.idx });
    return true;
  });
  // a named set-aside of a pattern row, through the same hook
  const patternAside = (rule: CountRule['id'], id: SetAsideId, pos: number): boolean => asideOf(rule)(id, pos);
  // a check made before any reader ran (a date, a group's member) vetoes the reader that would have read the number
  // (the victim rules' test for a verb whose subject is another, background event)
  const background = (verbIdx: number): boolean => backgroundEvent(toks, verbIdx, titleWords) || otherEventSubject(toks, verbIdx, leadFamilies);
  const asideBefore = (id: SetAsideId, i: number): boolean => {
    if (!vetoes && !off) return true;
    if (off?.has(id)) return false;
    const rule = readerAt(toks, i);
    if (rule) vetoes?.push({ rule, guard: id, pos: i, sentence: sen.idx });
    return true;
  };
  for (const sentence of sentences) {
    sen = sentence;
    toks = tokensOf(sen);
    if (toks.length === 0) continue;
    const outBefore = out.length;
    ctx = sentenceContext(toks, currentYear);
    // why the whole sentence tells another, older incident, in the order checked
    contextBy = [];
    if (ctx.context) contextBy.push('sentence.aside.older-incident');
    if (otherHeadlines.has(sen.idx)) contextBy.push('sentence.aside.other-story-headline');
    if (sen.idx !== -1 && (sinceOlderMonth(toks, currentMonth) || olderMonth(toks, currentMonth))) contextBy.push('sentence.aside.older-month');
    datedEarlier = sen.idx > 0 && !leadDatesEarlier && datesEarlier(toks);
    roundUp = spansSeveralEvents(toks);
    // "X did this, hours after Y happened": Y is a separate, earlier event
    afterAt = -1;
    for (let j = 1; j < toks.length; j++) {
      if (toks[j]!.l === 'after' && TIME_SPANS.has(toks[j - 1]!.l) && toks[j + 1]?.k !== 'num') {
        afterAt = j;
        break;
      }
    }
    attrDone = false;
    attribution = undefined;
    stranded = TRAPPED_RE.test(sen.text) && STRANDED_RE.test(sen.text) && !MISSING_TEXT_RE.test(sen.text);
    senCats = new Set<Category>();
    // a number expression ("between 20 and 30", "one hundred and twelve") is read once
    let next = 0;    for (let i = 0; i < toks.length; i = Math.max(i + 1, next)) {
      const tk = toks[i]!;
      // singular "a"/"an": only in a casualty statement with a person noun
      if ((tk.l === 'a' || tk.l === 'an') && tk.k === 'word' && !LARGE_NUMBER_WORDS.test(toks[i + 1]?.l ?? '')) {
        singular(toks, i, push, asideOf, patternAside);
        continue;
      }
      if (tk.k !== 'num' && tk.k !== 'word') continue;
      if (tk.k === 'word' && !startsAsciiLower(tk.l)) continue;
      const prev = toks[i - 1];
      // the count rows that are token patterns tried wherever the scan stands (count.another-object,
      // count.multiple-event, count.murder-charges, count.fatal-event, count.bodies-object), run by the engine from
      // their rows in count-rules.ts; count.verb-before and count.toll-phrase are tried below, after the readers before them
      const n = parseNumberAt(toks, i);
      const patterned = countPatternAt(toks, i, senCats.size > 0, n, patternAside);
      if (patterned) {
        const h = patterned.hit;
        if (h) push({ value: h.value, qualifier: h.qualifier, pos: i, category: h.category, increment: false, subcount: false, speculative: false, combined: false, update: false, rule: h.rule, ...(h.single ? { single: true } : {}), ...(h.mayIncludeDead ? { mayIncludeDead: true } : {}), ...(h.implied ? { implied: true } : {}) });
        if (h?.numberEnd !== undefined) next = h.numberEnd;
        continue;
      }
      if (prev && (prev.l === 'no' || prev.l === 'the') && tk.l === 'one' && asideBefore('count.aside.no-one', i)) continue;
      if (!n) continue;
      // "four of the five victims died": the five are the group the four belong to (unless the four name members of
      // it, as in "he was one of three people wounded" below)
      const ofAt = prev?.l === 'the' ? i - 2 : i - 1;
      const partAt = toks[ofAt]?.l === 'of' && ofAt >= 1 && parseNumberAt(toks, ofAt - 1)?.end === ofAt ? ofAt - 1 : -1;
      // (only when the part has a figure of its own: in "two of the 14 people killed were officers" the 14 is it)
      if (partAt >= 0 && out.some((c) => c.sentence === sen.idx && c.pos === partAt && !c.subcount) && asideBefore('count.aside.group-of-part', i)) continue;
      // "he was one of three people wounded", "Ann and Joe Ray, two of four people found dead": the figure is the
      // larger count, the smaller one names who the sentence is about (but in "one of the two men was killed" the
      // smaller one is the subject; a headline drops the verb: "Teenager one of two people hurt")
      if (namesGroupMember(toks, i, sen.idx === -1) && toks[n.end]?.l === 'of' && (parseNumberAt(toks, n.end + 1) || (toks[n.end + 1]?.l === 'the' && parseNumberAt(toks, n.end + 2))) && asideBefore('count.aside.group-member', i)) continue;
      // dates ("March 12", "12 March"), ordinals handled by the parser
      // ("a May 25 shooting": a capitalised "May" inside a sentence is the month, not the modal)
      if (prev && MONTHS.has(prev.l) && (prev.l !== 'may' || (prev.t === 'May' && i > 1)) && !n.words && asideBefore('count.aside.date', i)) continue;
      // "the March five earthquake": a day written in words, unless people follow ("in March nine people died")
      if (prev && MONTHS.has(prev.l) && prev.l !== 'may' && n.words && n.value <= 31 && /^\p{Lu}/u.test(prev.t)) {
        const nx = toks[n.end];
        if (nx && nx.k === 'word' && !PERSON_PLURAL.has(nx.l) && !PERSON_SINGULAR.has(nx.l) && !keywordAt(toks, n.end) && !COUNT_AFTER_DAY_WORDS.test(nx.l) && asideBefore('count.aside.date', i)) continue;
      }
      if (toks[n.end] && MONTHS.has(toks[n.end]!.l) && toks[n.end]!.l !== 'may' && !n.words && asideBefore('count.aside.date', i)) continue;
      // a year is not a count unless people follow it directly
      if (yearOf(tk) !== undefined && (DATE_PREPS.has(prev?.l ?? '') || !(toks[n.end] && (PERSON_PLURAL.has(toks[n.end]!.l) || keywordAt(toks, n.end)))) && asideBefore('count.aside.year', i)) continue;
      // "five crew aboard the coast guard Dash 8 died", "Flight 370", "Apollo 13": bare digits right after a
      // capitalised name inside a body sentence are that name's designation, not a count
      if (sen.idx !== -1 && designation(toks, i) && asideBefore('count.aside.designation', i)) continue;
      const { q, start: qStart } = qualifierBefore(toks, i);
      let qualifier: Qualifier = q ?? 'exact';
      if (n.vague || n.range) qualifier = 'at_least';
      if (toks[n.end]?.t === '+' ) qualifier = 'at_least';
      const vagueUpper = n.vague?.upper;
      // increments and sub-counts written before the number
      const b1 = toks[qStart - 1]?.l;
      const b2 = toks[qStart - 2]?.l;
      let increment = b1 === 'another' || b1 === 'further' || b1 === 'additional' || (b1 === 'more' && b2 === 'another');
      if (b1 === 'by' && INCREMENT_VERBS.test(b2 ?? '')) increment = true;
      const subcountLeft = b1 === 'including' || (b1 === 'them' && b2 === 'among') || b1 === 'includes' || (b1 === 'which' && b2 === 'of');
      const supersededLeft = b1 === 'from' && (b2 === 'up' || b2 === 'down' || toks[n.end]?.l === 'to' || toks[qStart - 3]?.l === 'cut');
      const start = i;
      next = n.end;
      // "half a million" is 500,000
      const value = prev?.l === 'half' && (tk.l === 'a' || tk.l === 'an') ? Math.round(n.value / 2) : n.value;
      // "one of the injured died in hospital", "together with 17 deaths in Madagascar": a part, never the total
      const partitive = addedPart(toks, qStart) || (toks[n.end]?.l === 'of' && toks[n.end + 1]?.l === 'the' && !!keywordAt(toks, n.end + 2));
      const base = { value, qualifier, ...(vagueUpper ? { vagueUpper } : {}), pos: start, ...(partitive ? { partitive } : {}) };

      const afterAside = asideOf('count.keyword-after');
      let r = readSubject(toks, n.end, afterAside, KEYWORD_AFTER);
      // (the verb before the number, read once and only when asked for: `false` once read and absent)
      let verb: VerbBefore | false | undefined;
      if (r?.adjectival && (verb ??= verbBefore(toks, i, n) ?? false)) r = undefined;
      // "the storm killed nine people and 30 others were injured": an object is not the first half of the next subject
      if (r?.coordValue !== undefined && (verb ??= verbBefore(toks, i, n) ?? false)) r = undefined;
      // "the attacks on three churches and three hotels also wounded about 500 people": a count of things
      // before an active verb whose own object is counted is not the toll; the object is
      if (r && !r.person && toks[r.end + qualifierLen(toks, r.end)]?.k === 'num' && afterAside('count.aside.thing-subject', i)) r = undefined;
      // ("three people were killed and one was injured", "two were killed, one was wounded": after "and" or a comma
      // beside another count, "one" is one more person)
      const oneMore = (prev?.l === 'and' || prev?.t === ',') && senCats.size > 0;
      if (r && !(n.value === 1 && !r.person && n.words && tk.l === 'one' && r.cat !== 'killed' && !oneMore && afterAside('count.aside.bare-one', i))) {
        // "31 people were killed and 12 more were injured": "more" after another category is no increment
        const otherCatOnly = (r.increment || increment) && senCats.size > 0 && !senCats.has(r.cat);
        push({
          ...base,
          value: value + (r.coordValue ?? 0),
          category: r.cat,
          increment: (increment || r.increment) && !otherCatOnly,
          subcount: subcountLeft || r.subcount,
          speculative: r.speculative,
          combined: r.combined,
          update: false,
          superseded: supersededLeft,
          rule: 'count.keyword-after',
          ...(OTHERS_WORDS.has(toks[n.end]?.l ?? '') ? { others: true } : {}),
        });
        continue;
      }
      const lv = (verb ??= verbBefore(toks, i, n) ?? false) || undefined;
      if (lv) {
        const aside = asideOf('count.verb-before');
        // the count's own noun phrase must not be a thing ("killed 3 cattle")
        const nx = toks[n.end];
        if (nx && BLOCK_NOUNS.has(nx.l) && aside('count.aside.thing-object', n.end)) continue;
        if (nx && nx.t === '-' && nx.glued && aside('count.aside.compound-modifier', n.end)) continue;
        let person = false;
        for (let k = n.end; k < n.end + 4 && k < toks.length; k++) if (PERSON_PLURAL.has(toks[k]!.l) || PERSON_SINGULAR.has(toks[k]!.l)) person = true;
        if (lv.needsPerson && !person && aside('count.aside.no-person', n.end)) continue;
        // "killed one of its sacred cows": "one of" needs people after it
        if (tk.l === 'one' && toks[n.end]?.l === 'of' && !person && aside('count.aside.no-person', n.end)) continue;
        if (lv.needsHomes && !leftHome(toks, n.end) && aside('count.aside.missing-complement', n.end)) continue;
        // ("rescuers found 23 survivors and seven bodies": the bodies are the second object, count.bodies-object's)
        if (lv.needsBodies && !(nx && (nx.l === 'bodies' || nx.l === 'corpses')) && aside('count.aside.missing-complement', n.end)) continue;
        if (lv.needsCustody && !(toks.slice(n.end, n.end + 6).some((t, k, a) => t.l === 'into' && a[k + 1]?.l === 'custody')) && aside('count.aside.missing-complement', n.end)) continue;
        if (lv.needsRefuge) {
          let refuge = false;
          for (let k = n.end; k < n.end + 6 && k < toks.length; k++) {
            if (toks[k]!.l === 'to' && REFUGE_WORDS.test(toks[k + 1]?.l ?? '')) refuge = true;
            if (toks[k]!.k === 'punct') break;
          }
          if (!refuge && aside('count.aside.missing-complement', n.end)) continue;
        }
        if (backgroundEvent(toks, lv.verbIdx, titleWords) && aside('count.aside.background-event', lv.verbIdx)) continue;
        if (otherEventSubject(toks, lv.verbIdx, leadFamilies) && aside('count.aside.other-event-subject', lv.verbIdx)) continue;
        // "armed gangs that killed about 40 villagers last month": a relative clause dated to an earlier period
        if (RELATIVE.has(toks[lv.verbIdx - 1]?.l ?? '') && earlierPeriod(toks, lv.verbIdx) && aside('count.aside.earlier-period', lv.verbIdx)) continue;
        if (lv.cat === 'killed' || lv.cat === 'injured') {
          let perp = false;
          for (let k = n.end; k < n.end + 3 && k < toks.length; k++) if (PERPETRATORS.has(toks[k]!.l)) perp = true;
          if (perp && aside('count.aside.perpetrator', n.end)) continue;
        }
        // "killed 19 children and two teachers": a second counted group of people in the same object adds up
        let extra = 0;
        if (person && lv.cat !== 'displaced' && !n.vague && !n.range) {
          // a list of groups: "kidnapped 27 boys, three staff and 12 relatives" (a comma list must end in "and")
          let from = n.end;
          let sum = 0;
          for (let g = 0; g < 6; g++) {
            const c2 = coordinatedObject(toks, from);
            if (!c2 || c2.n.vague || c2.n.range || !personGroup(toks, c2.n.end)) break;
            sum += c2.n.value;
            from = c2.n.end;
            if (c2.and) {
              extra = sum;
              next = from;
              break;
            }
          }
        }
        // "seizing about 15 of them as hostages" is read by count-subject (rules/count-grammar.ts); "seized 20 people" here
        push({ ...base, value: value + extra, category: lv.cat, increment, subcount: subcountLeft, speculative: false, combined: lv.combined && aside('count.aside.combined', lv.verbIdx), update: false, superseded: supersededLeft, rule: 'count.verb-before' });
        continue;
      }
      // the rows tried last at a number (count.toll-phrase: "the death toll rose to 212")
      const tl = countPatternAt(toks, i, senCats.size > 0, n, patternAside, 'count.verb-before')?.hit;
      if (tl) {
        const aside = asideOf(tl.rule);
        const marks = new Set(tl.marks);
        push({
          ...base,
          qualifier: q ? qualifier : marks.has('approx') ? 'approx' : marks.has('floor') ? 'at_least' : qualifier,
          category: tl.category,
          increment: increment || marks.has('increment'),
          subcount: subcountLeft,
          speculative: marks.has('speculative') && aside('toll.aside.speculative', qStart),
          combined: false,
          update: marks.has('update'),
          superseded: (marks.has('superseded') && aside('toll.aside.superseded', qStart)) || supersededLeft,
          rule: tl.rule,
        });
      }
    }
    const victims = runVictimRules(toks, {
      title: sen.idx === -1,
      background,
      leadWords: sen.idx === 0 && titleOnly.size > 0 ? titleOnly : leadWords,
      leadSpeaksOfDeath: sen.idx === 0 && titleOnly.size > 0 ? titleSpeaksOfDeath : leadSpeaksOfDeath,
      earlierYear: currentYear !== undefined && toks.some((t) => {
        const y = yearOf(t);
        return y !== undefined && y < currentYear && y >= currentYear - 60;
      }),
      earlierPeriod: datedEarlier,
      leadOnlyHurt: leadOnlyHurt && sen.idx >= 2,
      antecedent: antecedents.lookup,
    });
    for (const h of victims.hits) {
      push({
        value: h.value, qualifier: h.qualifier, ...(h.vagueUpper ? { vagueUpper: h.vagueUpper } : {}), pos: h.pos, category: h.category,
        increment: h.increment, subcount: h.state && h.part, speculative: false, combined: false, update: false, rule: h.rule, single: h.single, mayIncludeDead: h.mayIncludeDead,
        ...(h.state ? { state: true } : {}),
        ...(h.others ? { others: true } : {}),
      });
      // the count rows over a victim row's reading (count.ordinal-victim: "a fifth victim was found wounded")
      for (const r of readingPatternsOver('victim', toks, [h])) pushReading(r);
    }
    for (const v of victims.vetoes) vetoes?.push({ ...v, sentence: sen.idx });
    // the count rows over the sentence's readings (count.scene-and-later: "two died at the scene and one in hospital")
    if (out.length > outBefore) for (const r of readingPatternsOver('sentence', toks, out.slice(outBefore))) pushReading(r);
    if (out.length > outBefore || sen.idx <= 0) scopes.set(sen.idx, placeScope(toks));
    if (out.length > outBefore) antecedents.record(toks, out.slice(outBefore));
  }
  markRegions(out, scopes, sentences);
  return out;

  function singular(toks: Token[], i: number, push: (c: Omit<Candidate, 'quote' | 'attribution' | 'official' | 'unofficial' | 'sentence' | 'para' | 'title' | 'superseded' | 'context'>) => void, asideOf: (rule: CountRule['id']) => SetAside, patternAside: (rule: CountRule['id'], id: SetAsideId, pos: number) => boolean): void {
    // Subject: "A black policeman was killed", "an unnamed army captain has been arrested"
    const subjectAside = asideOf('single.subject-keyword');
    const r = readSubject(toks, i + 1, subjectAside, SUBJECT_KEYWORD);
    if (r && !(actsOnOthers(toks, i + 1, r.end) && subjectAside('single.aside.acts-on-others', i))) {
      // "A second person has died", "a third man was arrested": the ordinal counts the whole so far
      const ord = ORDINALS[toks[i + 1]?.l ?? ''];
      // (a second person hurt is one more hurt: everyone hurt so far is count.ordinal-victim's reading)
      const value = ord !== undefined && r.cat !== 'injured' && PERSON_SINGULAR.has(toks[i + 2]?.l ?? '') && r.end <= i + 6 ? ord : 1;
      // "was fatally injured" tells a death (killed.passive), not one more hurt
      if (r.cat === 'injured' && toks.slice(i + 1, r.end + 1).some((t) => t.l === 'fatally') && subjectAside('single.aside.fatally-hurt', i)) return;
      push({ value, qualifier: 'exact', pos: i, category: r.cat, increment: false, subcount: false, speculative: r.speculative, combined: r.combined, update: false, rule: 'single.subject-keyword', single: true });
      return;
    }
    // Object: "killing a soldier and a policeman" → 2; "a strike that killed a commander" is background (the row
    // single.object-list, run by the engine)
    const h = countPatternAt(toks, i, false, undefined, patternAside)?.hit;
    if (h) push({ value: h.value, qualifier: h.qualifier, pos: i, category: h.category, increment: false, subcount: false, speculative: false, combined: false, update: false, rule: h.rule, single: h.single });
  }
}

export type { NumberExpr };
