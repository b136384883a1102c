// Victim noun phrases around a casualty predicate: how many people a subject ("a 15-year-old", "Matin, a provincial
// director,", "four United States soldiers", "a 2-year-old boy and a 26-year-old man") or an object names.
import type { Qualifier } from '../../schema';
import type { Antecedent } from './antecedents';
import { parseNumberAt, yearOf, type Token } from '../numbers';
import { qualifierBefore } from '../qualifiers';
import { BLOCK_NOUNS, LEFT_VERBS } from '../lexicon/index';
import { BE_FORMS } from '../lexicon/counts';
import { CASUALTY_WORDS } from '../lexicon/outcomes';
import { namesGroupMember } from './context';
import {
  NAMED_AFTER_COMMA, ORG_NAME_PUNCT, POSSESSIVE_DETERMINERS,
  AGE_HEADS, NOT_NAME_WORDS, NOT_PERSON_NOUNS, PERPETRATOR_HEADS, SINGLE_DETERMINERS, SINGLE_PRONOUNS, SINGULAR_VERBS, VICTIM_PLURAL, VICTIM_SINGULAR,
} from '../lexicon/victims';

export type NPKind = 'single' | 'count' | 'name' | 'pronoun' | 'partitive' | 'list';

/** How a noun phrase is read: pronouns allowed, in a headline, as an object; and the groups counted before. */
export interface NPOptions {
  allowPronoun: boolean;
  title: boolean;
  object?: boolean;
  /** the count of a group the article named before with this plural head ("the hostages", "the soldiers") */
  antecedent?: (head: string) => Antecedent | undefined;
}

/** One person named or described ("a 15-year-old", "Matin", "he"), not a count or a list. */
export function isOnePerson(np: VictimNP): boolean {
  return np.kind === 'single' || np.kind === 'name' || np.kind === 'pronoun';
}

export interface VictimNP {
  value: number;
  qualifier: Qualifier;
  /** first and last token of the phrase */
  start: number;
  end: number;
  kind: NPKind;
  /** the head is an attacker, not a victim ("the gunman was killed") */
  perpetrator: boolean;
  /** "three others": people beyond the ones already counted */
  others: boolean;
  /** "six more", "another two", "a further 10": an increment, never a total */
  increment?: boolean;
  /** "a second man": the value counts everyone so far */
  ordinal?: boolean;
  /** the determiner of a single person ("a", "the", "his") */
  determiner?: string;
  /** a vague or open count ("dozens", "at least 14") */
  vague?: { upper: number };
}

const isCap = (t: Token | undefined): boolean => !!t && t.k === 'word' && /^\p{Lu}/u.test(t.t) && !(t.t.length > 2 && t.t === t.t.toUpperCase());
const isWord = (t: Token | undefined): boolean => !!t && t.k === 'word';
/** A possessive word ("Garza's", "the victims'"), which stands where a determiner would. */
const POSSESSIVE = /^[\p{L}.-]+(['’]s|s['’])$/u;
const MODIFIER_STOP = new Set(
  ('was were is are be been being has have had and or but of in on at by for with from to that which who whom when after before ' +
    'while said says killed shot died wounded injured including').split(' '),
);
const REFLEXIVES = new Set(['himself', 'herself', 'self']);
const INCREMENT_WORDS = new Set(['more', 'another', 'additional', 'further']);
const PRONOUNS = new Set('them whom him her it they us you me we i who which that this these those what'.split(' '));
const PLACE_PREPOSITIONS = new Set('in inside outside at near on from'.split(' '));
const PREPOSITIONS = new Set('in at on from of near to into with by for across inside outside toward towards through against'.split(' '));
const NAME_JOINERS = new Set(['al', 'el', 'bin', 'ibn', 'de', 'del', 'van', 'von', 'da', 'du', 'la', 'le', 'jr', 'sr', 'ii', 'iii', 'abu', 'abd']);
const ORDINALS: Record<string, number> = { second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6 };

/** An age compound ends at i ("15-year-old": num, '-', 'year-old'); returns its first token. */
function ageCompoundEndingAt(toks: Token[], i: number): number | undefined {
  const t = toks[i];
  if (!t || !AGE_HEADS.has(t.l)) return undefined;
  if (toks[i - 1]?.t === '-' && toks[i - 2] && (toks[i - 2]!.k === 'num' || parseNumberAt(toks, i - 2))) return i - 2;
  return undefined;
}

