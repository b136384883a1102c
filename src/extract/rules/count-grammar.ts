// The grammar of a counted subject and its casualty word ("two of the 14 miners who refused to leave were later found
// dead"), as named sub-patterns (non-terminals) that reference each other, run by rules/grammar.ts. The rows
// count.keyword-after (after a number) reads `count-subject`, single.subject-keyword (after "a"/"an") `single-subject`:
//   [increment] [of-part] victim-np [aux-chain] KEYWORD keyword-rest
// Order replaces a flag: a noun-phrase step can only come before the auxiliary chain, which comes before the keyword.
// What a word tells about the figure (a person noun, an attacker, a guess) is a mark set by the node that read it.
import type { Category } from '../../schema';
import type { PatternList } from '../lexicon/pattern-lists';
import type { SetAsideId } from './count-rules';

/** What a match tells about the figure: the flags of RightScan (figures.ts), and two the grammar keeps for itself. */
export type GrammarMark =
  | 'increment' | 'subcount' | 'person' | 'singularPerson' | 'speculative' | 'combined' | 'adjectival'
  /** "two of the 14 people": a part of a stated total */
  | 'ofTotal'
  /** an attacker noun in the subject ("two of the attackers") */
  | 'perpetrator'
  /** "bodies" in the subject, or the count sits in "the bodies of" */
  | 'bodies'
  /** a second counted group was added ("two soldiers and three civilians") */
  | 'coordinated'
  /** the second group was of attackers: it adds nothing */
  | 'perpCoord';

/** A condition on what the match has read so far. */
export interface GrammarWhen {
  /** noun-phrase words read: some, none, or the most a subject may have (NP_MAX) */
  np?: 'some' | 'none' | 'full';
  has?: readonly GrammarMark[];
  lacks?: readonly GrammarMark[];
  /** only in the outermost subject, not in a coordinated second group */
  outermost?: true;
  /** the figure's category (read by a keyword) is one of these */
  cat?: readonly Category[];
}

/** A test of one token's shape: its kind, its text (one of), glued to the token before, capitalised, its ending. */
export interface TokenShape {
  k?: 'num' | 'word' | 'punct';
  t?: readonly string[];
  /** its text is a word of the list (quotation marks are compared as written) */
  tIn?: PatternList;
  glued?: true;
  cap?: true;
  ends?: readonly string[];
}

/** The named sub-patterns. */
export type NonTerminal =
  | 'count-subject' | 'single-subject' | 'subject' | 'np-step' | 'aux-start' | 'aux-step' | 'victim-keyword' | 'keyword-tail' | 'aux-keyword-tail'
  | 'keyword-rest' | 'combined-outcomes' | 'found-safe' | 'found-then-safe' | 'clause-stop' | 'lives-not-keyword'
  | 'parenthetical' | 'hostage-in-subject' | 'part-of-total' | 'perpetrator-veto' | 'counted-places' | 'place-name' | 'np-word'
  | 'relative-clause' | 'reduced-relative' | 'possessive' | 'measure' | 'aux-run' | 'coordinated-head' | 'coordinated-count'
  | 'second-group-noun' | 'attackers-near' | 'attacker-subject' | 'bodies-recovered';

/**
 * One node of the grammar. Combinators, each in one line:
 * - `seq`: the nodes in order; with `within`, each must start fewer than `within` tokens from where the seq starts;
 * - `first`: the first alternative that matches (an ordered choice; what a failed one marked is undone);
 * - `star`: the node as often as it matches (greedy, never given back); `within` as seq's, `max` times at most,
 *   `steps`: each time costs one step of the subject's budget (STEP_BUDGET);
 * - `opt`: the node or nothing;  `ref`: the named sub-pattern;
 * - `ahead` / `notAhead`: the node does / does not match here (nothing consumed; `ahead` keeps what it read);
 * - `at`: the node matches `at` tokens from here (a look behind with a negative offset), nothing consumed;
 * - `exit`: inside a `star`'s `first`: when the node matches here the repetition ends (the node is what follows it);
 * - `reject`: the whole reading fails (no alternative is tried); `commit`: the node, or the whole reading fails;
 * - `sub`: the named sub-pattern read afresh as a second counted group (one level deeper), then the outer reading
 *   takes its figure, keeping its own `keep` marks, adding `add`, dropping `drop`;
 * - `check`: matches the empty span (its `when` is the test).
 * Terminals: `word` (that word), `list` (a word of lexicon/pattern-lists.ts), `tok` (a token of that shape),
 * `number` (a number expression of numbers.ts; `plain`: no vague or range one; `capture`: the second group's count),
 * `keyword` (a casualty keyword of lexicon RIGHT_KEYWORDS; `cats`: of these categories; `oneWord`; `figure`: its
 * category is the figure's), `designation` (a name's digits, "Dash 8"), `aside` (the named set-aside holds here).
 * Any node may carry `when` (tested first), `step` (costs one step of the budget), and on a match: `np` (one more
 * noun-phrase word), `mark` (marks given), `markIf` (marks given when its first token is a word of the list),
 * `category` (the figure's category).
 */
