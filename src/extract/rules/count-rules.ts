// The count rules as named rows: what each of the older number-led readers in figures.ts reads, for every category
// (killed, injured, missing, arrested, displaced, hostages), with examples in our own words that the spec runner
// checks. Rows with `patterns` are token patterns the engine runs (rules/engine.ts countPatternAt); rows with
// `readings` are patterns over the readings other rules made (readingPatternsOver); rows with `grammar` name the
// sub-pattern of the count grammar they read (rules/count-grammar.ts, run by rules/grammar.ts: "31 people were
// killed" after a number, "a policeman was killed" after "a"). Every candidate carries its rule's id. Every check
// inside a reader that sets a phrase aside is a named row of SET_ASIDES, listed on the rules it guards, recorded
// like an engine guard's veto when it fires (`--explain`: "count.verb-before vetoed by count.aside.perpetrator").
import type { Category, Qualifier } from '../../schema';
import type { PatternList } from '../lexicon/pattern-lists';
import type { RuleExample } from './victim-rules';
import type { NonTerminal } from './count-grammar';

export type SetAsideId =
  | 'count.aside.perpetrator' | 'count.aside.found-safe' | 'count.aside.combined' | 'count.aside.thing-subject'
  | 'count.aside.no-one' | 'count.aside.bare-one' | 'count.aside.group-member' | 'count.aside.group-of-part' | 'count.aside.date' | 'count.aside.year' | 'count.aside.designation'
  | 'count.aside.thing-object' | 'count.aside.compound-modifier' | 'count.aside.no-person' | 'count.aside.missing-complement'
  | 'count.aside.background-event' | 'count.aside.other-event-subject' | 'count.aside.earlier-period'
  | 'toll.aside.superseded' | 'toll.aside.speculative' | 'single.aside.acts-on-others' | 'single.aside.fatally-hurt' | 'single.aside.relative-or-passive'
  | 'sentence.aside.older-incident' | 'sentence.aside.other-story-headline' | 'sentence.aside.older-month' | 'sentence.aside.dated-aside'
  | 'sentence.aside.later-clause' | 'sentence.aside.superseded' | 'sentence.aside.stranded' | 'sentence.aside.death-cause'
  | 'sentence.aside.dated-earlier' | 'sentence.aside.round-up';

/** An example of a set-aside: a sentence of our own words in which it vetoes `rule`, the figures it gives, and (where
 *  the check decides a figure) the figures the same text would give with the check switched off. */
export interface SetAsideExample {
  text: string;
  title?: string;
  /** the rule it sets aside there (a count rule for SET_ASIDES; any rule for SENTENCE_ASIDES) */
  rule: string;
  expect: Partial<Record<Category, number | null>>;
  without?: Partial<Record<Category, number | null>>;
}

export interface SetAside {
  id: SetAsideId;
  /** what the check looks for and why the phrase is no figure of the main incident (or a weaker one) */
  description: string;
  /** `vetoes` drops the reading; `demotes` keeps it with a flag that ranks it below any plain figure */
  effect: 'vetoes' | 'demotes';
  examples: readonly SetAsideExample[];
}

/** A test of one token next to a match (`notAfter`, `notBefore`): a fixed word, a word of a named list, or digits. */
export type TokenTest = { word: string } | { list: PatternList } | { digits: true };

/** A mark a match may give its figure: an estimate, a guess, an update, the superseded start of a change, an
 *  increment ("rose by 12"), a floor ("has passed 5,000"). */
export type PatternMark = 'approx' | 'speculative' | 'update' | 'superseded' | 'increment' | 'floor'
  /** one count for two outcomes ("killed or wounded 40") */
  | 'combined'
  /** what the verb needs after its object for the count to be a casualty figure (count.aside.no-person,
   *  count.aside.missing-complement): people, "from their homes", bodies, "into custody", "to safety" */
  | 'needs-person' | 'needs-homes' | 'needs-bodies' | 'needs-custody' | 'needs-refuge';
/** A token that passes `test` gives the figure `mark`. */
export type MarkTest = { test: TokenTest; mark: PatternMark };

/** One alternative of a `oneOf`: its tokens, the tests the token before it must (`onlyAfter`) and must not
 *  (`notAfter`) pass, and the category it gives. */
export interface PatternAlternative {
  tokens: readonly PatternToken[];
  notAfter?: readonly TokenTest[];
  onlyAfter?: readonly TokenTest[];
  category?: Category;
}

/**
 * One token of a count rule's token pattern, run by rules/engine.ts countPatternAt. Each kind, in one line:
 * - `word`: that fixed word;
 * - `list`: a word of the named lexicon list (lexicon/pattern-lists.ts);
 * - `leftVerb`: a verb of lexicon LEFT_VERBS (its category is the figure's), none of the words `except`; with `differs`,
 *   one of another category than the one read so far (read leftward: the verb after it); `marks` as `marked`'s;
 * - `multiplier`: a multiplier of EVENT_MULTIPLIERS (its number is the figure);
 * - `eventNoun`: an event noun of MULTIPLE_EVENT_NOUNS (its category is the figure's);
 * - `number`: a number expression (numbers.ts parseNumberAt) of at least `min`, one or more tokens (its value is the figure);
 * - `skip`: up to `max` tokens, as few as let the rest match, none of them one of the words `not`; with `modifiers`,
 *   only a noun phrase's modifiers (a word not of STOP_NP, a glued hyphen, an age's digits: "a 59-year-old station");
 *   with `plain`, only words that are no STOP_NP word, casualty keyword or casualty verb ("23 young survivors");
 * - `qualifier`: a qualifier phrase of qualifiers.ts QUAL_PHRASES ("at least", "some"), or nothing; with `figure`, the
 *   qualifier written just before the figure's number (qualifierBefore) is the figure's;
 * - `repeat`: the given tokens once, then again after each `joiner` word as long as they match (the times are the figure);
 * - `optional`: the given token, or nothing;
 * - `phraseEnd`: the end of a phrase (nothing, punctuation or a STOP_NP word), not consumed;
 * - `keyword`: a casualty keyword of lexicon RIGHT_KEYWORDS, one to three words (its category is the figure's);
 * - `marked`: a word of the named list, marking the figure with each mark whose test it passes ("from": superseded);
 * - `oneOf`: the first alternative (tokens with their own lookbehind tests and category) that lets the rest match.
 * A `skip` may also be limited with `notKeyword` (none of its words a casualty keyword) and `digits` (bare digits only
 * as the first part of a hyphenated modifier, "a 6.4-magnitude quake", or right after one of the words `after`).
 */
