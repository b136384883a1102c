// The small engine that runs the victim-rule table over one sentence's tokens: rows are looked up by the first
// word of their anchor, the victims' noun phrase is read on the rule's side, named guards may veto, and every hit
// carries the id of the rule that made it (and every veto the id of its guard). The threat table runs the same way.
import type { Category, Qualifier } from '../../schema';
import { parseNumberAt, startsAsciiLower, type NumberExpr, type Token } from '../numbers';
import { LINKING_CONJUNCTIONS, PASSIVE_AUX, PERFECT_AUX, PREDICATE_ADVERBS } from '../lexicon/victims';
import { GUARDS, type GuardContext, type GuardId } from './guards';
import { COUNT_RULES, type CountRule, type MarkTest, type PatternAlternative, type PatternMark, type PatternToken, type ReadingMark, type ReadingPattern, type ReadingTest, type SetAsideId, type TokenPattern, type TokenTest } from './count-rules';
import { PATTERN_LISTS } from '../lexicon/pattern-lists';
import { EVENT_MULTIPLIERS, MULTIPLE_EVENT_NOUNS } from '../lexicon/victims';
import { LEFT_VERBS, RIGHT_KEYWORDS } from '../lexicon/index';
import { STOP_NP } from '../lexicon/counts';
import { VICTIM_RULES, type VictimRule } from './victim-rules';
import { isOnePerson, objectAfter, subjectBefore, type VictimNP } from './victim-np';
import { MONTHS } from '../lexicon/index';
import { COPULAS, FATAL_WORDS, HURT_STATES, HURT_WORDS, INDEFINITE_DETERMINERS, MANNER_OF_DEATH, MODALS } from '../lexicon/outcomes';
import { NUMBER_OF_LINKS, QUOTE_MARKS } from '../lexicon/threat-links';
import { COORDINATED_FORCES, THREAT_NP_STOP } from '../lexicon/threats';
import { matchAt, QUAL_PHRASES, qualifierBefore } from '../qualifiers';
import { keywordAt } from './context';
import { yearOf } from '../numbers';
import { THREAT_GUARDS, type ThreatGuardContext, type ThreatGuardId } from './threat-guards';
import { THREAT_RULES, type ThreatRule } from './threat-rules';
import type { Antecedent } from './antecedents';

export interface RuleHit {
  rule: string;
  category: Category;
  value: number;
  qualifier: Qualifier;
  vagueUpper?: number;
  /** token where the figure's phrase starts */
  pos: number;
  /** one person named or described ("a 15-year-old", "Matin"): weaker than any stated count */
  single: boolean;
  /** the count may take in people who then died (the Gun Violence Archive's "N people were shot") */
  mayIncludeDead: boolean;
  /** "six more were found dead": an increment, never a total */
  increment: boolean;
  /** introduced with "a"/"an": someone not yet mentioned */
  indefinite: boolean;
  /** the row counts a state some of the hurt are in (VictimRule.state) */
  state: boolean;
  /** "two of the victims": a part of a group counted elsewhere */
  part: boolean;
  /** "two others were shot": people apart from those already counted */
  others: boolean;
  /** "a woman was also wounded": someone besides the people the sentence named before */
  also?: boolean;
  /** "a fifth victim was taken to hospital": the place the newcomer takes among everyone hurt so far */
  ordinal?: number;
}

export interface RuleVeto {
  rule: string;
  /** an engine guard, or a count reader's named set-aside check (rules/count-rules.ts SET_ASIDES) */
  guard: GuardId | SetAsideId;
  pos: number;
}

export interface SentenceHooks {
  /** the sentence is a headline: "Teen shot" needs no auxiliary */
  title: boolean;
  /** the casualty verb at this index belongs to an earlier, other event */
  background: (verbIdx: number) => boolean;
  /** the headline's and first sentence's words, lower case */
  leadWords: ReadonlySet<string>;
  /** one of the lead's words speaks of a death (worked out once per article) */
  leadSpeaksOfDeath: boolean;
  /** the sentence names a year before the report's (worked out once per sentence: guards stay linear) */
  earlierYear: boolean;
  /** the sentence dates something to an earlier week, month or year than the lead does ("just last week") */
  earlierPeriod: boolean;
  /** a later sentence of a story whose headline and lead tell of people hurt and of no death */
  leadOnlyHurt: boolean;
  /** the count of a group an earlier sentence named with this plural head (rules/antecedents.ts) */
  antecedent?: (head: string) => Antecedent | undefined;
}

/** Each rule's follow words as a set, built once with the index rather than at every match. */
const FOLLOW_WORDS: Map<VictimRule, ReadonlySet<string>> = new Map(VICTIM_RULES.flatMap((r) => (r.follow ? [[r, new Set(r.follow.words)] as const] : [])));

const anchorsOf = (r: VictimRule): string[][] => r.anchors.map((a) => a.split(' '));

/** First word of every anchor → the rules (and anchor) that start with it, longest anchors first. */
const INDEX: Map<string, Array<{ rule: VictimRule; anchor: string[] }>> = (() => {
  const m = new Map<string, Array<{ rule: VictimRule; anchor: string[] }>>();
  for (const rule of VICTIM_RULES) {
    for (const anchor of anchorsOf(rule)) {
      const list = m.get(anchor[0]!) ?? [];
      list.push({ rule, anchor });
      m.set(anchor[0]!, list);
    }
  }
  for (const list of m.values()) list.sort((a, b) => b.anchor.length - a.anchor.length);
  return m;
})();

function anchorAt(toks: Token[], i: number, anchor: string[]): boolean {
  for (let k = 0; k < anchor.length; k++) if (toks[i + k]?.l !== anchor[k]) return false;
  return true;
}