export type GrammarNode = {
  when?: GrammarWhen;
  step?: true;
  np?: true;
  mark?: readonly GrammarMark[];
  markIf?: readonly { list: PatternList; mark: readonly GrammarMark[] }[];
  category?: Category;
} & (
  | { seq: readonly GrammarNode[]; within?: number }
  | { first: readonly GrammarNode[] }
  | { star: GrammarNode; within?: number; max?: number; steps?: true }
  | { opt: GrammarNode }
  | { ref: NonTerminal }
  | { ahead: GrammarNode }
  | { notAhead: GrammarNode }
  | { at: number; is: GrammarNode }
  | { exit: GrammarNode }
  | { reject: true }
  | { commit: GrammarNode }
  | { sub: NonTerminal; keep: readonly GrammarMark[]; add: readonly GrammarMark[]; drop: readonly GrammarMark[] }
  | { check: true }
  | { word: string }
  | { list: PatternList }
  | { tok: TokenShape }
  | { number: { plain?: true; capture?: true } }
  | { keyword: { cats?: readonly Category[]; oneWord?: true; figure?: true } }
  | { designation: true }
  | { aside: SetAsideId }
);

/** The loop steps a subject may take before its keyword (each noun-phrase word, auxiliary or skipped aside is one). */
export const STEP_BUDGET = 12;
/** The noun-phrase words a subject may have ("four young Chinese men"). */
export const NP_MAX = 4;

const ref = (name: NonTerminal): GrammarNode => ({ ref: name });
const w = (word: string): GrammarNode => ({ word });
const list = (l: PatternList): GrammarNode => ({ list: l });
const reject: GrammarNode = { reject: true };
const anyTok: GrammarNode = { tok: {} };
const punct: GrammarNode = { tok: { k: 'punct' } };
const digits: GrammarNode = { tok: { k: 'num' } };
const comma: GrammarNode = { tok: { t: [','] } };
const gluedHyphen: GrammarNode = { tok: { t: ['-'], glued: true } };
const anyKeyword: GrammarNode = { keyword: {} };
const quote: GrammarNode = { tok: { k: 'punct', tIn: 'QUOTE_CHARS' } };