/** A number expression that ends right before `end` (exclusive), searched a few tokens back. */
function numberEndingAt(toks: Token[], end: number): { start: number; value: number; vague?: { upper: number } } | undefined {
  // "between 20 and 30 people": the count is a range, read by the count rules
  for (let s = Math.max(0, end - 5); s < end; s++) if (parseNumberAt(toks, s)?.range && parseNumberAt(toks, s)!.end >= end) return undefined;
  for (let s = end - 1; s >= 0 && s >= end - 4; s--) {
    const n = parseNumberAt(toks, s);
    if (n && n.end === end && !n.range) return { start: s, value: n.value, ...(n.vague ? { vague: { upper: n.vague.upper } } : {}) };
  }
  return undefined;
}

/**
 * The noun phrase whose last token is `end` (its head), read right to left: a person noun with its determiner or
 * count, an age noun ("a 15-year-old"), a capitalised name, or a pronoun.
 */
export function npEndingAt(toks: Token[], end: number, opts: NPOptions): VictimNP | undefined {
  const head = toks[end];
  if (!head) return undefined;
  // a bare count: "Four were shot", headline "4 shot, 2 fatally"
  const bare = numberEndingAt(toks, end + 1);
  if (bare && !bare.vague && yearOf(toks[bare.start]!) === undefined) {
    const q = qualifierBefore(toks, bare.start);
    const before = toks[q.start - 1];
    // "Shears, 25, of Tyler, was killed": a number between commas is an age
    const age = toks[end + 1]?.t === ',' || (before?.t === ',' && isCap(toks[q.start - 2]));
    if (!age && (!before || before.k === 'punct' || /^(and|but|while|as|when|where|with|after|of|the|other|all|those|these)$/.test(before.l))) {
      // "one of them" is read as a partitive below; a lone "one" is a person only with "of"
      if (!(bare.value === 1 && head.l === 'one' && toks[end + 1]?.l !== 'of')) {
        const others = before?.l === 'other';
        const start = others || before?.l === 'the' || before?.l === 'all' ? q.start - (toks[q.start - 2]?.l === 'the' ? 2 : 1) : q.start;
        return { value: bare.value, qualifier: q.q ?? 'exact', start, end, kind: 'count', perpetrator: false, others };
      }
    }
  }
  if (head.k !== 'word') return undefined;
  // "one soldier was killed and another was injured": a bare "another" is one more person
  if (opts.allowPronoun && head.l === 'another' && toks[end - 1]?.l !== 'one') {
    return { value: 1, qualifier: 'exact', start: end, end, kind: 'single', perpetrator: false, others: true, determiner: 'another' };
  }
  const perpetrator = PERPETRATOR_HEADS.has(head.l);
  if (opts.allowPronoun && SINGLE_PRONOUNS.has(head.l)) {
    return { value: 1, qualifier: 'exact', start: end, end, kind: 'pronoun', perpetrator: false, others: false };
  }
  const age = ageCompoundEndingAt(toks, end);
  // a casualty predicate's subject is a person: an occupation no list foresees ("a border police accountant",
  // "three of his escorts") counts, unless the noun is a thing, a place or an animal
  const generic = head.t === head.l && !PRONOUNS.has(head.l) && !parseNumberAt(toks, end) && /^[a-z][a-z-]+$/.test(head.l) && !/(ed|ing|ly)$/.test(head.l) && !NOT_PERSON_NOUNS.has(head.l) && !BLOCK_NOUNS.has(head.l) && !MODIFIER_STOP.has(head.l);
  const pluralForm = head.l.endsWith('s') && !head.l.endsWith('ss');
  const singular = age !== undefined || VICTIM_SINGULAR.has(head.l) || (PERPETRATOR_HEADS.has(head.l) && !head.l.endsWith('s')) || (generic && !pluralForm && !VICTIM_PLURAL.has(head.l));
  const plural = !singular && (VICTIM_PLURAL.has(head.l) || (PERPETRATOR_HEADS.has(head.l) && head.l.endsWith('s')) || head.l === 'them' || head.l === 'whom' || (generic && pluralForm));
  if (singular || plural) {
    // walk left over modifiers ("four male teenagers", "a provincial education director", "four United States soldiers")
    let k = (age ?? end) - 1;
    for (let steps = 0; k >= 0 && steps < 6; steps++, k--) {
      const t = toks[k]!;
      // "a 10-month old boy": the number of an age compound is a modifier
      if (t.k === 'num' && toks[k + 1]?.t === '-' && toks[k + 1]!.glued) continue;
      if (t.k === 'num') break;
      if (t.t === '-' && t.glued) continue;
      // "a Rapid Intervention Battalion (BIR) soldier": an abbreviation in brackets is part of the modifiers
      const open = t.t === ')' ? abbreviationOpening(toks, k) : undefined;
      if (open !== undefined) {
        k = open;
        continue;
      }
      if (t.k !== 'word' || MODIFIER_STOP.has(t.l) || SINGLE_DETERMINERS.has(t.l) || POSSESSIVE.test(t.l) || t.l === 'both' || t.l === 'all') break;
      if (parseNumberAt(toks, k)) break;
      if (ageCompoundEndingAt(toks, k) !== undefined) {
        k = ageCompoundEndingAt(toks, k)!;
        continue;
      }
    }
    const det = toks[k];
    // partitive: "three of his bodyguards", "one of the victims", "two of them"
    const ofAt = plural && !(det && parseNumberAt(toks, k)) ? findOf(toks, k) : undefined;
    if (ofAt !== undefined) {
      const n = numberEndingAt(toks, ofAt);
      if (n) return { value: n.value, qualifier: 'exact', start: n.start, end, kind: 'partitive', perpetrator, others: false };
      return undefined;
    }
    if (plural) {
      if (head.l === 'them' || head.l === 'whom') return undefined;
      let others = head.l === 'others';
      let increment = false;
      for (let m = k + 1; m < end; m++) {
        if (toks[m]!.l === 'other') others = true;
        if (INCREMENT_WORDS.has(toks[m]!.l)) increment = true;
      }
      if (INCREMENT_WORDS.has(toks[k - 1]?.l ?? '') || INCREMENT_WORDS.has(toks[k]?.l ?? '')) increment = true;
      if (det?.l === 'both') return { value: 2, qualifier: 'exact', start: k, end, kind: 'count', perpetrator, others };
      const n = numberEndingAt(toks, k + 1);
      if (!n) {
        // "the hostages were killed": a definite plural with no number names a group counted before
        const a = det?.l === 'the' && !others && !increment ? opts.antecedent?.(head.l) : undefined;
        return a ? { value: a.value, qualifier: a.qualifier, start: k, end, kind: 'count', perpetrator, others: false } : undefined;
      }
      const q = qualifierBefore(toks, n.start);
      const qualifier: Qualifier = n.vague ? 'at_least' : (q.q ?? 'exact');
      // ("Serajuddin and his three bodyguards": the possessive opens the phrase, so a list can reach past it)
      const start = POSSESSIVE_DETERMINERS.has(toks[q.start - 1]?.l ?? '') ? q.start - 1 : q.start;
      return { value: n.value, qualifier, start, end, kind: 'count', perpetrator, others, ...(increment ? { increment } : {}), ...(n.vague ? { vague: n.vague } : {}) };
    }
    // ("Garza's stepfather", "the victim's mother": a possessive determines the phrase as "his" does)
    if (det && (SINGLE_DETERMINERS.has(det.l) || POSSESSIVE.test(det.l))) {
      // "a second man was shot": the ordinal counts everyone so far
      const ord = ORDINALS[toks[k + 1]?.l ?? ''];
      return { value: ord ?? 1, qualifier: 'exact', start: k, end, kind: 'single', perpetrator, others: det.l === 'another', determiner: det.l, ...(ord ? { ordinal: true } : {}) };
    }
    // "Teen killed in crash": a bare singular noun opens a headline
    if (opts.title && (k < 0 || toks[k]!.k === 'punct' || /^(and|or|after|as|when|while)$/.test(toks[k]!.l))) {
      return { value: 1, qualifier: 'exact', start: k + 1, end, kind: 'single', perpetrator, others: false };
    }
    // "Officer Jason Smith", "Police Chief Khan": a title before a name is handled as a name below
    return undefined;
  }
  return nameEndingAt(toks, end, !opts.object);
}