/** Where the subject ends, left of a predicate at `at`: skips adverbs and the auxiliary the rule's voice needs. */
function subjectEnd(toks: Token[], at: number, rule: VictimRule, title: boolean): number | undefined {
  let k = at - 1;
  while (k >= 0 && PREDICATE_ADVERBS.has(toks[k]!.l)) k--;
  // "was abducted and killed", "were tortured and shot": a first participle shares the auxiliary ("were killed and
  // injured" is one count for two outcomes, set aside as combined)
  const first = toks[k - 1]?.l ?? '';
  if (toks[k]?.l === 'and' && /ed$/.test(first) && !HURT_WORDS.test(first) && !FATAL_WORDS.test(first) && PASSIVE_AUX.has(toks[k - 2]?.l ?? '')) k -= 2;
  const auxTo = k;
  let sawPassive = false;
  while (k >= 0 && (PASSIVE_AUX.has(toks[k]!.l) || COPULAS.has(toks[k]!.l) || PERFECT_AUX.has(toks[k]!.l) || PREDICATE_ADVERBS.has(toks[k]!.l) || toks[k]!.l === 'not' || toks[k]!.l === "n't" || MODALS.test(toks[k]!.l))) {
    if (PASSIVE_AUX.has(toks[k]!.l) || COPULAS.has(toks[k]!.l)) sawPassive = true;
    k--;
  }
  // "a man was killed and another injured": after "and", "another" shares the first clause's auxiliary
  if (!sawPassive && toks[k]?.l === 'another' && toks[k - 1]?.l === 'and' && k === auxTo && toks.slice(0, k - 1).some((t) => PASSIVE_AUX.has(t.l))) sawPassive = true;
  if (rule.voice === 'passive' && !sawPassive && !title) return undefined;
  if (rule.voice === 'passive' && !sawPassive && title && k !== auxTo) return undefined;
  return k + 1;
}

/** The tokens after an object phrase must contain one of `words` within `within` tokens ("to the hospital"). */
function followedBy(toks: Token[], from: number, words: ReadonlySet<string>, within: number): number | undefined {
  for (let k = from; k < toks.length && k < from + within; k++) {
    if (words.has(toks[k]!.l)) return k;
    if (toks[k]!.t === '.' || toks[k]!.t === ';') return undefined;
  }
  return undefined;
}

function hitOf(rule: VictimRule, np: VictimNP, pos: number): RuleHit {
  const single = isOnePerson(np);
  return {
    rule: rule.id,
    category: rule.category,
    // "a second person has died" makes the toll two; "a fourth person was taken to hospital" beside three dead is one
    value: np.ordinal && rule.category !== 'killed' ? 1 : np.value,
    ...(np.ordinal && single ? { ordinal: np.value } : {}),
    qualifier: np.qualifier,
    ...(np.vague ? { vagueUpper: np.vague.upper } : {}),
    pos,
    single,
    // ("the second victim was taken to hospital": an ordinal names someone other than the first, who may have died)
    mayIncludeDead: !np.others && !np.ordinal && (rule.mayIncludeDead === 'any' || (rule.mayIncludeDead === 'single' && single)),
    increment: !!np.increment,
    indefinite: single && np.kind === 'single' && INDEFINITE_DETERMINERS.test(np.determiner ?? ''),
    state: !!rule.state,
    part: np.kind === 'partitive',
    others: !!np.others,
  };
}

/** Run every row whose anchor occurs in the sentence. */
export function runVictimRules(toks: Token[], hooks: SentenceHooks): { hits: RuleHit[]; vetoes: RuleVeto[] } {
  const hits: RuleHit[] = [];
  const vetoes: RuleVeto[] = [];
  for (let i = 0; i < toks.length; i++) {
    const rows = INDEX.get(toks[i]!.l);
    if (!rows) continue;
    let matchedLen = 0;
    for (const { rule, anchor } of rows) {
      if (matchedLen > anchor.length) break;
      if (!anchorAt(toks, i, anchor)) continue;
      matchedLen = anchor.length;
      const anchorEnd = i + anchor.length;
      const found = readSide(toks, i, anchorEnd, rule, hooks);
      if (!found) continue;
      const ctx: GuardContext = { toks, anchorStart: i, anchorEnd, np: found.np, hooks, subjectSide: rule.side === 'subject' };
      const veto = rule.guards.find((g) => GUARDS[g](ctx));
      if (veto) {
        vetoes.push({ rule: rule.id, guard: veto, pos: i });
        continue;
      }
      hits.push(...found.hits);
      i = Math.max(i, found.resume - 1);
      break;
    }
  }
  return { hits: [...hits, ...separateVictims(hits, toks)], vetoes };
}

/**
 * "a 20-year-old woman was shot in the back and a 5-year-old boy was shot in the arm": people introduced one by
 * one with "a"/"an" in one sentence are different people, and add up. ("the man", "he", a name may be someone
 * already counted, so only indefinite phrases add, unless a newcomer is told as "also" hurt after them: "Ana Ruiz
 * was shot in the wrist, and a 40-year-old woman was also wounded".)
 */
/** Is the phrase at `pos` inside a clause that tells of the one at `before` ("… is dead after a man died …")? */
function toldThroughOther(toks: Token[], before: number, pos: number): boolean {
  for (let k = pos - 1; k > before; k--) {
    const w = toks[k]!.l;
    if (w === 'and' || w === ';') return false;
    if (LINKING_CONJUNCTIONS.has(w)) return true;
  }
  return false;
}

function separateVictims(hits: RuleHit[], toks: Token[]): RuleHit[] {
  const out: RuleHit[] = [];
  const byCategory = new Map<Category, RuleHit[]>();
  const alsoAt = new Map<Category, number>();
  for (const h of hits) if (h.single && h.indefinite && h.also) alsoAt.set(h.category, Math.max(alsoAt.get(h.category) ?? -1, h.pos));
  for (const h of hits) {
    if (!h.single || !(h.indefinite || h.pos < (alsoAt.get(h.category) ?? -1))) continue;
    const list = byCategory.get(h.category);
    if (list) list.push(h);
    else byCategory.set(h.category, [h]);
  }
  for (const [category, list] of byCategory) {
    // ("a man is dead … after a man died from a gunshot wound": one told through the other may be the same person)
    const people = new Set<number>();
    let last: number | undefined;
    for (const pos of [...new Set(list.map((h) => h.pos))].sort((a, b) => a - b)) {
      if (last === undefined || !toldThroughOther(toks, last, pos)) people.add(pos);
      last = pos;
    }
    if (people.size < 2) continue;
    out.push({ ...list[0]!, category, value: people.size, single: false, rule: 'listed.one-by-one', mayIncludeDead: list.every((h) => h.mayIncludeDead) });
  }
  return out;
}