/** The grammar, sub-pattern by sub-pattern; each says in its comment what it reads and an example of our own. */
export const COUNT_GRAMMAR: Readonly<Record<NonTerminal, GrammarNode>> = {
  /** From just past a count (or "a"/"an"): "[12 ]more [of them] …", "[32 ]of the 543 passengers were …",
   *  "[27 ]of the dead had been identified"; after "of …" the reading is committed. */
  'count-subject': {
    seq: [
      // "the bodies of 14 miners were recovered": the count sits inside "bodies of"
      { opt: { seq: [{ at: -2, is: w('of') }, { at: -3, is: list('BODIES_OF_HEADS') }], mark: ['bodies'] } },
      { opt: { list: 'INCREMENT_WORDS', mark: ['increment'] } },
      {
        first: [
          { seq: [w('of'), { list: 'OF_PRONOUNS', mark: ['subcount'] }, { commit: ref('subject') }] },
          // "two of the 14 people killed were police officers": a part of a stated total
          { seq: [w('of'), w('the'), { ...digits, mark: ['ofTotal'] }, { commit: ref('subject') }] },
          { seq: [w('of'), w('the'), { number: {}, mark: ['ofTotal'] }, { commit: ref('subject') }] },
          // "27 of the dead had been identified": a part of the dead
          { seq: [w('of'), { word: 'the', mark: ['subcount'] }, { first: [{ seq: [{ keyword: { figure: true }, mark: ['person'] }, ref('keyword-rest')] }, { commit: ref('subject') }] }] },
          { seq: [w('of'), { ahead: { tok: { k: 'word' } } }, { commit: ref('subject') }] },
          ref('subject'),
        ],
      },
    ],
  },
  /** "a policeman was killed", "police said a guard was wounded": one person as the subject, after "a"/"an" that
   *  opens the sentence or stands after a clause boundary or a verb of reporting (not "killed a guard"). */
  'single-subject': {
    seq: [
      { first: [{ at: -2, is: { first: [punct, list('BOUNDARY_WORDS'), list('REPORT_VERBS')] } }, { notAhead: { at: -2, is: anyTok } }] },
      ref('count-subject'),
      { check: true, when: { has: ['singularPerson'], lacks: ['increment'] } },
    ],
  },
  /** victim-np, then the auxiliary chain, then the keyword: "three young men [who …] were reportedly shot". */
  subject: {
    seq: [
      { star: ref('np-step'), steps: true },
      {
        first: [
          ref('keyword-tail'),
          { seq: [ref('aux-start'), { star: ref('aux-step'), steps: true }, { first: [ref('aux-keyword-tail'), ref('bodies-recovered')] }] },
          ref('coordinated-count'),
        ],
      },
    ],
  },
  /** One step of the victims' noun phrase, in the order the choices are tried ("a 35-year-old man", "five crew
   *  aboard the coast guard Dash 8", "80 people in eight cities", "10,000 people across Florida"). */
  'np-step': {
    first: [
      quote,
      { seq: [gluedHyphen, reject] }, // "35-year-old", "12-story"
      ref('parenthetical'),
      { seq: [punct, reject] },
      { seq: [{ ahead: ref('hostage-in-subject') }, { opt: ref('part-of-total') }, anyTok], np: true, mark: ['person'] },
      { exit: ref('victim-keyword') },
      { seq: [digits, gluedHyphen, { tok: { k: 'word', glued: true } }], np: true }, // an age: "a 35-year-old man"
      { designation: true },
      { seq: [digits, reject] },
      { exit: ref('relative-clause') },
      { exit: ref('reduced-relative') },
      ref('counted-places'),
      { exit: list('AUX') },
      { seq: [list('BLOCK_NOUNS'), reject] },
      { exit: ref('coordinated-head') },
      // "soldiers and policemen were killed"
      { seq: [w('and'), { ahead: list('PERSON_PLURAL') }, { notAhead: anyKeyword }], when: { np: 'some' } },
      { seq: [w('and'), reject], when: { np: 'some' } },
      ref('place-name'),
      { seq: [{ notAhead: { word: 'of', when: { np: 'none' } } }, list('STOP_NP'), reject] },
      { reject: true, when: { np: 'full' } },
      ref('np-word'),
    ],
  },
  /** A word of the noun phrase, and what it tells: people, one person, attackers, bodies. */
  'np-word': {
    tok: {},
    np: true,
    markIf: [
      { list: 'PERSON_PLURAL', mark: ['person'] },
      { list: 'PERPETRATORS', mark: ['perpetrator'] },
      { list: 'PERSON_SINGULAR', mark: ['person', 'singularPerson'] },
      { list: 'BODY_NOUNS', mark: ['bodies'] },
    ],
  },
  /** "Ten people, among them three children, were injured": an aside of up to eight tokens between commas. */
  parenthetical: { seq: [comma, list('PARENTHETICAL_OPENERS'), { star: { seq: [{ notAhead: comma }, anyTok] }, within: 8 }, comma], when: { np: 'some' } },
  /** "three hostages and four attackers were killed": a hostage noun before a second count is a word of the subject. */
  'hostage-in-subject': { seq: [{ keyword: { cats: ['hostages'], oneWord: true } }, w('and'), { notAhead: punct }, { number: {} }], when: { outermost: true } },
  /** "four of the five victims died": a keyword that is no finite verb makes the part a sub-count. */
  'part-of-total': { notAhead: list('FINITE_KEYWORDS'), when: { has: ['ofTotal'] }, mark: ['subcount'] },
  /** "more than 80 people in eight cities were detained": a counted place phrase inside the noun phrase. */
  'counted-places': { seq: [list('PLACE_PREPS'), { notAhead: punct }, { number: {} }, list('PLACE_NOUNS')], when: { np: 'some', has: ['person'] } },
  /** "10,000 people across Florida": a named place inside the noun phrase. */
  'place-name': { seq: [list('PLACE_PREPS'), { tok: { cap: true } }, { star: { tok: { k: 'word', cap: true } } }], when: { np: 'some' } },
  /** "the lives of": "lives" after a noun-phrase word is a noun, not the keyword. */
  'lives-not-keyword': { seq: [{ at: 0, is: w('lives') }, { keyword: { cats: ['killed'] } }], when: { np: 'some' } },
  /** The casualty keyword that ends a subject; its category is the figure's. */
  'victim-keyword': { seq: [{ notAhead: ref('lives-not-keyword') }, { keyword: { figure: true } }] },
  /** "two of the attackers were killed": attackers' deaths are no casualties of the incident. */
  'perpetrator-veto': { seq: [{ aside: 'count.aside.perpetrator' }, reject], when: { has: ['perpetrator'], cat: ['killed', 'injured'] } },
  /** The keyword right after the noun phrase ("four of the five victims died"). */
  'keyword-tail': {
    seq: [{ ahead: ref('victim-keyword') }, { opt: ref('perpetrator-veto') }, { opt: ref('part-of-total') }, ref('victim-keyword'), ref('keyword-rest')],
    step: true,
  },
  /** The keyword after the auxiliary chain ("were later found dead"). */
  'aux-keyword-tail': { seq: [{ ahead: ref('victim-keyword') }, { opt: ref('perpetrator-veto') }, ref('victim-keyword'), ref('keyword-rest')], step: true },
  /** What opens the auxiliary chain: a relative clause, a participle phrase, or an auxiliary ("feared" is a guess). */
  'aux-start': {
    first: [ref('relative-clause'), ref('reduced-relative'), { list: 'AUX', markIf: [{ list: 'SPECULATIVE', mark: ['speculative'] }] }],
    step: true,
  },
  /** One step of the auxiliary chain ("have been", "was shot and wounded", "were beaten and killed"). */
  'aux-step': {
    first: [
      quote,
      { seq: [gluedHyphen, reject] },
      ref('parenthetical'),
      { seq: [punct, reject] },
      { seq: [{ ahead: ref('hostage-in-subject') }, anyTok], np: true, mark: ['person'] },
      { exit: ref('victim-keyword') },
      { seq: [digits, reject] },
      { exit: { list: 'RECOVERY_PARTICIPLES', when: { has: ['bodies'] } } },
      { seq: [w('and'), { ahead: anyKeyword }] },
      { seq: [{ tok: { k: 'word', ends: ['ed', 'en'] } }, w('and'), { ahead: anyKeyword }] },
      ref('counted-places'),
      { list: 'AUX', markIf: [{ list: 'SPECULATIVE', mark: ['speculative'] }] },
      { list: 'SPECULATIVE', mark: ['speculative'] },
      reject,
    ],
  },
  /** "the bodies of 14 miners were recovered": a recovery participle after bodies counts the dead. */
  'bodies-recovered': { list: 'RECOVERY_PARTICIPLES', when: { has: ['bodies'] }, category: 'killed', mark: ['person'], step: true },
  /** "seven men who refused to leave the land were arrested": a relative clause of words (a possessive, a measure)
   *  up to the subject's own "were"/"had", then auxiliaries and the keyword (not consumed). "who were killed" is
   *  itself the casualty statement and read as one. */
  'relative-clause': {
    seq: [
      list('RELATIVE_OPENERS'),
      { notAhead: list('BE_HAD_HAVE') },
      anyTok,
      {
        seq: [
          { star: { first: [ref('possessive'), ref('measure'), { seq: [{ notAhead: anyKeyword }, { notAhead: list('BE_HAVE_FORMS') }, { tok: { k: 'word' } }] }] }, within: 16 },
          list('BE_HAVE_FORMS'),
        ],
        within: 16,
      },
      ref('aux-run'),
    ],
    when: { np: 'some', has: ['person'], outermost: true },
  },
  /** "nine men suspected of being smugglers were arrested", "a man believed to be the captain was taken into custody". */
  'reduced-relative': {
    seq: [
      list('REDUCED_RELATIVE'),
      list('REDUCED_RELATIVE_PREPS'),
      {
        seq: [
          {
            star: {
              first: [
                ref('possessive'),
                ref('measure'),
                { seq: [{ notAhead: anyKeyword }, { at: -1, is: w('to') }, list('BARE_BE_HAVE')] },
                { seq: [{ notAhead: anyKeyword }, w('being')] },
                { seq: [{ notAhead: anyKeyword }, { notAhead: list('BE_HAVE_FORMS') }, { tok: { k: 'word' } }] },
              ],
            },
            within: 16,
          },
          // "believed to be dead": the keyword after an auxiliary ends the phrase
          { first: [{ seq: [{ ahead: anyKeyword }, { at: -1, is: list('AUX') }] }, list('BE_HAVE_FORMS')] },
        ],
        within: 16,
      },
      ref('aux-run'),
    ],
    when: { np: 'some', has: ['person'], outermost: true },
  },
  /** "the boat's captain" inside a clause. */
  possessive: { seq: [{ tok: { t: ["'", '’'], glued: true } }, w('s')] },
  /** "seven miles off the coast": a measure, never another count of people. */
  measure: { seq: [digits, list('MEASURE_UNITS')] },
  /** Up to three auxiliaries after a clause's "were", then a keyword (not consumed). */
  'aux-run': { seq: [{ star: { seq: [{ notAhead: anyKeyword }, list('AUX')] }, max: 3 }, { ahead: anyKeyword }] },
  /** "and" + a plain count + a noun of people within three words: a second counted group. */
  'coordinated-head': { seq: [w('and'), { number: { plain: true, capture: true } }, { ahead: ref('second-group-noun') }], when: { np: 'some', has: ['person'], outermost: true } },
  /** "135 people and 5,000 were wounded" is two figures: the second count needs its own noun of people. */
  'second-group-noun': { seq: [{ star: { seq: [{ notAhead: anyKeyword }, { notAhead: list('PERSON_OR_PERPETRATOR') }, anyTok] }, within: 3 }, { notAhead: anyKeyword }, list('PERSON_OR_PERPETRATOR')], within: 3 },
  /** "two soldiers and three civilians were killed" = 5; a second group of attackers adds nothing. Committed once
   *  the head matched: the second group's reading is the figure, or there is none. */
  'coordinated-count': {
    seq: [
      ref('coordinated-head'),
      {
        commit: {
          seq: [
            {
              first: [
                { seq: [{ ahead: ref('attackers-near') }, { sub: 'attacker-subject', keep: ['subcount', 'increment'], add: ['person'], drop: ['singularPerson'], mark: ['perpCoord'] }] },
                { sub: 'count-subject', keep: ['subcount', 'increment'], add: ['person'], drop: ['singularPerson'] },
              ],
            },
            { check: true, when: { cat: ['killed', 'injured', 'missing', 'hostages', 'arrested'], lacks: ['adjectival'] } },
          ],
        },
      },
    ],
    mark: ['coordinated'],
    step: true,
  },
  'attackers-near': { first: [{ at: 0, is: list('PERPETRATORS') }, { at: 1, is: list('PERPETRATORS') }, { at: 2, is: list('PERPETRATORS') }] },
  /** "and four attackers were killed": the category the attackers' phrase would have (its veto is not asked). */
  'attacker-subject': {
    seq: [
      { seq: [{ star: { seq: [{ notAhead: punct }, { notAhead: digits }, { notAhead: anyKeyword }, anyTok] }, within: 8 }, { keyword: { figure: true }, mark: ['person'] }], within: 8 },
      ref('keyword-rest'),
    ],
  },
  /** After the keyword: a combined figure ("dead or missing"), a sub-count ("identified"), the missing found safe, a
   *  keyword used as an adjective ("displaced women"). */
  'keyword-rest': {
    seq: [
      { opt: { seq: [{ ahead: ref('combined-outcomes') }, { aside: 'count.aside.combined' }], mark: ['combined'] } },
      { opt: { ahead: { first: [w('identified'), { seq: [w('been'), w('identified')] }] }, mark: ['subcount'] } },
      { opt: { seq: [{ ahead: ref('found-safe') }, { aside: 'count.aside.found-safe' }, reject], when: { cat: ['missing'] } } },
      { opt: { seq: [{ ahead: list('PERSON_NOUNS') }, { notAhead: anyKeyword }], mark: ['adjectival'] } },
    ],
  },
  /** "dead or missing", "two children hurt and killed", "had been killed, wounded or captured": one count for several outcomes. */
  'combined-outcomes': {
    first: [
      { seq: [w('or'), { first: [anyKeyword, { seq: [anyTok, anyKeyword] }] }] },
      { seq: [w('and'), { keyword: { cats: ['injured'] } }], when: { cat: ['killed'] } },
      { seq: [w('and'), { keyword: { cats: ['killed'] } }], when: { cat: ['injured'] } },
      { seq: [{ at: 0, is: comma }, { at: 1, is: anyKeyword }, { first: [{ at: 2, is: w('or') }, { at: 3, is: w('or') }, { at: 4, is: w('or') }] }] },
    ],
  },
  /** "17 miners who had been missing since the fire were found alive today": within the clause, no longer missing. */
  'found-safe': { seq: [{ star: { seq: [{ notAhead: ref('clause-stop') }, { notAhead: ref('found-then-safe') }, anyTok] }, within: 18 }, ref('found-then-safe')], within: 18 },
  'found-then-safe': { seq: [list('FOUND_VERBS'), { first: [{ at: 0, is: list('SAFE_WORDS') }, { at: 1, is: list('SAFE_WORDS') }, { at: 2, is: list('SAFE_WORDS') }] }] },
  /** "six remained missing, …, after several others were found alive": the found ones are other people. */
  'clause-stop': { first: [digits, { tok: { t: ['.', ';', '?', '!', ','] } }, list('CLAUSE_TURNS')] },
};