/** The "of" of a partitive, at the phrase's determiner or just before it ("one of them", "three of his guards"). */
function findOf(toks: Token[], det: number): number | undefined {
  if (toks[det]?.l === 'of') return det;
  if (toks[det - 1]?.l === 'of') return det - 1;
  return undefined;
}

/** A capitalised personal name ending at `end` ("Atta Mohammad Matin", "Toney Keith White II"). */
function nameEndingAt(toks: Token[], end: number, subject: boolean): VictimNP | undefined {
  if (!isCap(toks[end]) && !NAME_JOINERS.has(toks[end]?.l ?? '')) return undefined;
  let k = end;
  let words = 0;
  while (k >= 0 && words < 5) {
    const t = toks[k]!;
    if (isCap(t) || (words > 0 && NAME_JOINERS.has(t.l))) {
      if (NOT_NAME_WORDS.has(t.l)) return undefined;
      words++;
      k--;
      continue;
    }
    // initials: "W." inside a name
    if (t.t === '.' && isCap(toks[k - 1]) && toks[k - 1]!.t.length === 1) {
      k--;
      continue;
    }
    break;
  }
  if (words === 0) return undefined;
  // "in southeastern Iran and three others": a capitalised word after a preposition is a place or a thing
  const before = toks[k];
  if (subject && before && (PREPOSITIONS.has(before.l) || (/^(the|a|an)$/.test(before.l) && PREPOSITIONS.has(toks[k - 1]?.l ?? '')))) return undefined;
  // "19-year-old Damon Reyes": an age before a name belongs to the phrase (so a list of them adds up)
  const age = k >= 2 && AGE_HEADS.has(before?.l ?? '') && toks[k - 1]?.t === '-' && toks[k - 2]!.k === 'num' ? k - 2 : undefined;
  if (age !== undefined) return { value: 1, qualifier: 'exact', start: age, end, kind: 'name', perpetrator: false, others: false };
  if (words === 1 && before && before.k === 'word' && !/^\p{Lu}/u.test(before.t) && /^(southern|northern|eastern|western|central|southeastern|southwestern|northeastern|northwestern|rural|downtown)$/.test(before.l)) return undefined;
  return { value: 1, qualifier: 'exact', start: k + 1, end, kind: 'name', perpetrator: false, others: false };
}