export type PatternToken =
  | { word: string }
  | { list: PatternList }
  | { leftVerb: true; except?: readonly string[]; differs?: true; marks?: readonly MarkTest[] }
  | { multiplier: true }
  | { eventNoun: true }
  | { number: { min?: number } }
  | { skip: { max: number; not?: readonly string[]; modifiers?: true; plain?: true; notKeyword?: true; digits?: { after: readonly string[] } } }
  | { qualifier: { figure?: true } }
  | { repeat: { tokens: readonly PatternToken[]; joiner: string } }
  | { optional: { word: string } | { list: PatternList } }
  | { phraseEnd: true }
  | { keyword: true }
  | { marked: { list: PatternList; marks: readonly MarkTest[] } }
  | { oneOf: readonly PatternAlternative[] };

/** Marks a row's figure carries (Candidate's flags of the same names). */
export interface PatternFlags {
  /** one person, weaker than any stated count (`if-one`: when the figure is one) */
  single?: boolean | 'if-one';
  /** a count the event's name implies, below every stated figure */
  implied?: boolean;
}

/** A count rule read by the engine from data rather than by a reader in figures.ts. */
export interface TokenPattern {
  tokens: readonly PatternToken[];
  /** the pattern token the sentence scan stands on when it tries the row (the row is indexed by it; a `number`
   *  anchor is tried wherever a number expression starts, by the word or list that must follow it). The tokens
   *  before the anchor are matched leftward from it, last first (a `number` there ends where the next token starts). */
  anchor: number;
  /** two neighbouring pattern tokens may be one hyphenated token ("triple-murder") */
  hyphenated?: boolean;
  /** the sentence must have given a casualty figure before the anchor ("… and wounded another") */
  afterFigure?: boolean;
  /** lookbehind: the token before the match passes none of these tests */
  notAfter?: readonly TokenTest[];
  /** lookahead: the token after the match passes none of these tests */
  notBefore?: readonly TokenTest[];
  /** lookahead: the token after the match passes one of these tests, or the sentence ends there */
  onlyBefore?: readonly TokenTest[];
  /** named set-asides (rows of SET_ASIDES) that hold when the token before the match (`after`) or after it
   *  (`before`) passes one of the tests: the match is read and dropped, recorded as the set-aside's veto of the row */
  asides?: readonly ({ id: SetAsideId; after: readonly TokenTest[] } | { id: SetAsideId; before: readonly TokenTest[] })[];
  /** marks the figure takes from the match's tokens before its qualifier (`inside`), from the `within` tokens
   *  before the match (`behind`), and whenever the pattern matches (`given`) */
  marks?: { inside?: readonly MarkTest[]; behind?: readonly (MarkTest & { within: number })[]; given?: readonly PatternMark[] };
  /** tried at a number only once the number's own set-asides passed and the rule named here (with those before
   *  it) read nothing there: a verb yields to "40 were killed", a toll phrase to that and to "killed 40" */
  after?: 'count.keyword-after' | 'count.verb-before';
  /** the pattern token that is the figure's verb: its place is reported with the figure (the checks of an earlier
   *  event's clause look left of it) */
  verb?: number;
  /** the figure when no pattern token gives one */
  value?: number;
  /** the category when no pattern token gives one */
  category?: Category;
  /** the figure's qualifier (exact unless given) */
  qualifier?: Qualifier;
  flags?: PatternFlags;
  /** categories the row emits; a match of another category is read (and left) without a figure */
  emits: readonly Category[];
}

/** A mark a reading (a figure another rule read) may carry. */
export type ReadingMark = 'single' | 'indefinite' | 'ordinal' | 'increment' | 'context' | 'subcount';

/** A test of one reading: its category, the marks it must and must not carry, the rules it must not come from. */
export interface ReadingTest {
  category: Category;
  is?: readonly ReadingMark[];
  isNot?: readonly ReadingMark[];
  notRule?: readonly string[];
}

/**
 * A count rule over the readings other rules made, for a figure no phrase states alone. `over` says which readings it
 * sees: `victim` each victim row's reading as it is made; `sentence` the sentence's readings once every rule has read
 * it, in the order they were made (the first pair that matches gives the one figure).
 */
export interface ReadingPattern {
  over: 'victim' | 'sentence';
  /** one reading, or two (the second later in the sentence than the first) */
  readings: readonly [ReadingTest] | readonly [ReadingTest, ReadingTest];
  /** words in order after the first reading: each the last one within `within` tokens of the one before (the
   *  reading for the first), else anywhere before the second reading */
  between?: readonly { word: string; within?: number }[];
  /** the figure: the place an ordinal reading gives ("a fifth victim": 5), or the sum of the two readings */
  value: 'ordinal' | 'sum';
  category: Category;
  /** the qualifier: exact, or the first reading's */
  qualifier: 'exact' | 'first';
  /** the figure updates any lower count before it */
  update?: boolean;
  /** the figure may take in people who then died */
  mayIncludeDead?: boolean;
}

export interface CountRule {
  id: 'count.keyword-after' | 'count.verb-before' | 'count.multiple-event' | 'count.fatal-event' | 'count.murder-charges' | 'count.ordinal-victim' | 'count.scene-and-later' | 'count.toll-phrase' | 'count.another-object' | 'count.bodies-object' | 'single.subject-keyword' | 'single.object-list';
  family: 'count' | 'single';
  /** the categories the rule can emit */
  categories: readonly Category[];
  /** what anchors it: which lexicon list, on which side of the number or noun phrase */
  anchor: string;
  /** the named checks inside its reader that set a phrase aside (rows of SET_ASIDES) */
  setsAside: readonly SetAsideId[];
  examples: readonly (RuleExample & { category: Category })[];
  /** the rule as engine token patterns, tried in order */
  patterns?: readonly TokenPattern[];
  /** or the rule as a pattern over other rules' readings */
  readings?: ReadingPattern;
  /** or the rule as a sentence of the count grammar (rules/count-grammar.ts): the named sub-pattern it reads */
  grammar?: NonTerminal;
}

