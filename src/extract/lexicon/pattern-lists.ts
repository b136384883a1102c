// The word lists a count rule's token pattern may name (`{ list: 'KILLING_CHARGES' }`): a name that is not a key here
// does not type-check, so a row can only point at a list that exists.
import { BE_FORMS, BODY_OBJECTS, FORCE_VERBS, OUT_VERBS, RECOVER_VERBS, RELATIVE, RELOCATE_VERBS, ROUND_UP_VERBS, TAKE_VERBS } from './counts';
import { BLOCK_NOUNS, LEFT_NEEDS_PERSON, PERSON_SINGULAR, SPECULATIVE } from './index';
import { CHANGE_VERBS, FLOOR_PREPS, OVER_LINKERS, TOLL_BRINGING_VERBS, TOLL_LINKERS, TOLL_UPDATE_WORDS } from './tolls';
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
  /** verbs that arrest with "up" after them ("rounded up 300 demonstrators") */
  ROUND_UP_VERBS: wordsOf(ROUND_UP_VERBS),
  /** verbs that displace people only with a refuge after their object ("moved 1.2 million people to safety") */
  RELOCATE_VERBS: wordsOf(RELOCATE_VERBS),
  /** verbs that displace people only with their homes or flight after their object ("forced 30,000 from their homes") */
  FORCE_VERBS: wordsOf(FORCE_VERBS),
  /** verbs that arrest only with "into custody" after their object ("took 40 people into custody") */
  TAKE_VERBS: wordsOf(TAKE_VERBS),
  /** casualty verbs whose object must name people ("seized 20 rifles" is no hostage count) */
  LEFT_NEEDS_PERSON,
  /** "the deaths of 18 people", "the death of 3" */
  DEATH_NOUNS: new Set(['death', 'deaths']),
  /** what joins two verbs of one object ("killed or wounded 40") */
  OR_AND: new Set(['or', 'and']),
  /** what joins two counted objects ("23 survivors and seven bodies", "27 boys, three staff") */
  OBJECT_JOINERS: new Set(['and', ',']),
  /** words that link a toll noun to its number, but "to" (its own pattern) and ":" (a label's): lexicon TOLL_LINKERS,
   *  and "by" ("rose by 12") */
  TOLL_LINKS: new Set([...TOLL_LINKERS].filter((w) => w !== 'to' && w !== ':').concat('by')),
  /** "the toll has passed 5,000": a floor */
  OVER_LINKERS,
  /** verbs of a toll changing, which link like "passed" before "above"/"over"/"beyond" */
  CHANGE_VERBS,
  /** "above", "over", "beyond" after a change verb */
  FLOOR_PREPS: wordsOf(FLOOR_PREPS),
  /** words between a toll noun and its number that make the toll an update ("rose", "now", "reached") */
  TOLL_UPDATE_WORDS: wordsOf(TOLL_UPDATE_WORDS),
  /** verbs before a toll noun that make it an update ("bringing the death toll to four") */
  TOLL_BRINGING_VERBS: wordsOf(TOLL_BRINGING_VERBS),
  /** words of a guess ("feared", "could", "likely") */
  SPECULATIVE,
  /** words that make a toll an estimate ("the estimated death toll") */
  ESTIMATE_WORDS: new Set(['estimated', 'approximate']),
  /** toll nouns that, after "death", count the dead ("the death count", "the death tally") */
  DEATH_TALLY_NOUNS: new Set(['count', 'tally']),
  /** toll nouns whose category a keyword after them names ("the number of injured", "the total missing"), as
   *  "count" and "tally" do when no "death" comes before them */
  TOLL_COUNT_NOUNS: new Set(['number', 'figure', 'total']),
  /** a toll's number is followed by these, or nothing, when it stands in apposition ("the number missing, 223, …") */
  APPOSITION_ENDS: new Set([',', '.']),
  /** a thing counted where a toll's people should be ("the toll reached 40 houses"); people are no thing */
  THING_NOUNS: new Set([...BLOCK_NOUNS].filter((w) => w !== 'people')),
} as const satisfies Record<string, ReadonlySet<string>>;

export type PatternList = keyof typeof PATTERN_LISTS;