/** How many tokens an organisation's name after "members of" may take, its abbreviation in brackets included. */
const ORG_NAME_MAX = 18;

/**
 * The subject standing before `end` (exclusive), skipping an apposition between commas ("Matin, a provincial
 * education director, was killed"; "Smith, 24, died"), a relative pronoun ("a girl who died") and an "including"
 * clause; victims listed with "and" add up.
 */
export function subjectBefore(toks: Token[], end: number, opts: NPOptions): VictimNP | undefined {
  let k = end - 1;
  if (toks[k]?.l === 'who' || toks[k]?.l === 'that') {
    k--;
    if (toks[k]?.t === ',') k--;
  }
  k = skipApposition(toks, k);
  let np = npEndingAt(toks, k, opts);
  // "Both men inside the Honda were killed", "two teens in a parked car were shot": the subject stands before a
  // short place phrase
  if (!np || PREPOSITIONS.has(toks[np.start - 1]?.l ?? '')) {
    for (let m = k; m >= 0 && m > k - 7; m--) {
      const t = toks[m]!;
      if (t.k === 'punct') break;
      if (PLACE_PREPOSITIONS.has(t.l) && m < k) {
        const inner = npEndingAt(toks, m - 1, opts);
        if (inner && inner.kind !== 'name') np = inner;
        break;
      }
    }
  }
  // "a toddler who found the pistol died": the subject stands before a short relative clause
  if (!np) {
    for (let m = k; m >= 0 && m > k - 9; m--) {
      const t = toks[m]!;
      if (t.k === 'punct' && t.t !== ',') break;
      if (t.l === 'who') {
        np = npEndingAt(toks, toks[m - 1]?.t === ',' ? m - 2 : m - 1, opts);
        break;
      }
    }
  }
  // "Three members of the Workers Union (WU) party were killed": the head stands before an "of" whose complement
  // is no person (an organisation, a unit, a place), up to a name's length back, brackets and dashes included
  if (!np) {
    for (let m = k; m >= 0 && m > k - ORG_NAME_MAX; m--) {
      const t = toks[m]!;
      if ((t.k === 'punct' && !ORG_NAME_PUNCT.has(t.t)) || BE_FORMS.has(t.l) || CASUALTY_WORDS.test(t.l)) break;
      if (t.l === 'of') {
        const outerHead = toks[m - 1]?.l ?? '';
        const outer = VICTIM_PLURAL.has(outerHead) || VICTIM_SINGULAR.has(outerHead) ? npEndingAt(toks, m - 1, { ...opts, allowPronoun: false }) : undefined;
        if (outer && outer.kind !== 'name') np = outer;
        break;
      }
    }
  }
  if (!np) return undefined;
  // "Six relatives of the council member", "the brother of a police chief": the head stands before "of"
  if (toks[np.start - 1]?.l === 'of' && np.kind !== 'partitive') {
    // ("a total of seven people", "a group of students": a quantity noun is no person)
    const outerHead = toks[np.start - 2]?.l ?? '';
    const outer = VICTIM_SINGULAR.has(outerHead) || VICTIM_PLURAL.has(outerHead) ? npEndingAt(toks, np.start - 2, { ...opts, allowPronoun: false }) : undefined;
    if (outer && outer.kind !== 'name') np = outer;
  }
  // "four of the five victims were shot to death": the part before "of" is the subject ("he was one of three people
  // wounded" names a member of the three)
  const theAt = toks[np.start - 1]?.l === 'the' ? np.start - 1 : np.start;
  const part = np.kind === 'count' && toks[theAt - 1]?.l === 'of' ? numberEndingAt(toks, theAt - 1) : undefined;
  if (part && !namesGroupMember(toks, part.start, opts.title)) {
    return { value: part.value, qualifier: 'exact', start: part.start, end: np.end, kind: 'partitive', perpetrator: np.perpetrator, others: false };
  }
  // "Five police officers including a commander": the included one is part of the count before it
  const includedIn = countBeforeIncluding(toks, np.start, opts);
  if (includedIn) np = includedIn;
  // a list: "a 2-year-old boy and a 26-year-old man", "Smith, Jones and Ruiz"; the joiner nearest the predicate
  // must be "and" (a comma alone is an apposition or a sentence opener: "Officially, 100 people have died")
  // ("Three hostages and four attackers were killed": the attackers are left out; "the toll stood at 135 people
  // and 5,000 were wounded": a phrase after a preposition is no subject)
  let total = np.perpetrator ? 0 : np.value;
  let victims = !np.perpetrator;
  let start = np.start;
  let listed = false;
  for (let g = 0; g < 5; g++) {
    const joiner = toks[start - 1];
    // (a headline lists with commas alone: "Woman, boyfriend killed in shooting")
    if (!joiner || (joiner.l !== 'and' && !((listed || opts.title) && joiner.t === ','))) break;
    // ("One man dead, child injured": a phrase that ends in its own outcome is a clause of its own, no list member)
    if (CASUALTY_WORDS.test(toks[start - 2]?.l ?? '')) break;
    // ("she and three others were shot": a person already named, told as a pronoun, with the others counted)
    const pronoun = !listed && np.others && joiner.l === 'and' && /^(he|she)$/.test(toks[start - 2]?.l ?? '');
    const prev = pronoun
      ? { value: 1, start: start - 2, perpetrator: false }
      : npEndingAt(toks, skipApposition(toks, start - 2), { allowPronoun: false, title: opts.title });
    // ("there was a disturbance and one man was shot", "playing at being tough, and my son was shot": what a verb
    // says someone is or was is no subject of the predicate)
    // ("gunmen killed nine people and 30 others were hurt": the object of another casualty verb is no subject either)
    const beforePrev = toks[prev?.start !== undefined ? prev.start - 1 : -1]?.l ?? '';
    if (!prev || PREPOSITIONS.has(beforePrev) || BE_FORMS.has(beforePrev) || Object.hasOwn(LEFT_VERBS, beforePrev)) break;
    // "three other victims, a 21-year-old man, a 19-year-old woman and a 3-year-old boy were taken to hospitals": a
    // list after a count of as many people, told by a word for anyone, names them and is no more people ("two men,
    // a woman and a boy" are four)
    if (joiner.t === ',' && listed && 'kind' in prev && prev.kind === 'count' && prev.value === total && (prev.others || ANYONE_NOUNS.has(toks[prev.end]?.l ?? ''))) return prev;
    if (!prev.perpetrator) {
      total += prev.value;
      victims = true;
    }
    start = prev.start;
    listed = true;
  }
  if (!listed) return np;
  // "Four people including a 9-year-old and a 7-year-old were hurt": the listed ones are part of the count before them
  const listedIn = countBeforeIncluding(toks, start, opts);
  if (listedIn && listedIn.kind === 'count') return listedIn;
  // (a list's total counts everyone named in it, so "Smith and three others" are no others beyond those counted)
  return { ...np, value: total, start, kind: 'list', qualifier: np.qualifier, perpetrator: !victims, others: false };
}