const ALL: readonly Category[] = ['killed', 'injured', 'missing', 'arrested', 'displaced', 'hostages'];

/** What both patterns of count.fatal-event share: one death at least, implied, unless a number or multiplier comes
 *  before ("two fatal shootings": several events) or a victim of its own after ("the fatal shooting of a teenager",
 *  read by killed.noun-of). */
const FATAL_EVENT = {
  anchor: 0,
  notAfter: [{ digits: true }, { list: 'MULTIPLIER_WORDS' }],
  notBefore: [{ word: 'of' }],
  value: 1,
  category: 'killed',
  qualifier: 'at_least',
  flags: { single: true, implied: true },
  emits: ['killed'],
} as const satisfies Omit<TokenPattern, 'tokens'>;

/** count.bodies-object after its verb: a first counted object of a few plain words (not bodies: count.verb-before
 *  reads those), a joiner, and the bodies' count, which is the figure (the anchor). */
const bodiesObject = (verb: readonly PatternToken[]): TokenPattern => {
  const tokens: readonly PatternToken[] = [
    ...verb,
    { optional: { word: 'all' } },
    { qualifier: {} },
    { number: {} },
    { skip: { max: 3, plain: true, not: ['bodies', 'corpses'] } },
    { optional: { word: ',' } },
    { list: 'OBJECT_JOINERS' },
    { qualifier: { figure: true } },
    { number: {} },
    { list: 'BODY_OBJECTS' },
  ];
  return { tokens, anchor: tokens.length - 2, notAfter: [{ list: 'BE_FORMS' }], category: 'killed', emits: ['killed'] };
};

/** What count.toll-phrase's patterns share: tried last at a number, after count.verb-before; the figure is an estimate, a guess or an update
 *  by the words between the toll noun and the number, an estimate or update by an adjective or verb just before the
 *  noun ("the estimated death toll", "bringing the death toll to"); a thing counted is set aside. */
const TOLL = {
  after: 'count.verb-before',
  asides: [{ id: 'count.aside.thing-object', before: [{ list: 'THING_NOUNS' }] }],
  marks: {
    inside: [{ test: { list: 'ESTIMATE_WORDS' }, mark: 'approx' }, { test: { list: 'SPECULATIVE' }, mark: 'speculative' }, { test: { list: 'TOLL_UPDATE_WORDS' }, mark: 'update' }],
    behind: [{ within: 3, test: { list: 'ESTIMATE_WORDS' }, mark: 'approx' }, { within: 4, test: { list: 'TOLL_BRINGING_VERBS' }, mark: 'update' }],
  },
  emits: ALL,
} as const satisfies Omit<TokenPattern, 'tokens' | 'anchor'>;

/** Between a toll noun and its link: up to 24 tokens within the sentence, no rival count among them (bare digits only
 *  in a compound modifier or after one of `digitsAfter`: "a 6.4-magnitude quake", "the magnitude 7.9 quake"). */
const tollPhrase = (link: readonly PatternToken[], digitsAfter: readonly string[]): TokenPattern => {
  const within = { not: ['.', ';', '?'], digits: { after: digitsAfter } } as const;
  // the toll noun nearest the link: "toll" (not "injury toll"), "death count", or a count noun whose category the
  // first keyword after it names ("the number of people injured", "a tally of arrests")
  const gap: PatternToken = { skip: { max: 5, notKeyword: true, not: [...within.not, 'arrests'], digits: within.digits } };
  const category: PatternToken = { oneOf: [{ tokens: [{ keyword: true }] }, { tokens: [{ word: 'arrests' }], category: 'arrested' }] };
  const noun: PatternToken = {
    oneOf: [
      { tokens: [{ word: 'toll' }], notAfter: [{ word: 'injury' }], category: 'killed' },
      { tokens: [{ list: 'DEATH_TALLY_NOUNS' }], onlyAfter: [{ word: 'death' }], category: 'killed' },
      { tokens: [{ list: 'DEATH_TALLY_NOUNS' }, gap, category], notAfter: [{ word: 'death' }] },
      { tokens: [{ list: 'TOLL_COUNT_NOUNS' }, gap, category] },
    ],
  };
  const tokens: readonly PatternToken[] = [noun, { skip: { max: 24, ...within } }, ...link, { number: {} }];
  return { tokens, anchor: tokens.length - 1, ...TOLL };
};

/** A casualty verb before its counted object, and whether it needs people as that object (count.aside.no-person). */
const CASUALTY_VERB: PatternToken = { leftVerb: true, except: ['claimed', 'claiming'], marks: [{ test: { list: 'LEFT_NEEDS_PERSON' }, mark: 'needs-person' }] };

/** count.verb-before: the verb tokens (`verb` the one that is the verb), "all" ("killed all 157 people"), a qualifier,
 *  and the number, tried once count.keyword-after read nothing there. */
const verbObject = (verb: readonly PatternToken[], at: number, more: Partial<TokenPattern>): TokenPattern => {
  const tokens: readonly PatternToken[] = [...verb, { optional: { word: 'all' } }, { qualifier: {} }, { number: {} }];
  return { tokens, anchor: tokens.length - 1, verb: at, after: 'count.keyword-after', emits: ALL, ...more };
};

