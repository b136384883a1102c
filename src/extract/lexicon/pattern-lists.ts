// The word lists a count rule's token pattern may name (`{ list: 'KILLING_CHARGES' }`): a name that is not a key here
// does not type-check, so a row can only point at a list that exists.
import {
  BE_FORMS, BODIES_OF_HEADS, BODY_OBJECTS, CLAUSE_TURNS, FINITE_KEYWORDS, FORCE_VERBS, FOUND_VERBS, MEASURE_UNITS, OUT_VERBS, PARENTHETICAL_OPENERS, PERPETRATORS,
  PLACE_NOUNS, QUOTE_CHARS, RECOVER_VERBS, RECOVERY_PARTICIPLES, REDUCED_RELATIVE, REDUCED_RELATIVE_PREPS, RELATIVE, RELOCATE_VERBS, ROUND_UP_VERBS, SAFE_WORDS, STOP_NP, TAKE_VERBS,
} from './counts';
import { AUX, BLOCK_NOUNS, LEFT_NEEDS_PERSON, PERSON_PLURAL, PERSON_SINGULAR, REPORT_VERBS, SPECULATIVE } from './index';
import { BOUNDARY_WORDS } from './attribution';
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
  // ── the lists the count grammar (rules/count-grammar.ts) names ──
  /** auxiliaries and adverbs between a subject and its casualty word ("were", "have been", "reportedly", "shot") */
  AUX,
  /** nouns of people, plural ("people", "soldiers") */
  PERSON_PLURAL,
  /** nouns of people in either number */
  PERSON_NOUNS: new Set([...PERSON_PLURAL, ...PERSON_SINGULAR]),
  /** nouns of attackers ("gunmen"): their dead are not the incident's casualties */
  PERPETRATORS,
  /** nouns of people or of attackers: what a second counted group needs ("and three civilians") */
  PERSON_OR_PERPETRATOR: new Set([...PERSON_PLURAL, ...PERPETRATORS]),
  /** things and measures counted where people should be ("houses", "years") */
  BLOCK_NOUNS,
  /** words that end a noun phrase ("in", "the", "which") */
  STOP_NP,
  /** quotation marks, written as tokens of their own */
  QUOTE_CHARS,
  /** words opening an aside inside a subject (", among them three children,") */
  PARENTHETICAL_OPENERS: wordsOf(PARENTHETICAL_OPENERS),
  /** participles opening a descriptive phrase after a subject ("suspected of", "believed to") */
  REDUCED_RELATIVE,
  /** the prepositions after them */
  REDUCED_RELATIVE_PREPS: wordsOf(REDUCED_RELATIVE_PREPS),
  /** "who"/"that" opening a relative clause between a subject and its verb */
  RELATIVE_OPENERS: new Set(['who', 'that']),
  /** what may open a relative clause that is itself the casualty statement ("who were killed") */
  BE_HAD_HAVE: new Set([...BE_FORMS, 'had', 'have']),
  /** forms of "be" and "have" that open a subject's own verb phrase after a relative clause */
  BE_HAVE_FORMS: new Set([...BE_FORMS, 'have', 'had', 'has']),
  /** "be"/"have" after "to" inside a participle phrase ("believed to be the captain") */
  BARE_BE_HAVE: new Set(['be', 'have']),
  /** participles that, after "bodies … were", count the dead ("were recovered") */
  RECOVERY_PARTICIPLES: wordsOf(RECOVERY_PARTICIPLES),
  /** nouns before "of" + a count that make it a count of the dead ("the bodies of 14 miners") */
  BODIES_OF_HEADS: wordsOf(BODIES_OF_HEADS),
  /** "bodies", "body" inside a subject */
  BODY_NOUNS: new Set(['bodies', 'body']),
  /** places counted inside a noun phrase of people ("in eight cities") */
  PLACE_NOUNS,
  /** prepositions of a place inside a noun phrase ("across Florida", "in eight cities") */
  PLACE_PREPS: new Set(['in', 'across', 'from']),
  /** keywords that are finite verbs ("died"): a part's own predicate */
  FINITE_KEYWORDS,
  /** units that make a number a measure ("seven miles") */
  MEASURE_UNITS,
  /** words after a count that make it an increment ("12 more") */
  INCREMENT_WORDS: new Set(['more', 'new', 'additional']),
  /** "of them", "of whom", "of those" after a count: a part of a group */
  OF_PRONOUNS: new Set(['them', 'whom', 'those']),
  /** words that turn a clause ("but", "after") */
  CLAUSE_TURNS: wordsOf(CLAUSE_TURNS),
  /** verbs of people found ("rescued") */
  FOUND_VERBS: wordsOf(FOUND_VERBS),
  /** words after which a clause, and so a subject, may start ("and", "when") */
  BOUNDARY_WORDS,
  /** verbs of reporting, after which a subject starts ("said a man was shot") */
  REPORT_VERBS,
  /** words after them that say the missing are safe ("alive") */
  SAFE_WORDS: wordsOf(SAFE_WORDS),
} as const satisfies Record<string, ReadonlySet<string>>;

export type PatternList = keyof typeof PATTERN_LISTS;