/**
 * The phrase "including" follows, when the phrase at `at` comes right after it: "Five police officers including a
 * commander", "At least two people, including Osmani, …" (a comma may close the counted phrase).
 */
function countBeforeIncluding(toks: Token[], at: number, opts: NPOptions): VictimNP | undefined {
  if (toks[at - 1]?.l !== 'including') return undefined;
  const end = toks[at - 2]?.t === ',' ? at - 3 : at - 2;
  return npEndingAt(toks, end, { ...opts, allowPronoun: false });
}

/** Words that read as nouns for people ("the wounded") but, after a person noun, say what state they are in. */
const STATE_AFTER_NOUN = new Set(['wounded', 'injured', 'dead', 'hurt', 'elderly']);

/** "(ALP)", "(BIR)": an organisation's abbreviation in brackets, inside a noun phrase. */
const isAbbreviation = (t: Token | undefined): boolean => !!t && t.k === 'word' && t.t.length >= 2 && t.t.length <= 8 && t.t === t.t.toUpperCase();
function abbreviationOpening(toks: Token[], close: number): number | undefined {
  return toks[close - 2]?.t === '(' && isAbbreviation(toks[close - 1]) ? close - 2 : undefined;
}

/** Plural nouns that say nothing of who the people are, so a list after them can only name them. */
const ANYONE_NOUNS = new Set(['victims', 'people', 'persons', 'others', 'individuals']);