export const COUNT_RULES: readonly CountRule[] = [
  {
    id: 'count.keyword-after',
    family: 'count',
    categories: ALL,
    anchor: 'a number, then (after a short noun phrase and an auxiliary) a casualty keyword of lexicon KEYWORDS: "31 people were killed", "two more are missing"',
    grammar: 'count-subject',
    setsAside: ['count.aside.perpetrator', 'count.aside.found-safe', 'count.aside.combined', 'count.aside.thing-subject', 'count.aside.no-one', 'count.aside.bare-one', 'count.aside.group-member', 'count.aside.group-of-part', 'count.aside.date', 'count.aside.year', 'count.aside.designation'],
    examples: [
      { category: 'killed', text: 'At least 31 people were killed and 60 injured when the dam burst.', expect: { killed: 31, injured: 60 } },
      { category: 'missing', text: 'Four people were hurt and two more are missing after the storm.', expect: { injured: 4, missing: 2 } },
      { category: 'arrested', text: 'Three men were arrested in the raid.', expect: { arrested: 3 } },
      { category: 'injured', text: 'Three people were killed and one was injured in the crash.', expect: { killed: 3, injured: 1 } },
      { category: 'injured', text: 'Two rangers were killed, one was wounded, and the rest of the patrol escaped unhurt.', expect: { killed: 2, injured: 1 } },
      { category: 'displaced', text: 'Officials said 300 families were forced to flee to shelters.', expect: { displaced: 300 } },
    ],
  },
  {
    id: 'count.verb-before',
    family: 'count',
    categories: ALL,
    anchor: 'an active casualty verb of lexicon LEFT_VERBS, then a counted object: "killed 14 villagers", "recovered 19 bodies"; tried once count.keyword-after read nothing (the checks on the object, its complement and the verb\'s clause are the set-asides below)',
    setsAside: ['count.aside.thing-object', 'count.aside.compound-modifier', 'count.aside.no-person', 'count.aside.missing-complement', 'count.aside.background-event', 'count.aside.other-event-subject', 'count.aside.earlier-period', 'count.aside.perpetrator', 'count.aside.combined', 'count.aside.date', 'count.aside.year'],
    examples: [
      { category: 'killed', text: 'Gunmen killed 14 villagers in a night raid.', expect: { killed: 14 } },
      { category: 'killed', text: 'Rescuers recovered 19 bodies from the rubble.', expect: { killed: 19 } },
      { category: 'killed', text: 'A man accused in a May 25 shooting that killed one and wounded three others entered pleas on Monday.', expect: { killed: 1, injured: 3 } },
      { category: 'killed', text: 'The landslide claimed the lives of 40 villagers.', expect: { killed: 40 } },
      { category: 'arrested', text: 'Police rounded up 300 demonstrators near the square.', expect: { arrested: 300 } },
      { category: 'displaced', text: 'The floods forced some 30,000 residents from their homes.', expect: { displaced: 30000 } },
    ],
    patterns: [
      // "claimed the lives of 40"
      verbObject([{ word: 'lives' }, { word: 'of' }], 0, { category: 'killed' }),
      // "confirmed the deaths of 18 people"
      verbObject([{ word: 'the' }, { list: 'DEATH_NOUNS' }, { word: 'of' }], 1, { category: 'killed', marks: { given: ['needs-person'] } }),
      // "rounded up 300 demonstrators"
      verbObject([{ list: 'ROUND_UP_VERBS' }, { word: 'up' }], 0, { category: 'arrested', marks: { given: ['needs-person'] } }),
      // "moved 1.2 million people to safety" (not "were moved")
      verbObject([{ list: 'RELOCATE_VERBS' }], 0, { category: 'displaced', notAfter: [{ list: 'BE_FORMS' }], marks: { given: ['needs-person', 'needs-refuge'] } }),
      // "rescuers pulled 14 bodies from the river", "divers pulled out 11 bodies"
      verbObject([{ list: 'RECOVER_VERBS' }], 0, { category: 'killed', notAfter: [{ list: 'BE_FORMS' }], marks: { given: ['needs-bodies'] } }),
      verbObject([{ list: 'RECOVER_OUT_VERBS' }, { word: 'out' }], 0, { category: 'killed', notAfter: [{ list: 'BE_FORMS' }], marks: { given: ['needs-bodies'] } }),
      // "forced some 30,000 residents from their homes", "drove 5,000 people to flee"
      verbObject([{ list: 'FORCE_VERBS' }], 0, { category: 'displaced', notAfter: [{ list: 'BE_FORMS' }], marks: { given: ['needs-person', 'needs-homes'] } }),
      // "police took 40 people into custody"
      verbObject([{ list: 'TAKE_VERBS' }], 0, { category: 'arrested', marks: { given: ['needs-person', 'needs-custody'] } }),
      // "killed or wounded 1,500 soldiers", "killed, and injured 40": one count for two outcomes
      verbObject([{ leftVerb: true, differs: true }, { optional: { word: ',' } }, { list: 'OR_AND' }, CASUALTY_VERB], 3, { marks: { given: ['combined'] } }),
      // "killed 14 villagers" (not "were killed 12 days ago"; "claimed" only through "the lives of")
      verbObject([CASUALTY_VERB], 0, { notAfter: [{ list: 'BE_FORMS' }] }),
    ],
  },
  {
    id: 'count.multiple-event',
    family: 'count',
    categories: ['killed', 'injured'],
    anchor: 'a multiplier of lexicon EVENT_MULTIPLIERS before an event noun of MULTIPLE_EVENT_NOUNS: "a triple homicide" (killed), "a double shooting" (everyone shot, who may include the dead)',
    setsAside: [],
    patterns: [{ tokens: [{ multiplier: true }, { eventNoun: true }], anchor: 0, hyphenated: true, emits: ['killed', 'injured'] }],
    examples: [
      { category: 'killed', text: 'Detectives are still looking for a motive in the triple homicide on Elm Court.', expect: { killed: 3 } },
      { category: 'killed', title: 'Suspect in quadruple-murder waives extradition', text: 'The hearing lasted ten minutes.', expect: { killed: 4 } },
      { category: 'injured', text: 'No arrests have been made in Saturday\'s double shooting outside the rink.', expect: { injured: 2 } },
      { category: 'injured', text: 'Police are investigating a double shooting that left one man dead on Fifth Avenue.', expect: { killed: 1, injured: 1 } },
    ],
  },
  {
    id: 'count.murder-charges',
    family: 'count',
    categories: ['killed'],
    anchor: 'a number of at least two before "counts of" and, within a few words, a charge of lexicon KILLING_CHARGES ("charged with two counts of murder", "three counts of criminal homicide"), with no "attempted" before it: as many dead, ranked below every stated figure',
    setsAside: [],
    patterns: [{
      tokens: [{ number: { min: 2 } }, { word: 'counts' }, { word: 'of' }, { skip: { max: 3, not: ['attempted'] } }, { list: 'KILLING_CHARGES' }],
      anchor: 0,
      category: 'killed',
      flags: { implied: true },
      emits: ['killed'],
    }],
    examples: [
      { category: 'killed', text: 'The two teenagers are charged with two counts of criminal homicide in the shooting on Lark Row.', expect: { killed: 2 } },
      { category: 'killed', text: 'She is charged with three counts of first degree murder.', expect: { killed: 3 } },
      { category: 'killed', text: 'He was charged with one count of murder.', expect: { killed: null } },
      { category: 'killed', text: 'He faces three counts of attempted murder after shots were fired into a house.', expect: { killed: null } },
      { category: 'killed', text: 'Three people were killed on Lark Row. He faces four counts of murder, including one for a killing in May.', expect: { killed: 3 } },
    ],
  },
  {
    id: 'count.fatal-event',
    family: 'count',
    categories: ['killed'],
    anchor: 'one event named as one that killed, by an adjective of lexicon FATAL_EVENT_ADJECTIVES before an event of VIOLENT_EVENT_NOUNS ("a deadly shooting") or the event before "death" ("an accidental shooting death"), with no victim after "of" (killed.noun-of reads those), and no number or multiplier before it ("two fatal shootings"): at least one dead, ranked below every stated figure; after "a week after" it is that earlier event\'s (sentence.aside.later-clause)',
    setsAside: [],
    patterns: [
      // "a deadly shooting", "a fatal stabbing death"
      { tokens: [{ list: 'FATAL_EVENT_ADJECTIVES' }, { list: 'VIOLENT_EVENT_NOUNS' }, { optional: { word: 'death' } }], ...FATAL_EVENT },
      // "an accidental shooting death" (not "a deadly shooting death", read above from its adjective)
      { tokens: [{ list: 'VIOLENT_EVENT_NOUNS' }, { word: 'death' }, { optional: { word: 'death' } }], ...FATAL_EVENT, notAfter: [...FATAL_EVENT.notAfter, { list: 'FATAL_EVENT_ADJECTIVES' }] },
    ],
    examples: [
      { category: 'killed', text: 'Detectives are treating the deadly shooting on Birch Lane as a homicide.', expect: { killed: 1 } },
      { category: 'killed', text: 'Police have now linked 2 deadly shooting sprees to the same rifle.', expect: { killed: null } },
      { category: 'killed', title: 'Sheriff looks into accidental shooting death near Millbrook', text: 'Deputies were called to a farm road on Thursday night.', expect: { killed: 1 } },
      { category: 'killed', text: 'Two men were killed in the deadly shooting on Birch Lane.', expect: { killed: 2 } },
      { category: 'killed', text: 'The robbery came a week after a fatal shooting at the same store. Nobody was hurt this time.', expect: { killed: null } },
    ],
  },
  {
    id: 'count.ordinal-victim',
    family: 'count',
    categories: ['injured'],
    anchor: 'one person hurt introduced with "a"/"an" and an ordinal ("a second victim was taken to a hospital", "a fifth victim was wounded"; not "the third victim", one of a group already counted): everyone hurt or killed so far is that many, a count of the shot from which the dead are taken, and an update of any lower count before it',
    setsAside: [],
    readings: { over: 'victim', readings: [{ category: 'injured', is: ['ordinal', 'indefinite'] }], value: 'ordinal', category: 'injured', qualifier: 'exact', update: true, mayIncludeDead: true },
    examples: [
      { category: 'injured', text: 'Police said a man was shot in the leg outside the arcade. A second victim was taken to a hospital by friends.', expect: { injured: 2 } },
      { category: 'injured', text: 'One guard was killed and a second guard was injured in the attack.', expect: { killed: 1, injured: 1 } },
      { category: 'injured', text: 'Four people were found shot to death in the house. A fifth victim was taken to a hospital in critical condition.', expect: { killed: 4, injured: 1 } },
    ],
  },
  {
    id: 'count.scene-and-later',
    family: 'count',
    categories: ['killed'],
    anchor: 'two death counts of one sentence, the first "at/on the scene" (a stated count, no increment), the second after "and" (died later, on the way, at a hospital), neither another incident\'s nor a sub-count: their sum',
    setsAside: [],
    readings: {
      over: 'sentence',
      readings: [
        // (a stated count: one person or "two more" is no count of those who died at the scene)
        { category: 'killed', isNot: ['context', 'subcount', 'single', 'increment'], notRule: ['listed.one-by-one'] },
        // (the later deaths may be told as more, "and two more died on the way"; people listed one by one are added already)
        { category: 'killed', isNot: ['context', 'subcount'], notRule: ['listed.one-by-one'] },
      ],
      between: [{ word: 'scene', within: 9 }, { word: 'and' }],
      value: 'sum',
      category: 'killed',
      qualifier: 'first',
    },
    examples: [
      { category: 'killed', text: 'Three men died at the scene and a fourth was taken to a hospital, where he died.', expect: { killed: 4 } },
      { category: 'killed', text: 'Deputies said two victims died on the scene and two more died on the way to the trauma center.', expect: { killed: 4 } },
    ],
  },
  {
    id: 'count.toll-phrase',
    family: 'count',
    categories: ALL,
    anchor: 'a toll noun phrase before the number: "the death toll rose to 212", "the number of injured stands at 40", "the number of girls still missing, 223," "Dead: 35"; tried once the number-led readers read nothing',
    setsAside: ['toll.aside.superseded', 'toll.aside.speculative', 'count.aside.thing-object'],
    patterns: [
      // "the number of girls still missing, 223, could rise": a count in apposition to a keyword
      { tokens: [{ keyword: true }, { word: ',' }, { qualifier: {} }, { number: {} }], anchor: 3, onlyBefore: [{ list: 'APPOSITION_ENDS' }], ...TOLL },
      // "Dead: 35"
      { tokens: [{ keyword: true }, { word: ':' }, { qualifier: {} }, { number: {} }], anchor: 3, ...TOLL },
      // "the death toll rose to 212", "from one to four" (the "from" side is no rival count)
      tollPhrase([{ word: 'to' }, { qualifier: {} }], ['magnitude', 'from']),
      // "stood at 40", "rose from 40 to 52" (superseded), "rose by 12" (an increment), "has passed 5,000" (a floor)
      tollPhrase([{ marked: { list: 'TOLL_LINKS', marks: [{ test: { word: 'from' }, mark: 'superseded' }, { test: { word: 'by' }, mark: 'increment' }, { test: { list: 'OVER_LINKERS' }, mark: 'floor' }] } }, { qualifier: {} }], ['magnitude']),
      // "the toll rose above 5,000": a change verb before a floor links like "passed", and updates
      tollPhrase([{ marked: { list: 'CHANGE_VERBS', marks: [{ test: { list: 'CHANGE_VERBS' }, mark: 'update' }] } }, { list: 'FLOOR_PREPS' }], ['magnitude']),
    ],
    examples: [
      { category: 'killed', text: 'The death toll from the floods rose to 212 on Tuesday.', expect: { killed: 212 } },
      { category: 'injured', text: 'The number of people injured in the blast stands at 40, officials said.', expect: { injured: 40 } },
      { category: 'missing', text: 'The number of girls still missing, 223, could rise.', expect: { missing: 223 } },
      { category: 'killed', text: 'Officials said the toll from the 6.4-magnitude quake had climbed above 300.', expect: { killed: 300 } },
      { category: 'killed', text: 'Two more bodies were found on Sunday, bringing the death count to 14.', expect: { killed: 14 } },
    ],
  },
  {
    id: 'count.another-object',
    family: 'count',
    categories: ['killed', 'injured', 'hostages', 'arrested'],
    anchor: '"another" closing a second casualty verb after "and", in a sentence that already gave a casualty figure: "killed one guard and wounded another"',
    setsAside: [],
    patterns: [{
      tokens: [{ word: 'and' }, { leftVerb: true }, { word: 'another' }, { phraseEnd: true }],
      anchor: 2,
      afterFigure: true,
      value: 1,
      emits: ['killed', 'injured', 'hostages', 'arrested'],
    }],
    examples: [{ category: 'injured', text: 'The gunmen killed one guard and wounded another.', expect: { killed: 1, injured: 1 } }],
  },
  {
    id: 'count.bodies-object',
    family: 'count',
    categories: ['killed'],
    anchor: 'a second counted object of "found"/"recovered" that is bodies: "found 23 survivors and seven bodies" (the first object, not bodies, is set aside by count.verb-before as count.aside.missing-complement)',
    setsAside: [],
    patterns: [
      // "divers found 23 survivors and seven bodies", "recovered all 12 crew, and at least 3 corpses"
      bodiesObject([{ list: 'RECOVER_VERBS' }]),
      // "pulled out 4 survivors and 2 bodies"
      bodiesObject([{ list: 'RECOVER_OUT_VERBS' }, { word: 'out' }]),
    ],
    examples: [
      { category: 'killed', text: 'Divers found 23 survivors and seven bodies in the hull.', expect: { killed: 7 } },
      { category: 'killed', text: 'Crews pulled out four miners, and at least two bodies from the shaft.', expect: { killed: 2 } },
    ],
  },
  {
    id: 'single.subject-keyword',
    family: 'single',
    categories: ALL,
    anchor: 'one person described before a casualty keyword: "a policeman was killed", "a soldier wounded"',
    grammar: 'single-subject',
    setsAside: ['single.aside.acts-on-others', 'single.aside.fatally-hurt', 'count.aside.perpetrator', 'count.aside.combined', 'count.aside.found-safe'],
    examples: [{ category: 'injured', text: 'A policeman was killed and a soldier wounded in the ambush.', expect: { killed: 1, injured: 1 } }],
  },
  {
    id: 'single.object-list',
    family: 'single',
    categories: ALL,
    anchor: 'people described one by one after an active casualty verb: "kidnapped a priest", "killed a guard"',
    setsAside: ['single.aside.relative-or-passive'],
    patterns: [{
      // "kidnapped a village priest", "killing a soldier and a policeman" (2); not "claimed a …"
      tokens: [
        { leftVerb: true, except: ['claimed', 'claiming'] },
        { repeat: { tokens: [{ list: 'INDEFINITE_ARTICLES' }, { skip: { max: 5, modifiers: true } }, { list: 'PERSON_SINGULAR' }], joiner: 'and' } },
      ],
      anchor: 1,
      asides: [{ id: 'single.aside.relative-or-passive', after: [{ list: 'RELATIVE' }, { list: 'BE_FORMS' }] }],
      flags: { single: 'if-one' },
      emits: ALL,
    }],
    examples: [
      { category: 'hostages', text: 'Gunmen kidnapped a village priest on the road to the market.', expect: { hostages: 1 } },
      { category: 'hostages', text: 'Gunmen kidnapped a 59-year-old station master and a young nurse on the road to the market.', expect: { hostages: 2 } },
    ],
  },
];