function readSide(toks: Token[], i: number, anchorEnd: number, rule: VictimRule, hooks: SentenceHooks): { np: VictimNP; hits: RuleHit[]; resume: number } | undefined {
  switch (rule.side) {
    case 'subject': {
      if (rule.follow && followedBy(toks, anchorEnd, FOLLOW_WORDS.get(rule)!, rule.follow.within) === undefined) return undefined;
      const end = subjectEnd(toks, i, rule, hooks.title);
      if (end === undefined) return undefined;
      const np = subjectBefore(toks, end, { allowPronoun: true, title: hooks.title, antecedent: hooks.antecedent });
      if (!np) return undefined;
      // "Uddin was killed along with his deputy and five other people": the companions add up
      if ((toks[anchorEnd]?.l === 'along' || toks[anchorEnd]?.l === 'together') && toks[anchorEnd + 1]?.l === 'with') {
        const more = objectAfter(toks, anchorEnd + 2);
        if (more) {
          const all: VictimNP = { ...np, value: np.value + more.value, kind: 'list' };
          return { np: all, hits: [hitOf(rule, all, np.start)], resume: more.end + 1 };
        }
      }
      const also = toks.slice(np.end + 1, i).some((t) => t.l === 'also');
      return { np, hits: [{ ...hitOf(rule, np, np.start), ...(also ? { also } : {}) }], resume: anchorEnd };
    }
    case 'object': {
      const np = objectAfter(toks, anchorEnd, hooks.title);
      if (!np) return undefined;
      if (rule.follow && followedBy(toks, np.end + 1, FOLLOW_WORDS.get(rule)!, rule.follow.within) === undefined) return undefined;
      return { np, hits: [hitOf(rule, np, np.start)], resume: np.end + 1 };
    }
    case 'left-state': {
      // "left a 3-year-old girl dead and two adults wounded": each phrase takes its own state word
      const hits: RuleHit[] = [];
      let k = anchorEnd;
      let first: VictimNP | undefined;
      for (let g = 0; g < 3; g++) {
        const np = objectAfter(toks, k);
        if (!np) break;
        const state = toks[np.end + 1]?.l ?? '';
        // ("found Ray shot to death in a ditch", "found two men fatally stabbed": a manner of death stands for "dead")
        const deathLen = MANNER_OF_DEATH.has(state) && toks[np.end + 2]?.l === 'to' && toks[np.end + 3]?.l === 'death' ? 3
          : state === 'fatally' && MANNER_OF_DEATH.has(toks[np.end + 2]?.l ?? '') ? 2 : state === 'dead' ? 1 : 0;
        const cat: Category | undefined = deathLen > 0 ? 'killed' : HURT_STATES.test(state) ? 'injured' : undefined;
        if (!cat) break;
        first ??= np;
        hits.push({ ...hitOf(rule, np, np.start), category: cat, mayIncludeDead: false });
        const after = np.end + 1 + Math.max(1, deathLen);
        if (toks[after]?.l !== 'and') break;
        k = after + 1;
      }
      if (!first) return undefined;
      return { np: first, hits, resume: k };
    }
    case 'n-fatally': {
      // "four teens were shot, one fatally": the number before "fatally" (or "one of them fatally") died
      let k = i - 1;
      if (toks[k]?.l === 'them' || toks[k]?.l === 'whom') k -= 2;
      const tk = toks[k];
      if (!tk) return undefined;
      let start = k;
      while (start > 0 && parseNumberAt(toks, start - 1)?.end === k + 1) start--;
      const n = parseNumberAt(toks, start);
      if (!n || n.end !== k + 1 || !/^[,—–(-]$/.test(toks[start - 1]?.t ?? '')) return undefined;
      const np: VictimNP = { value: n.value, qualifier: 'exact', start, end: i, kind: 'count', perpetrator: false, others: false };
      return { np, hits: [hitOf(rule, np, start)], resume: anchorEnd };
    }
  }
}

// ── threat rules ──────────────────────────────────────────────────────────────────────────────────────────
// The same idea over the threat table: a count, then the noun phrase after it, looked up by the head that ends it.

export interface ThreatHooks {
  text: string;
  /** the sentence speaks of striking something: its counted places are targets */
  strike: boolean;
  /** the sentence speaks of rescue or relief */
  rescue: boolean;
  /** the article speaks of fuel or storage tanks */
  containers: boolean;
  /** asides dated by an older year ("…, which Russia seized in 2014"): counts inside them are background */
  asides: ReadonlyArray<readonly [number, number]>;
}

export interface ThreatHit {
  rule: string;
  value: number;
  qualifier: Qualifier;
  /** "dozens of", "thousands of": a vague count */
  vague: boolean;
  noun: string;
  /** the head, singular ("missile"): one figure per head is kept */
  head: string;
  pos: number;
}

export interface ThreatVeto {
  rule: string;
  guard: ThreatGuardId;
  pos: number;
}

/** Head word → the count-before row it anchors; the number-of row's heads apart. */
const THREAT_HEAD_INDEX: Map<string, ThreatRule> = new Map(THREAT_RULES.filter((r) => r.side === 'count-before').flatMap((r) => r.anchors.map((a) => [a, r] as const)));
const NUMBER_OF_RULE = THREAT_RULES.find((r) => r.side === 'number-of');
const NUMBER_OF_HEADS: ReadonlySet<string> = new Set(NUMBER_OF_RULE?.anchors ?? []);

function singularHead(w: string): string {
  return w.endsWith('ies') ? w.slice(0, -3) + 'y' : w.endsWith('s') ? w.slice(0, -1) : w;
}

interface ThreatNP {
  noun: string;
  head: string;
  end: number;
  rule: ThreatRule;
}

/** The noun phrase after a count when it ends in a head some row accepts ("dozens of rockets", "7 retaliation plans"). */
function threatPhrase(toks: Token[], j: number, text: string, vague: boolean, accept: (word: string) => ThreatRule | undefined): ThreatNP | undefined {
  let start = -1;
  let lastHead = -1;
  let rule: ThreatRule | undefined;
  let k = j;
  if (vague && toks[k]?.l === 'of' && toks[k + 1] && !THREAT_NP_STOP.has(toks[k + 1]!.l)) k++;
  for (let steps = 0; steps < 6 && k < toks.length; steps++, k++) {
    const tk = toks[k]!;
    if (tk.k === 'punct') {
      if (QUOTE_MARKS.has(tk.t)) continue;
      if (tk.t === '-' && tk.glued) return undefined; // "100-kg bomb"
      break;
    }
    if (tk.k === 'num') break;
    if (THREAT_NP_STOP.has(tk.l)) {
      // "soldiers and police": keep a coordinated second noun
      if (tk.l === 'and' && lastHead === k - 1 && toks[k + 1] && COORDINATED_FORCES.has(toks[k + 1]!.l)) {
        lastHead = k + 1;
        k++;
        continue;
      }
      break;
    }
    if (start < 0) start = k;
    const row = accept(tk.l);
    if (row) {
      lastHead = k;
      rule = row;
    } else if (lastHead >= 0 && lastHead === k - 1) break; // the head ended the phrase
  }
  if (start < 0 || lastHead < 0 || !rule) return undefined;
  const headTok = toks[lastHead]!;
  const noun = text.slice(toks[start]!.s, headTok.e).replace(/^[‘’“”"']+|[‘’“”"']+$/g, '').replace(/[‘’“”"]/g, '').trim();
  return { noun, head: singularHead(headTok.l), end: lastHead + 1, rule };
}

/** "the number of soldiers and police … will be raised to 10,500": the counted phrase stands before the count. */
function numberOfPhrase(toks: Token[], i: number, text: string): ThreatNP | undefined {
  if (!NUMBER_OF_RULE || !NUMBER_OF_LINKS.has(toks[i - 1]?.l ?? '')) return undefined;
  for (let j = i - 2; j >= 0 && j >= i - 14; j--) {
    if (toks[j]!.l === 'number' && toks[j + 1]?.l === 'of') return threatPhrase(toks, j + 2, text, false, (w) => (NUMBER_OF_HEADS.has(w) ? NUMBER_OF_RULE : undefined));
    if (toks[j]!.k === 'num' || toks[j]!.t === '.') return undefined;
  }
  return undefined;
}

/** Run the threat rows over one sentence's tokens: every count whose phrase a row anchors, unless a guard vetoes it. */
export function runThreatRules(toks: Token[], hooks: ThreatHooks): { hits: ThreatHit[]; vetoes: ThreatVeto[] } {
  const hits: ThreatHit[] = [];
  const vetoes: ThreatVeto[] = [];
  const acceptCount = (w: string): ThreatRule | undefined => {
    const row = THREAT_HEAD_INDEX.get(w);
    return row && (row.when !== 'strike-sentence' || hooks.strike) ? row : undefined;
  };
  for (let i = 0; i < toks.length; i++) {
    const tk = toks[i]!;
    if (tk.k !== 'num' && !(tk.k === 'word' && startsAsciiLower(tk.l))) continue;
    // "a" is a number only in "a dozen" ("more than a dozen ballistic missiles")
    if ((tk.l === 'a' || tk.l === 'an') && toks[i + 1]?.l !== 'dozen') continue;
    if (toks[i - 1] && MONTHS.has(toks[i - 1]!.l)) continue;
    const n = parseNumberAt(toks, i);
    if (!n) continue;
    if (yearOf(tk) !== undefined) continue;
    if (hooks.asides.some(([a, b]) => i > a && i < b)) continue;
    const direct = threatPhrase(toks, n.end, hooks.text, !!n.vague, acceptCount);
    const np = direct ?? numberOfPhrase(toks, i, hooks.text);
    if (!np) {
      i = n.end - 1;
      continue;
    }
    const end = direct ? direct.end : n.end;
    const ctx: ThreatGuardContext = { toks, start: i, end, head: np.head, noun: np.noun, rescue: hooks.rescue, containers: hooks.containers };
    const veto = np.rule.guards.find((g) => THREAT_GUARDS[g](ctx));
    if (veto) {
      vetoes.push({ rule: np.rule.id, guard: veto, pos: i });
      continue;
    }
    // the qualifier as a toll keeps it: "more than a dozen" is 12 at least, "dozens of" 24 at least, "up to 40" at most
    let qualifier: Qualifier = qualifierBefore(toks, i).q ?? 'exact';
    if (n.vague || n.range || toks[n.end]?.t === '+') qualifier = 'at_least';
    hits.push({ rule: np.rule.id, value: n.value, qualifier, vague: !!n.vague, noun: np.noun, head: np.head, pos: i });
    i = end - 1;
  }
  return { hits, vetoes };
}

// ── count rules as token patterns ──────────────────────────────────────────────────────────────────────────────

/** A figure a count rule's token pattern read. */
export interface CountPatternHit {
  rule: CountRule['id'];
  category: Category;
  value: number;
  qualifier: Qualifier;
  mayIncludeDead: boolean;
  single: boolean;
  implied: boolean;
  /** the row's anchor was the number expression that ends here: the sentence scan reads it once */
  numberEnd?: number;
  /** the marks the match gave the figure (TokenPattern.marks, `marked` tokens) */
  marks?: readonly PatternMark[];
  /** where the figure's verb stands (TokenPattern.verb) */
  verbAt?: number;
}

/** The words a casualty keyword ends on (a `keyword` read leftward is looked for only where one may end). */
const KEYWORD_LAST: ReadonlySet<string> = new Set(RIGHT_KEYWORDS.map(([phrase]) => phrase[phrase.length - 1]!));

/** The words a pattern token's last word can be (null: any, or none needed), so a leftward span tries the rest only
 *  where it may end: worked out once per token. */
const ENDINGS = new WeakMap<PatternToken, ReadonlySet<string> | null>();
function endingsOf(t: PatternToken): ReadonlySet<string> | null {
  const known = ENDINGS.get(t);
  if (known !== undefined) return known;
  let out: ReadonlySet<string> | null = null;
  if ('word' in t) out = new Set([t.word]);
  else if ('list' in t) out = PATTERN_LISTS[t.list];
  else if ('marked' in t) out = PATTERN_LISTS[t.marked.list];
  else if ('leftVerb' in t) out = new Set(Object.keys(LEFT_VERBS));
  else if ('keyword' in t) out = KEYWORD_LAST;
  else if ('oneOf' in t) {
    const all = new Set<string>();
    for (const alt of t.oneOf) {
      const last = alt.tokens[alt.tokens.length - 1];
      const e = last ? endingsOf(last) : null;
      if (!e) {
        all.clear();
        out = null;
        break;
      }
      for (const w of e) all.add(w);
      out = all;
    }
  }
  ENDINGS.set(t, out);
  return out;
}

/** A quick test before a row is matched: step left from the anchor over its `qualifier` and `optional` tokens (each read
 *  one way only), then the word there must be one the first other token can end on (`ends`). */
interface Gate { steps: readonly PatternToken[]; ends: ReadonlySet<string> }
type PatternRow = { row: CountRule; pattern: TokenPattern; gate?: Gate };

function gateOf(p: TokenPattern): Gate | undefined {
  if (p.hyphenated) return undefined;
  const steps: PatternToken[] = [];
  for (let k = p.anchor - 1; k >= 0; k--) {
    const t = p.tokens[k]!;
    if ('qualifier' in t || 'optional' in t) {
      steps.push(t);
      continue;
    }
    const ends = endingsOf(t);
    return ends ? { steps, ends } : undefined;
  }
  return undefined;
}

const ALL_PATTERN_ROWS: readonly PatternRow[] = COUNT_RULES.flatMap((row) => (row.patterns ?? []).map((pattern) => {
  const gate = gateOf(pattern);
  return { row, pattern, ...(gate ? { gate } : {}) };
}));
/** Rows tried wherever the scan stands; rows with `after` only once that rule read nothing (countPatternAt's `after`). */
const PATTERN_ROWS: readonly PatternRow[] = ALL_PATTERN_ROWS.filter((r) => !r.pattern.after);
const AFTER_ROWS = (after: NonNullable<TokenPattern['after']>): readonly PatternRow[] => ALL_PATTERN_ROWS.filter((r) => r.pattern.after === after);
const AFTER_KEYWORD = AFTER_ROWS('count.keyword-after');
const AFTER_VERB = AFTER_ROWS('count.verb-before');

/** Qualifier phrases by their first word, and the words one ends on (a `qualifier` token is tried only where one may
 *  start or end). */
const QUAL_BY_FIRST = new Map<string, Array<readonly string[]>>();
for (const [phrase] of QUAL_PHRASES) QUAL_BY_FIRST.set(phrase[0]!, [...(QUAL_BY_FIRST.get(phrase[0]!) ?? []), phrase]);
const QUAL_BY_LAST: ReadonlySet<string> = new Set(QUAL_PHRASES.map(([phrase]) => phrase[phrase.length - 1]!));
const NO_PHRASES: Array<readonly string[]> = [];

/** A word of a named list (or of one of the older named maps a token kind stands for). */
function inList(t: PatternToken, w: string): boolean {
  if ('word' in t) return w === t.word;
  if ('list' in t) return PATTERN_LISTS[t.list].has(w);
  return false;
}

/** The words a pattern token can be, for the first-word index (undefined: not indexed by a word). */
function anchorWords(t: PatternToken): readonly string[] | undefined {
  if ('word' in t) return [t.word];
  if ('list' in t) return [...PATTERN_LISTS[t.list]];
  if ('multiplier' in t) return [...EVENT_MULTIPLIERS.keys()];
  if ('leftVerb' in t) return Object.keys(LEFT_VERBS).filter((w) => !t.except?.includes(w));
  if ('repeat' in t) return anchorWords(t.repeat.tokens[0]!);
  return undefined;
}

function indexBy(rows: readonly PatternRow[]): Map<string, PatternRow[]> {
  const m = new Map<string, PatternRow[]>();
  for (const r of rows) for (const w of anchorWords(r.pattern.tokens[r.pattern.anchor]!) ?? []) m.set(w, [...(m.get(w) ?? []), r]);
  return m;
}

/** Anchor word → the pattern rows anchored on it; hyphenated rows also by the word before a token's hyphen. */
const PATTERN_INDEX = indexBy(PATTERN_ROWS.filter((r) => !r.pattern.hyphenated));
const HYPHEN_INDEX = indexBy(PATTERN_ROWS.filter((r) => r.pattern.hyphenated));
/** Rows anchored on a number expression, tried wherever one starts: by the fixed word that must follow the number,
 *  and those with no such word. */
const NUMBER_ROWS: readonly PatternRow[] = PATTERN_ROWS.filter((r) => 'number' in r.pattern.tokens[r.pattern.anchor]!);
const nextWordsOf = ({ pattern: p }: PatternRow): readonly string[] | undefined => {
  const t = p.tokens[p.anchor + 1];
  return t && ('word' in t || 'list' in t) ? anchorWords(t) : undefined;
};
const NUMBER_BY_NEXT: Map<string, PatternRow[]> = new Map();
for (const r of NUMBER_ROWS) for (const w of nextWordsOf(r) ?? []) NUMBER_BY_NEXT.set(w, [...(NUMBER_BY_NEXT.get(w) ?? []), r]);
const NUMBER_ANY_NEXT: readonly PatternRow[] = NUMBER_ROWS.filter((r) => nextWordsOf(r) === undefined);

/** What one pattern token read: a figure's value or category, or just a match. */
interface TokenReading {
  value?: number;
  category?: Category;
  mayIncludeDead?: boolean;
  qualifier?: Qualifier;
  /** where the figure's qualifier phrase (a `qualifier` token's span) starts */
  qualStart?: number;
  marks?: PatternMark[];
  /** where the pattern's verb token matched */
  verbAt?: number;
}

/** One pattern token against one word (the kinds that read exactly one word). */
function readWord(t: PatternToken, w: string): TokenReading | undefined {
  if ('word' in t || 'list' in t) return inList(t, w) ? {} : undefined;
  if ('marked' in t) {
    if (!PATTERN_LISTS[t.marked.list].has(w)) return undefined;
    const read: TokenReading = {};
    for (const m of t.marked.marks) if (passesWord(m.test, w)) mark(read, m.mark);
    return read;
  }
  if ('leftVerb' in t) {
    const category = LEFT_VERBS[w];
    if (!category || t.except?.includes(w)) return undefined;
    const read: TokenReading = { category };
    for (const m of t.marks ?? []) if (passesWord(m.test, w)) mark(read, m.mark);
    return read;
  }
  if ('multiplier' in t) return EVENT_MULTIPLIERS.has(w) ? { value: EVENT_MULTIPLIERS.get(w)! } : undefined;
  if ('eventNoun' in t) {
    const e = MULTIPLE_EVENT_NOUNS.get(w);
    return e ? { category: e.category, mayIncludeDead: e.mayIncludeDead } : undefined;
  }
  return undefined;
}

/** A word test against a word alone (`digits` never passes). */
function passesWord(test: TokenTest, w: string): boolean {
  return 'digits' in test ? false : inList(test, w);
}

function passes(test: TokenTest, tk: Token | undefined): boolean {
  if (!tk) return false;
  if ('digits' in test) return tk.k === 'num';
  return inList(test, tk.l);
}

function add(read: TokenReading, r: TokenReading): void {
  if (r.value !== undefined) read.value = r.value;
  if (r.category !== undefined) read.category = r.category;
  if (r.mayIncludeDead) read.mayIncludeDead = true;
  if (r.qualifier !== undefined) read.qualifier = r.qualifier;
  // (the qualifier nearest the anchor, read first, is the figure's)
  if (r.qualStart !== undefined) read.qualStart ??= r.qualStart;
  if (r.marks) for (const m of r.marks) mark(read, m);
  if (r.verbAt !== undefined) read.verbAt = r.verbAt;
}

function mark(read: TokenReading, m: PatternMark): void {
  if (!read.marks) read.marks = [m];
  else if (!read.marks.includes(m)) read.marks.push(m);
}

/** The marks a token passes the tests of. */
function markBy(read: TokenReading, tests: readonly MarkTest[], tk: Token | undefined): void {
  for (const t of tests) if (passes(t.test, tk)) mark(read, t.mark);
}

/** An alternative's lookbehind tests against the token before it. */
function alternativeFits(alt: PatternAlternative, before: Token | undefined): boolean {
  if (alt.notAfter?.some((t) => passes(t, before))) return false;
  return !alt.onlyAfter || alt.onlyAfter.some((t) => passes(t, before));
}

/** May a `modifiers` skip pass over the token at j ("a 59-year-old station master")? */
function modifierAt(toks: Token[], j: number): boolean {
  const t = toks[j]!;
  if (t.k === 'num') return toks[j + 1]?.t === '-' && /^year/.test(toks[j + 2]?.l ?? '');
  if (t.t === '-' && t.glued) return true;
  return t.k === 'word' && !STOP_NP.has(t.l);
}

/** May a `skip` pass over the token at j, by the word tests of its kind? */
function skippable(toks: Token[], j: number, skip: Extract<PatternToken, { skip: unknown }>['skip']): boolean {
  const w = toks[j];
  if (!w || skip.not?.includes(w.l)) return false;
  if (skip.modifiers && !modifierAt(toks, j)) return false;
  if (skip.notKeyword && keywordAt(toks, j)) return false;
  // ("the toll from a 6.4-magnitude quake", "rose from 40 to 52": digits that are no rival count)
  if (skip.digits && w.k === 'num' && !(toks[j + 1]?.t === '-' && toks[j + 1]!.glued) && !skip.digits.after.includes(toks[j - 1]?.l ?? '')) return false;
  return !skip.plain || (w.k === 'word' && !STOP_NP.has(w.l) && !keywordAt(toks, j) && !LEFT_VERBS[w.l]);
}

/**
 * Match pattern tokens `tokens[k…]` from token `j` on; gives the token index just past the match. `n` is the number
 * expression the scan already read at the anchor (so a `number` anchor is not parsed twice).
 */
function matchFrom(toks: Token[], tokens: readonly PatternToken[], k: number, j: number, read: TokenReading, anchorAt: number, n: NumberExpr | undefined): number | undefined {
  for (; k < tokens.length; k++) {
    const t = tokens[k]!;
    if ('phraseEnd' in t) {
      const at = toks[j];
      if (!(!at || at.k === 'punct' || STOP_NP.has(at.l))) return undefined;
      continue;
    }
    if ('number' in t) {
      const e = j === anchorAt && n ? n : parseNumberAt(toks, j);
      if (!e || e.value < (t.number.min ?? 0)) return undefined;
      read.value = e.value;
      j = e.end;
      continue;
    }
    if ('optional' in t) {
      if (toks[j] && inList(t.optional, toks[j]!.l)) j++;
      continue;
    }
    if ('skip' in t) {
      // as few words as let the rest match
      for (let m = 0; m <= t.skip.max; m++) {
        const sub: TokenReading = {};
        const end = matchFrom(toks, tokens, k + 1, j + m, sub, anchorAt, n);
        if (end !== undefined) {
          add(read, sub);
          return end;
        }
        if (!skippable(toks, j + m, t.skip)) return undefined;
      }
      return undefined;
    }
    if ('qualifier' in t) {
      // any qualifier phrase that lets the rest match, then none
      for (const phrase of QUAL_BY_FIRST.get(toks[j]?.l ?? '') ?? NO_PHRASES) {
        if (!matchAt(toks, j, phrase)) continue;
        const sub: TokenReading = {};
        const end = matchFrom(toks, tokens, k + 1, j + phrase.length, sub, anchorAt, n);
        if (end !== undefined) {
          add(read, sub);
          return end;
        }
      }
      continue;
    }
    if ('keyword' in t) {
      const kw = keywordAt(toks, j);
      if (!kw) return undefined;
      read.category = kw.cat;
      j = kw.end;
      continue;
    }
    if ('oneOf' in t) {
      for (const alt of t.oneOf) {
        if (!alternativeFits(alt, toks[j - 1])) continue;
        const sub: TokenReading = {};
        const mid = matchFrom(toks, alt.tokens, 0, j, sub, anchorAt, n);
        if (mid === undefined) continue;
        const end = matchFrom(toks, tokens, k + 1, mid, sub, anchorAt, n);
        if (end === undefined) continue;
        if (alt.category) sub.category ??= alt.category;
        add(read, sub);
        return end;
      }
      return undefined;
    }
    if ('repeat' in t) {
      let times = 0;
      for (let at = j; ; ) {
        const end = matchFrom(toks, t.repeat.tokens, 0, at, {}, anchorAt, n);
        if (end === undefined) break;
        times++;
        j = end;
        if (toks[end]?.l !== t.repeat.joiner) break;
        at = end + 1;
      }
      if (times === 0) return undefined;
      read.value = times;
      continue;
    }
    const w = toks[j]?.l;
    const r = w === undefined ? undefined : readWord(t, w);
    if (!r) return undefined;
    add(read, r);
    j++;
  }
  return j;
}

/**
 * Match pattern tokens `tokens[k]`, `tokens[k-1]`, … `tokens[0]` leftward, the last of them ending at token j; gives
 * the index of the first token of the match. The kinds that read a span try their spans as `matchFrom` does (a skip
 * as few words as let the rest match), read from their right end.
 */
function matchLeft(toks: Token[], tokens: readonly PatternToken[], k: number, j: number, read: TokenReading, verbK = -1): number | undefined {
  for (; k >= 0; k--) {
    const t = tokens[k]!;
    if (k === verbK) read.verbAt = j;
    // (the commonest kinds first: one fixed word, one word of a list)
    if ('word' in t) {
      if (toks[j]?.l !== t.word) return undefined;
      j--;
      continue;
    }
    if ('list' in t) {
      if (j < 0 || !PATTERN_LISTS[t.list].has(toks[j]!.l)) return undefined;
      j--;
      continue;
    }
    if ('number' in t) {
      // the longest number expression that ends at j, as the sentence scan would have read it from its start
      if (j < 0 || parseNumberAt(toks, j)?.end !== j + 1) return undefined;
      let start = j;
      while (start > 0 && parseNumberAt(toks, start - 1)?.end === j + 1) start--;
      const e = parseNumberAt(toks, start)!;
      if (e.value < (t.number.min ?? 0)) return undefined;
      if (read.value === undefined) read.value = e.value;
      j = start - 1;
      continue;
    }
    if ('optional' in t) {
      if (toks[j] && inList(t.optional, toks[j]!.l)) j--;
      continue;
    }
    if ('skip' in t) {
      const ends = k > 0 ? endingsOf(tokens[k - 1]!) : null;
      for (let m = 0; m <= t.skip.max; m++) {
        if (ends && !ends.has(toks[j - m]?.l ?? '')) {
          if (!skippable(toks, j - m, t.skip)) return undefined;
          continue;
        }
        const sub: TokenReading = {};
        const start = matchLeft(toks, tokens, k - 1, j - m, sub, verbK);
        if (start !== undefined) {
          add(read, sub);
          return start;
        }
        if (!skippable(toks, j - m, t.skip)) return undefined;
      }
      return undefined;
    }
    if ('qualifier' in t) {
      // the phrase qualifierBefore reads there, as the number-led readers do (none can end on a word no phrase ends on)
      const { q, start } = QUAL_BY_LAST.has(toks[j]?.l ?? '') ? qualifierBefore(toks, j + 1) : { q: null, start: j + 1 };
      if (q && t.qualifier.figure) read.qualifier = q;
      read.qualStart ??= start;
      j = start - 1;
      continue;
    }
    if ('keyword' in t) {
      // the keyword nearest the token before, as one reading rightward would find it ("unaccounted for")
      let at = -1;
      for (let s0 = KEYWORD_LAST.has(toks[j]?.l ?? '') ? j : -1; s0 >= 0 && s0 >= j - 2; s0--) {
        const kw = keywordAt(toks, s0);
        if (kw && kw.end === j + 1) {
          read.category = kw.cat;
          at = s0;
          break;
        }
      }
      if (at < 0) return undefined;
      j = at - 1;
      continue;
    }
    if ('oneOf' in t) {
      for (const alt of t.oneOf) {
        const last = endingsOf(alt.tokens[alt.tokens.length - 1]!);
        if (last && !last.has(toks[j]?.l ?? '')) continue;
        const sub: TokenReading = {};
        const altStart = matchLeft(toks, alt.tokens, alt.tokens.length - 1, j, sub);
        if (altStart === undefined || !alternativeFits(alt, toks[altStart - 1])) continue;
        if (alt.category) sub.category ??= alt.category;
        const start = matchLeft(toks, tokens, k - 1, altStart - 1, sub, verbK);
        if (start === undefined) continue;
        add(read, sub);
        return start;
      }
      return undefined;
    }
    if ('phraseEnd' in t || 'repeat' in t) return undefined;
    const w = toks[j]?.l;
    const r = w === undefined ? undefined : readWord(t, w);
    if (!r) return undefined;
    // ("killed or wounded 40": the verb before "or" tells another outcome than the one read so far)
    if ('leftVerb' in t && t.differs && r.category === read.category) return undefined;
    if ('leftVerb' in t && t.differs) delete r.category;
    add(read, r);
    j--;
  }
  return j + 1;
}

/** Match a row whose anchor token stands at i: the tokens before it leftward from it, then the rest from the anchor. */
function matchRow(toks: Token[], i: number, p: TokenPattern, n: NumberExpr | undefined): { read: TokenReading; start: number; end: number; aside?: SetAsideId; asideAt?: number } | undefined {
  const read: TokenReading = {};
  const head = toks[i]!.l;
  const dash = head.indexOf('-');
  let start: number | undefined;
  let end: number | undefined;
  if (p.hyphenated && dash >= 0) {
    // a hyphenated token holds the first two pattern tokens ("triple-murder"); nothing after it is looked at
    for (const [k, w] of [head.slice(0, dash), head.slice(dash + 1)].entries()) {
      const r = readWord(p.tokens[k]!, w);
      if (!r) return undefined;
      add(read, r);
    }
    start = i;
    end = i + 1;
  } else {
    start = matchLeft(toks, p.tokens, p.anchor - 1, i - 1, read, p.verb);
    if (start === undefined) return undefined;
    // (the anchor's own reading, a number's value above all, outranks what the tokens before it read)
    const right: TokenReading = {};
    end = matchFrom(toks, p.tokens, p.anchor, i, right, i, n);
    add(read, right);
    if (end === undefined) return undefined;
  }
  const before = toks[start - 1];
  const after = toks[end];
  if (p.notAfter?.some((t) => passes(t, before))) return undefined;
  if (p.notBefore?.some((t) => passes(t, after))) return undefined;
  if (p.onlyBefore && after && !p.onlyBefore.some((t) => passes(t, after))) return undefined;
  if (p.marks) {
    for (const g of p.marks.given ?? []) mark(read, g);
    const until = read.qualStart ?? i;
    for (let k = start; k < until; k++) markBy(read, p.marks.inside ?? [], toks[k]);
    for (const b of p.marks.behind ?? []) for (let k = start - 1; k >= 0 && k >= start - b.within; k--) markBy(read, [b], toks[k]);
  }
  const aside = p.asides?.find((a) => ('after' in a ? a.after.some((t) => passes(t, before)) : a.before.some((t) => passes(t, after))));
  return { read, start, end, ...(aside ? { aside: aside.id, asideAt: 'after' in aside ? i : end } : {}) };
}

/** One token pattern tried with its anchor at token i: the figure's value and category it read, and its span (the
 *  spec runner checks each kind of pattern token through it). */
export function matchTokenPattern(toks: Token[], i: number, p: TokenPattern): { value?: number; category?: Category; qualifier?: Qualifier; marks?: readonly PatternMark[]; start: number; end: number; aside?: SetAsideId } | undefined {
  const m = matchRow(toks, i, p, undefined);
  if (!m) return undefined;
  const { qualStart: _q, ...read } = m.read;
  return { ...read, start: m.start, end: m.end, ...(m.aside ? { aside: m.aside } : {}) };
}

/**
 * The count pattern rows anchored at token i: `matched` when a row's tokens all matched (the scan then moves on),
 * with its figure when the row emits that category. `afterFigure` says the sentence has given a casualty figure;
 * `n` is the number expression starting at i, if any (rows anchored on a number are tried after those on a word).
 * `aside` is asked whether a row's named set-aside holds (it records it); a match it holds for gives no figure.
 * With `after`, only the rows tried once that rule read nothing at the number (TokenPattern.after), in table order.
 */
export function countPatternAt(toks: Token[], i: number, afterFigure: boolean, n: NumberExpr | undefined, aside?: (rule: CountRule['id'], id: SetAsideId, pos: number) => boolean, after?: TokenPattern['after']): { rule: CountRule['id']; hit?: CountPatternHit } | undefined {
  if (after) return rowsAt(toks, i, after === 'count.keyword-after' ? AFTER_KEYWORD : AFTER_VERB, afterFigure, n, aside);
  const head = toks[i]!.l;
  const dash = head.indexOf('-');
  const byHyphen = HYPHEN_INDEX.get(dash >= 0 ? head.slice(0, dash) : head);
  const found = (byHyphen && rowsAt(toks, i, byHyphen, afterFigure, n, aside)) || rowsAt(toks, i, PATTERN_INDEX.get(head), afterFigure, n, aside);
  if (found || !n) return found;
  // (a number row whose next token is a fixed word is tried only where that word follows the number, before the others)
  return rowsAt(toks, i, NUMBER_BY_NEXT.get(toks[n.end]?.l ?? ''), afterFigure, n, aside) ?? rowsAt(toks, i, NUMBER_ANY_NEXT, afterFigure, n, aside);
}

/** Does a row's gate let it be tried at i? */
function gateOpen(toks: Token[], i: number, gate: Gate): boolean {
  let j = i - 1;
  for (const t of gate.steps) {
    if ('qualifier' in t) j = (QUAL_BY_LAST.has(toks[j]?.l ?? '') ? qualifierBefore(toks, j + 1).start : j + 1) - 1;
    else if ('optional' in t && toks[j] && inList(t.optional, toks[j]!.l)) j--;
  }
  return gate.ends.has(toks[j]?.l ?? '');
}

function rowsAt(toks: Token[], i: number, rows: readonly PatternRow[] | undefined, afterFigure: boolean, n: NumberExpr | undefined, aside?: (rule: CountRule['id'], id: SetAsideId, pos: number) => boolean): { rule: CountRule['id']; hit?: CountPatternHit } | undefined {
  if (!rows) return undefined;
  for (const { row, pattern: p, gate } of rows) {
    if (p.afterFigure && !afterFigure) continue;
    if (gate && !gateOpen(toks, i, gate)) continue;
    const m = matchRow(toks, i, p, n);
    if (!m) continue;
    if (m.aside && (aside?.(row.id, m.aside, m.asideAt ?? i) ?? true)) return { rule: row.id };
    const category = m.read.category ?? p.category;
    if (!category || !p.emits.includes(category)) return { rule: row.id };
    const value = m.read.value ?? p.value ?? 1;
    return {
      rule: row.id,
      hit: {
        rule: row.id, category, value, qualifier: m.read.qualifier ?? p.qualifier ?? 'exact', mayIncludeDead: !!m.read.mayIncludeDead,
        single: p.flags?.single === true || (p.flags?.single === 'if-one' && value === 1), implied: !!p.flags?.implied,
        ...(n && 'number' in p.tokens[p.anchor]! ? { numberEnd: n.end } : {}),
        ...(m.read.marks ? { marks: m.read.marks } : {}),
        ...(m.read.verbAt !== undefined ? { verbAt: m.read.verbAt } : {}),
      },
    };
  }
  return undefined;
}

// ── count rules over other rules' readings ────────────────────────────────────────────────────────────────────

/** A figure some rule read, as a reading pattern sees it (a victim row's hit, or a candidate of the sentence). */
export interface Reading {
  rule: string;
  category: Category;
  value: number;
  qualifier: Qualifier;
  pos: number;
  single?: boolean;
  indefinite?: boolean;
  increment?: boolean;
  context?: boolean;
  subcount?: boolean;
  ordinal?: number;
}

/** A figure a reading pattern gave. */
export interface ReadingHit {
  rule: CountRule['id'];
  category: Category;
  value: number;
  qualifier: Qualifier;
  pos: number;
  update: boolean;
  mayIncludeDead: boolean;
}

const READING_ROWS: ReadonlyArray<{ row: CountRule; p: ReadingPattern }> = COUNT_RULES.flatMap((row) => (row.readings ? [{ row, p: row.readings }] : []));

function marked(r: Reading, m: ReadingMark): boolean {
  return m === 'ordinal' ? r.ordinal !== undefined : !!r[m];
}

function passesReading(t: ReadingTest, r: Reading): boolean {
  return r.category === t.category && (t.is ?? []).every((m) => marked(r, m)) && !(t.isNot ?? []).some((m) => marked(r, m)) && !t.notRule?.includes(r.rule);
}

/** Where the `between` words put the cursor after the first reading (undefined: a word within reach is missing). */
function cursorAfter(toks: Token[], p: ReadingPattern, first: Reading): number | undefined {
  let at = first.pos;
  for (const b of p.between ?? []) {
    if (b.within === undefined) continue;
    let last = -1;
    for (let k = at + 1; k < toks.length && k <= at + b.within; k++) if (toks[k]!.l === b.word) last = k;
    if (last < 0) return undefined;
    at = last;
  }
  return at;
}

/** The words of `between` without a reach all stand between the cursor and the second reading. */
function openWordsBefore(toks: Token[], p: ReadingPattern, from: number, to: number): boolean {
  return (p.between ?? []).every((b) => b.within !== undefined || toks.slice(from + 1, to).some((t) => t.l === b.word));
}

function readingHit(row: CountRule, p: ReadingPattern, first: Reading, value: number): ReadingHit {
  return { rule: row.id, category: p.category, value, qualifier: p.qualifier === 'first' ? first.qualifier : 'exact', pos: first.pos, update: !!p.update, mayIncludeDead: !!p.mayIncludeDead };
}

/**
 * Run the reading rows that look `over` the given readings: a one-reading row gives a figure for every reading it
 * accepts; a two-reading row the figure of the first pair (in the readings' order) it accepts.
 */
export function readingPatternsOver(over: ReadingPattern['over'], toks: Token[], readings: readonly Reading[]): ReadingHit[] {
  const out: ReadingHit[] = [];
  for (const { row, p } of READING_ROWS) {
    if (p.over !== over) continue;
    const [t1, t2] = p.readings;
    if (!t2) {
      for (const r of readings) if (passesReading(t1, r)) out.push(readingHit(row, p, r, p.value === 'ordinal' ? r.ordinal ?? r.value : r.value));
      continue;
    }
    pairs: for (const first of readings) {
      if (!passesReading(t1, first)) continue;
      const at = cursorAfter(toks, p, first);
      if (at === undefined) continue;
      for (const second of readings) {
        if (second.pos <= at || !passesReading(t2, second) || !openWordsBefore(toks, p, at, second.pos)) continue;
        out.push(readingHit(row, p, first, p.value === 'sum' ? first.value + second.value : first.value));
        break pairs;
      }
    }
  }
  return out;
}