/** Words that make a comma-enclosed segment a clause of its own, not an apposition ("children, the authority said,"). */
const CLAUSE_WORDS = new Set('said says say told reported added according was were is are has have had'.split(' '));

const APPOSITION_PUNCT = new Set(['-', '.', "'", '(', ')', '&']);

/** "Smith, 24," / "Khan, a district police chief," ending at k: the index of the phrase's head before it. */
function skipApposition(toks: Token[], k: number): number {
  if (toks[k]?.t !== ',') return k;
  for (let m = k - 1; m >= 0 && m >= k - 16; m--) {
    const t = toks[m]!;
    if (t.t === ',') return m - 1;
    if (CLAUSE_WORDS.has(t.l)) return k;
    if (t.k === 'punct' && !APPOSITION_PUNCT.has(t.t)) return k;
  }
  return k;
}

/**
 * The object after an active verb ("shot three males", "killed his 9-year-old brother", "killed Abdul Baqi, a …").
 * Listed objects add up only when the list closes with "and": "killed a commander, Qassem Soleimani, …" is one
 * person and his name.
 */
export function objectAfter(toks: Token[], from: number, title = false): VictimNP | undefined {
  const first = objectNpAt(toks, from, title);
  if (!first) return undefined;
  let total = first.value;
  let last = first;
  for (let g = 0; g < 5; g++) {
    let next = last.end + 1;
    // an apposition after a name or person: "Focas Bakana, a ruling party official,"
    if (toks[next]?.t === ',' && /^(a|an|the|\d+|his|her)$/.test(toks[next + 1]?.l ?? '')) {
      let m = next + 1;
      while (m < toks.length && m < next + 10 && toks[m]!.t !== ',' && toks[m]!.t !== '.') m++;
      if (toks[m]?.t === ',' && toks[m + 1]?.l === 'and') next = m + 1;
    }
    if (toks[next]?.t === ',' && toks[next + 1]?.l !== 'and') {
      // "six of his grandchildren, his adult daughter and himself": a comma list counts only if it closes with "and"
      const np = objectNpAt(toks, next + 1);
      if (!np || np.kind === 'partitive' || !closesWithAnd(toks, np.end + 1)) break;
      if (!np.perpetrator) total += np.value;
      last = np;
      continue;
    }
    if (toks[next]?.t === ',' && toks[next + 1]?.l === 'and') next++;
    if (toks[next]?.l !== 'and') break;
    // ("wounded 140 people and 31 of them …" starts a new clause about the same people; attackers are left out)
    const np = objectNpAt(toks, next + 1);
    if (!np || np.kind === 'partitive') break;
    // "killed nine people and 30 others were injured": a phrase followed by its own verb opens a new clause
    // (unless the verb cannot be the phrase's own: "the man who fled after killing his wife and four daughters has
    // been brought back", a plural before "has", is the list closing a relative clause before the main verb)
    const verb = toks[np.end + 1]?.l ?? '';
    if (CLAUSE_WORDS.has(verb) && !(np.value > 1 && SINGULAR_VERBS.has(verb))) break;
    if (!np.perpetrator) total += np.value;
    last = np;
  }
  return total === first.value ? first : { ...first, value: total, kind: 'list', end: last.end };
}