export const SET_ASIDES: readonly SetAside[] = [
  {
    id: 'count.aside.perpetrator',
    description: 'the counted people are attackers ("two of the attackers were killed", "troops killed 12 gunmen"): their deaths and wounds are not the incident\'s toll',
    effect: 'vetoes',
    examples: [
      { rule: 'count.keyword-after', text: 'Police said two of the attackers were killed in the exchange of fire.', expect: { killed: null }, without: { killed: 2 } },
      { rule: 'count.verb-before', text: 'Soldiers killed 12 gunmen near the border post.', expect: { killed: null }, without: { killed: 12 } },
    ],
  },
  {
    id: 'count.aside.found-safe',
    description: 'a missing count whose own clause says they were found alive or safe ("nine fishermen who had been missing were found alive"): no longer missing',
    effect: 'vetoes',
    examples: [{ rule: 'count.keyword-after', text: 'Nine fishermen who had been missing since Sunday were found alive on a sandbank.', expect: { missing: null }, without: { missing: 9 } }],
  },
  {
    id: 'count.aside.combined',
    description: 'one count for two outcomes ("killed or injured", "hurt and killed", "killed, wounded or captured"): a combined figure is never split into either',
    effect: 'demotes',
    examples: [{ rule: 'count.keyword-after', text: 'At least 40 people were killed or injured in the blast.', expect: { killed: null, injured: null }, without: { killed: 40 } }],
  },
  {
    id: 'count.aside.thing-subject',
    description: 'a count of things before an active casualty verb whose own object is counted ("attacks on three churches and two hotels wounded about 500 people"): the object is the toll',
    effect: 'vetoes',
    examples: [{ rule: 'count.keyword-after', text: 'The attacks on three churches and two hotels also wounded about 500 people.', expect: { injured: 500 } }],
  },
  {
    id: 'count.aside.no-one',
    description: '"one" after "no" or "the" ("no one died", "the one who was hurt"): nobody, or someone already named, not a count',
    effect: 'vetoes',
    examples: [{ rule: 'count.keyword-after', text: 'No one died in the warehouse fire.', expect: { killed: null }, without: { killed: 1 } }],
  },
  {
    id: 'count.aside.bare-one',
    description: '"one" in words with no person noun before a keyword other than a death ("officials said one was hurt"): read as a pronoun, not a count (a death, "one died", is kept, and so is one more person after "and" beside another count: "three were killed and one was injured")',
    effect: 'vetoes',
    examples: [{ rule: 'count.keyword-after', text: 'Officials said one was hurt.', expect: { injured: null }, without: { injured: 1 } }],
  },
  {
    id: 'count.aside.group-member',
    description: 'a number before "of N" after a linking word or comma, or anywhere in a headline ("he was one of three people wounded", "Police: one of three hurt"): it names members of the group of N, the figure',
    effect: 'vetoes',
    examples: [
      { rule: 'count.keyword-after', text: 'He was one of three people wounded in the attack.', expect: { injured: 3 } },
      { rule: 'count.keyword-after', title: 'Police: one of three people hurt in Elm Street shooting', text: 'The shooting happened late on Friday.', expect: { injured: 3 }, without: { injured: 1 } },
    ],
  },
  {
    id: 'count.aside.group-of-part',
    description: 'the whole of a part that has a figure of its own ("four of the five victims died"): the five are the group the four belong to',
    effect: 'vetoes',
    examples: [{ rule: 'count.keyword-after', text: 'Four of the five victims died at the scene.', expect: { killed: 4 } }],
  },
  {
    id: 'count.aside.date',
    description: 'a day of a month ("March 12", "12 March", "the March five earthquake"): a date, never a count',
    effect: 'vetoes',
    examples: [{ rule: 'count.keyword-after', text: 'A March 12 fire killed four workers at the mill.', expect: { killed: 4 } }],
  },
  {
    id: 'count.aside.year',
    description: 'a year after a date preposition, or with no person noun or keyword right after it ("in 2017 storms killed 12 people"): a date, never a count',
    effect: 'vetoes',
    examples: [{ rule: 'count.keyword-after', text: 'In 2017 storms killed 12 people in the valley.', expect: { killed: 12 } }],
  },
  {
    id: 'count.aside.designation',
    description: 'bare digits right after a capitalised name inside a body sentence ("Dash 8", "Flight 370"): the name\'s designation, not a count',
    effect: 'vetoes',
    examples: [{ rule: 'count.keyword-after', text: 'Five people aboard Apollo 13 died when it went down.', expect: { killed: 5 } }],
  },
  {
    id: 'count.aside.thing-object',
    description: 'the counted object is a thing ("killed 300 cattle", "the toll reached 40 houses"): not people',
    effect: 'vetoes',
    examples: [{ rule: 'count.verb-before', text: 'The floods killed 300 cattle in the lowlands.', expect: { killed: null }, without: { killed: 300 } }],
  },
  {
    id: 'count.aside.compound-modifier',
    description: 'the number is the first part of a hyphenated modifier ("killed 17-year-old Sam Reyes"): an age or size, not a count',
    effect: 'vetoes',
    examples: [{ rule: 'count.verb-before', text: 'The crash killed 17-year-old Sam Reyes on the ring road.', expect: { killed: 1 }, without: { killed: 17 } }],
  },
  {
    id: 'count.aside.no-person',
    description: 'a verb that needs people as its object ("seized", "claimed", "evacuated", "treated") with no person noun after the count, or "one of" without people ("seized 20 rifles")',
    effect: 'vetoes',
    examples: [{ rule: 'count.verb-before', text: 'Troops seized 20 rifles at the checkpoint.', expect: { hostages: null }, without: { hostages: 20 } }],
  },
  {
    id: 'count.aside.missing-complement',
    description: 'a verb that counts casualties only with its complement lacks it: "forced" without "from their homes"/"to flee", "found" without "bodies", "took" without "into custody", "moved" without "to safety"',
    effect: 'vetoes',
    examples: [{ rule: 'count.verb-before', text: 'The storm forced 5,000 people to stay indoors.', expect: { displaced: null }, without: { displaced: 5000 } }],
  },
  {
    id: 'count.aside.background-event',
    description: 'a toll in a relative clause on an earlier event introduced by "after"/"following"/"since", of a kind the headline never names ("adopted after an earthquake that killed up to 1,000 people")',
    effect: 'vetoes',
    examples: [{ rule: 'count.verb-before', title: 'Parliament adopts reconstruction package', text: 'The package was adopted after an earthquake that killed up to 1,000 people.', expect: { killed: null }, without: { killed: 1000 } }],
  },
  {
    id: 'count.aside.other-event-subject',
    description: 'the subject of the casualty verb is an event of another kind, introduced as an earlier cause, that neither headline nor first sentence speaks of ("days after a tanker explosion killed more than 150 people")',
    effect: 'vetoes',
    examples: [{ rule: 'count.verb-before', title: 'Gunmen kidnap 20 students in Zamfara', text: 'Gunmen kidnapped 20 students from a school on Monday. The kidnapping came days after a fuel tanker explosion in a neighbouring state killed more than 150 people.', expect: { hostages: 20, killed: null }, without: { killed: 150 } }],
  },
  {
    id: 'count.aside.earlier-period',
    description: 'a casualty verb in a relative clause dated to an earlier period ("gangs that killed about 40 villagers last month"): another incident\'s toll',
    effect: 'vetoes',
    examples: [{ rule: 'count.verb-before', text: 'Police arrested two men from armed gangs that killed about 40 villagers last month.', expect: { arrested: 2, killed: null }, without: { killed: 40 } }],
  },
  {
    id: 'toll.aside.superseded',
    description: 'the toll a change started from ("the death toll rose from 40 to 52"): an earlier, superseded figure',
    effect: 'demotes',
    examples: [{ rule: 'count.toll-phrase', text: 'The death toll rose from 40 to 52 on Monday.', expect: { killed: 52 } }],
  },
  {
    id: 'toll.aside.speculative',
    description: 'a toll in a guess ("officials fear the toll could rise to 300"): weaker than any count',
    effect: 'demotes',
    examples: [{ rule: 'count.toll-phrase', text: 'Twelve people were killed, and officials fear the death toll could rise to 300.', expect: { killed: 12 } }],
  },
  {
    id: 'single.aside.acts-on-others',
    description: 'one person who is the agent of an active casualty verb with an object ("a soldier killed three civilians"): no casualty',
    effect: 'vetoes',
    examples: [{ rule: 'single.subject-keyword', text: 'A soldier killed three civilians at a checkpoint.', expect: { killed: 3 } }],
  },
  {
    id: 'single.aside.fatally-hurt',
    description: 'one person "fatally injured" or "fatally wounded": a death (killed.passive reads it), not one more hurt',
    effect: 'vetoes',
    examples: [{ rule: 'single.subject-keyword', text: 'A 2-year-old girl was fatally injured on Friday by shots fired into her car.', expect: { killed: 1, injured: null }, without: { killed: 1, injured: 1 } }],
  },
  {
    id: 'single.aside.relative-or-passive',
    description: 'one person after a casualty verb that opens a relative clause or follows "was/were" ("the gang that killed a shopkeeper", "were killed a day later"): background, or no object',
    effect: 'vetoes',
    examples: [{ rule: 'single.object-list', title: 'Allies condemn missile strike', text: 'The strike that killed a commander drew condemnation from allies.', expect: { killed: null }, without: { killed: 1 } }],
  },
];

