// The word lists a count rule's token pattern may name (`{ list: 'KILLING_CHARGES' }`): a name that is not a key here
// does not type-check, so a row can only point at a list that exists.
import { BE_FORMS, RELATIVE } from './counts';
import { PERSON_SINGULAR } from './index';
import { EVENT_MULTIPLIERS, FATAL_EVENT_ADJECTIVES, KILLING_CHARGES, VIOLENT_EVENT_NOUNS } from './victims';

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
} as const satisfies Record<string, ReadonlySet<string>>;

export type PatternList = keyof typeof PATTERN_LISTS;