/** The rest of a comma list ("…, his daughter and himself") reaches an "and" followed by one more phrase. */
function closesWithAnd(toks: Token[], from: number): boolean {
  let k = from;
  for (let g = 0; g < 5; g++) {
    if (toks[k]?.l === 'and' || (toks[k]?.t === ',' && toks[k + 1]?.l === 'and')) return !!objectNpAt(toks, toks[k]!.l === 'and' ? k + 1 : k + 2);
    if (toks[k]?.t !== ',') return false;
    const np = objectNpAt(toks, k + 1);
    if (!np) return false;
    k = np.end + 1;
  }
  return false;
}

/** A capitalised word that can be part of a name (not a weekday, a month, a title word…). */
const named = (t: Token | undefined): boolean => isCap(t) && !NOT_NAME_WORDS.has(t!.l);


/**
 * "shot and killed police official Amir Khan", "killed religious scholar, identified as Qari Amin": an occupation
 * with no article, in lower case, before a name or a comma that introduces one, is one named person.
 */
function bareTitleBeforeName(toks: Token[], k: number): VictimNP | undefined {
  for (let m = k; m < toks.length && m < k + 4; m++) {
    const w = toks[m]!;
    if (w.k !== 'word' || w.t !== w.l || MODIFIER_STOP.has(w.l) || SINGLE_DETERMINERS.has(w.l) || PERPETRATOR_HEADS.has(w.l)) return undefined;
    if (!VICTIM_SINGULAR.has(w.l) || VICTIM_SINGULAR.has(toks[m + 1]?.l ?? '')) continue;
    const next = toks[m + 1];
    if (named(next) || (next?.t === ',' && (named(toks[m + 2]) || NAMED_AFTER_COMMA.has(toks[m + 2]?.l ?? '')))) {
      return { value: 1, qualifier: 'exact', start: k, end: m, kind: 'name', perpetrator: false, others: false };
    }
    return undefined;
  }
  return undefined;
}