/**
 * Checks of the whole sentence a candidate stands in, made once every rule (count or victim row) has read it: each
 * vetoes or demotes every candidate of the sentence it applies to, and is recorded under the candidate's rule.
 */
export const SENTENCE_ASIDES: readonly SetAside[] = [
  {
    id: 'sentence.aside.older-incident',
    description: 'the sentence names a year before the report\'s (outside an aside), "last September", or a phrase of another incident ("last year", "in a separate attack", "years of unrest"): its figures are another incident\'s',
    effect: 'demotes',
    examples: [{ rule: 'count.verb-before', title: 'Flood warning for the valley', text: 'Last year, a flood killed 200 people in the valley.', expect: { killed: null }, without: { killed: 200 } }],
  },
  {
    id: 'sentence.aside.other-story-headline',
    description: 'a short one-sentence paragraph without a closing stop, below the lead: a page\'s link to another story, whose figures are that story\'s',
    effect: 'demotes',
    examples: [{ rule: 'count.keyword-after', text: 'A fire damaged a warehouse on Main Street on Monday. Nobody was inside. Crews stayed overnight.\n\nTwo killed in highway crash near Dover\n\nThe cause of the fire is under investigation.', expect: { killed: null }, without: { killed: 2 } }],
  },
  {
    id: 'sentence.aside.older-month',
    description: 'a sentence opening on a month two to six months before the report\'s ("In March, …"), or a running total "since January" two or more months back: a past episode or an ongoing conflict\'s total',
    effect: 'demotes',
    examples: [{ rule: 'count.verb-before', text: 'In March, gunmen killed 12 villagers near the dam.', expect: { killed: null }, without: { killed: 12 } }],
  },
  {
    id: 'sentence.aside.dated-aside',
    description: 'a figure inside an aside (", which …," or a bracket) that names an older year: it dates only the aside\'s background',
    effect: 'demotes',
    examples: [{ rule: 'count.verb-before', text: 'The attack on the market (a 2015 raid there killed 30 people) left four dead.', expect: { killed: 4 }, without: { killed: 30 } }],
  },
  {
    id: 'sentence.aside.later-clause',
    description: 'a figure of another category after "hours/days after" in a sentence that already gave one ("police arrested two men, hours after a bomb killed nine people"): a separate, earlier event',
    effect: 'demotes',
    examples: [{ rule: 'count.verb-before', text: 'Police arrested two men, hours after a bomb killed nine people.', expect: { arrested: 2, killed: null }, without: { killed: 9 } }],
  },
  {
    id: 'sentence.aside.superseded',
    description: 'a figure before "but" in a sentence that says it was replaced ("earlier", "initially", "had said"): a superseded estimate',
    effect: 'demotes',
    examples: [{ rule: 'count.keyword-after', text: 'Officials had earlier said 40 people were missing, but 17 are now unaccounted for.', expect: { missing: 17 }, without: { missing: 40 } }],
  },
  {
    id: 'sentence.aside.stranded',
    description: '"trapped" in a flood (on rooftops, by rising water, stranded, cut off) in a sentence that does not say missing: stranded people reached by boats, not the missing',
    effect: 'vetoes',
    examples: [{ rule: 'count.keyword-after', text: 'Thousands of people were trapped on rooftops by the floods.', expect: { missing: null }, without: { missing: 2000 } }],
  },
  {
    id: 'sentence.aside.death-cause',
    description: 'a death count with another cause after it ("died of cholera", "killed in road accidents"): a sub-count when the headline or lead names that cause, else another incident',
    effect: 'demotes',
    examples: [{ rule: 'count.keyword-after', text: 'In the relief camps, 324 people had died of cholera.', expect: { killed: null }, without: { killed: 324 } }],
  },
  {
    id: 'sentence.aside.dated-earlier',
    description: 'a later sentence that dates what it tells earlier ("last week", "two years ago", "a previous shooting"), in a story whose lead does not: its count and single readings are another incident\'s',
    effect: 'demotes',
    examples: [{ rule: 'count.keyword-after', text: 'Two men were shot on Oak Street on Sunday. Last week, three people were killed on the same block.', expect: { killed: null }, without: { killed: 3 } }],
  },
  {
    id: 'sentence.aside.round-up',
    description: 'a sentence that sums several events ("hurt in two shootings", "a violent weekend", "a total of"): its killed and injured figures are sub-counts that one incident\'s own count outranks',
    effect: 'demotes',
    examples: [{ rule: 'count.keyword-after', text: 'Three people were hurt in two shootings on Saturday.', expect: { injured: 3 } }],
  },
];
