// The word lists a count rule's token pattern may name (`{ list: 'KILLING_CHARGES' }`): a name that is not a key here
// does not type-check, so a row can only point at a list that exists.
import { BE_FORMS, BODY_OBJECTS, OUT_VERBS, RECOVER_VERBS, RELATIVE } from './counts';
import { PERSON_SINGULAR } from './index';
import { EVENT_MULTIPLIERS, FATAL_EVENT_ADJECTIVES, KILLING_CHARGES, VIOLENT_EVENT_NOUNS } from './victims';

/** The words of a one-word lexicon regex written as /^(a|b|c)$/, so a pattern can name a list kept in that form. */
function wordsOf(re: RegExp): ReadonlySet<string> {
  const m = /^\^\(([a-z|]+)\)\$$/.exec(re.source);
  if (!m) throw new Error(`not a plain word list: ${re.source}`);
  return new Set(m[1]!.split('|'));
}

const recoverVerbs = wordsOf(RECOVER_VERBS);

export const PATTERN_LISTS = {
  /** charges that each count one death ("two counts of murder") */
  KILLING_CHARGES,
  /** adjectives that name an event as one that killed ("a deadly shooting") */
  FATAL_EVENT_ADJECTIVES,
  /** one violent event, in the singular ("shooting", "stabbing") */
  VIOLENT_EVENT_NOUNS,
  /** the words of EVENT_MULTIPLIERS ("double", "triple"), without their numbers */
  MULTIPLIER_WORDS: new Set(EVENT_MULTIPLIERS.keys()),
  /** the articles that introduce one person not yet mentioned */
  INDEFINITE_ARTICLES: new Set(['a', 'an']),
  /** nouns of one person ("guard", "priest", "teenager") */
  PERSON_SINGULAR,
  /** words that open a relative clause ("the gang that killed a shopkeeper") */
  RELATIVE,
  /** forms of "be" ("were killed a day later": no object follows) */
  BE_FORMS,
  /** verbs that count the dead only with bodies as their object ("divers recovered 14 bodies") */
  RECOVER_VERBS: recoverVerbs,
  /** those of them that may take "out" before their object ("pulled out 11 bodies") */
  RECOVER_OUT_VERBS: new Set([...wordsOf(OUT_VERBS)].filter((w) => recoverVerbs.has(w))),
  /** the nouns of dead bodies ("bodies", "corpses") */
  BODY_OBJECTS: wordsOf(BODY_OBJECTS),
  /** what joins two counted objects ("23 survivors and seven bodies", "27 boys, three staff") */
  OBJECT_JOINERS: new Set(['and', ',']),
} as const satisfies Record<string, ReadonlySet<string>>;

export type PatternList = keyof typeof PATTERN_LISTS;