function objectNpAt(toks: Token[], k: number, title = false): VictimNP | undefined {
  const t = toks[k];
  if (!t) return undefined;
  // a headline drops the article: "Man charged in killing of teen", "Killing Of Former Cranston Girl"
  if (title && toks[k - 1]?.l === 'of') {
    for (let m = k; m < toks.length && m < k + 4; m++) {
      const w = toks[m]!;
      if (w.k !== 'word' || MODIFIER_STOP.has(w.l) || SINGLE_DETERMINERS.has(w.l)) break;
      // ("teen girl": the head is the last person noun)
      if (VICTIM_SINGULAR.has(w.l) && !VICTIM_SINGULAR.has(toks[m + 1]?.l ?? '')) return { value: 1, qualifier: 'exact', start: k, end: m, kind: 'single', perpetrator: false, others: false };
    }
  }
  // "shot himself", "fatally shoots self"
  if (REFLEXIVES.has(t.l)) return { value: 1, qualifier: 'exact', start: k, end: k, kind: 'pronoun', perpetrator: false, others: false };
  // "the fatal shooting of 1-year-old Braylon Carter": an age before a name, or alone
  if (t.k === 'num' && toks[k + 1]?.t === '-' && AGE_HEADS.has(toks[k + 2]?.l ?? '')) {
    let end = k + 2;
    while (isCap(toks[end + 1]) && !NOT_NAME_WORDS.has(toks[end + 1]!.l)) end++;
    if (end > k + 2 || !VICTIM_SINGULAR.has(toks[k + 3]?.l ?? '')) return { value: 1, qualifier: 'exact', start: k, end, kind: 'single', perpetrator: false, others: false };
  }
  // a name: a run of capitalised words
  if (isCap(t) && !NOT_NAME_WORDS.has(t.l)) {
    let m = k;
    while (m + 1 < toks.length && (isCap(toks[m + 1]) || NAME_JOINERS.has(toks[m + 1]!.l)) && !NOT_NAME_WORDS.has(toks[m + 1]!.l)) m++;
    const np = npEndingAt(toks, m, { allowPronoun: false, title: false, object: true });
    return np && np.kind === 'name' ? np : undefined;
  }
  const titled = bareTitleBeforeName(toks, k);
  if (titled) return titled;
  if (!SINGLE_DETERMINERS.has(t.l) && !parseNumberAt(toks, k) && t.l !== 'both') return undefined;
  // "killing three people and seriously injuring a fourth": an ordinal alone is one more person
  const afterOrdinal = toks[k + 2];
  if ((t.l === 'a' || t.l === 'the') && ORDINALS[toks[k + 1]?.l ?? ''] !== undefined && (!afterOrdinal || afterOrdinal.k === 'punct' || PREPOSITIONS.has(afterOrdinal.l) || afterOrdinal.l === 'and')) {
    return { value: 1, qualifier: 'exact', start: k, end: k + 1, kind: 'single', perpetrator: false, others: false, determiner: t.l, ordinal: true };
  }
  // "killed six of his grandchildren", "wounding two of the guards"
  const n = parseNumberAt(toks, k);
  if (n && toks[n.end]?.l === 'of' && /^(his|her|their|the|its|them)$/.test(toks[n.end + 1]?.l ?? '')) {
    if (toks[n.end + 1]!.l === 'them') return { value: n.value, qualifier: 'exact', start: k, end: n.end + 1, kind: 'partitive', perpetrator: false, others: false };
    for (let m = n.end + 2; m < toks.length && m < n.end + 6; m++) {
      const w = toks[m]!;
      if (VICTIM_PLURAL.has(w.l) || PERPETRATOR_HEADS.has(w.l)) return { value: n.value, qualifier: 'exact', start: k, end: m, kind: 'partitive', perpetrator: PERPETRATOR_HEADS.has(w.l), others: false };
      if (w.k !== 'word' || MODIFIER_STOP.has(w.l)) break;
    }
    return undefined;
  }
  // find the head within a few tokens
  for (let m = k, steps = 0; m < toks.length && steps < 7; m++, steps++) {
    const w = toks[m]!;
    // ("killed an Afghan Local Police (ALP) commander")
    if (w.t === '(' && toks[m + 2]?.t === ')' && isAbbreviation(toks[m + 1])) {
      m += 2;
      continue;
    }
    if (w.k === 'punct' && !(w.t === '-' && w.glued)) return undefined;
    if (m > k && (VICTIM_SINGULAR.has(w.l) || VICTIM_PLURAL.has(w.l) || AGE_HEADS.has(w.l) || PERPETRATOR_HEADS.has(w.l))) {
      // the head is the last person noun of the run ("a 15-year-old Vernon boy")
      let h = m;
      const person = (t: Token | undefined): boolean => !!t && (VICTIM_SINGULAR.has(t.l) || VICTIM_PLURAL.has(t.l));
      // ("an Afghan Local Police (ALP) district commander": the head comes after the bracketed abbreviation and
      // the modifiers after it)
      if (toks[h + 1]?.t === '(' && toks[h + 3]?.t === ')' && isAbbreviation(toks[h + 2])) {
        for (let after = h + 4; after < h + 7 && isWord(toks[after]) && !MODIFIER_STOP.has(toks[after]!.l); after++) {
          if (person(toks[after])) {
            h = after;
            break;
          }
        }
      }
      // ("left two men wounded": "the wounded" is a noun, but after a person noun it is their state)
      while (h + 1 < toks.length && h + 1 < k + 8 && !STATE_AFTER_NOUN.has(toks[h + 1]!.l) && (VICTIM_SINGULAR.has(toks[h + 1]!.l) || VICTIM_PLURAL.has(toks[h + 1]!.l) || isCap(toks[h + 1]))) {
        if (VICTIM_SINGULAR.has(toks[h + 1]!.l) || VICTIM_PLURAL.has(toks[h + 1]!.l)) h++;
        else if (VICTIM_SINGULAR.has(toks[h + 2]?.l ?? '') || VICTIM_PLURAL.has(toks[h + 2]?.l ?? '')) h += 2;
        else break;
      }
      const np = npEndingAt(toks, h, { allowPronoun: false, title: false });
      if (np && np.start >= k - 2) return np;
      return undefined;
    }
    if (isWord(w) && MODIFIER_STOP.has(w.l)) return undefined;
  }
  return undefined;
}
