// Word lists for the number-led count readers of figures.ts: what may sit inside a counted noun phrase, what ends
// it, and which words around a number make it a date, a measure or the attackers' count. Data only.

/** Words that end a counted noun phrase ("five people in …", "12 of the …"): prepositions, conjunctions,
 *  determiners and reporting verbs, which start the next phrase rather than name who was counted. */
export const STOP_NP = new Set(
  ('in on at from with by for after before during when while as than since near into onto across over under about ' +
    'because but or nor if although though where which what whose there their his her its our your this these those the a an ' +
    'said says told according who whom that to of and').split(' '),
);
/** Casualty keywords that are a finite verb, never a participle describing a group ("five of the nine died"):
 *  the part then has its own predicate, so it is no sub-count of the nine. */
export const FINITE_KEYWORDS = new Set(['died', 'perished', 'drowned']);
/** "two others", "four other people": the count leaves out people already counted, so it never includes the dead. */
export const OTHERS_WORDS = new Set(['others', 'other']);
/** Quotation marks a counted noun phrase may be wrapped in ("three 'rebels' were killed"): skipped, not an end. */
export const QUOTE_CHARS = new Set(['"', "'", '‘', '’', '“', '”', '«', '»']);
/** Participles that open a descriptive phrase after a subject ("men suspected of ...", "a man believed to be ..."):
 *  the subject's own verb comes after the phrase. */
export const REDUCED_RELATIVE = new Set('suspected believed thought accused alleged charged wanted known said described identified'.split(' '));
/** Units after a number that make it a measure, not a count of people ("seven miles off the coast"). */
export const MEASURE_UNITS = new Set('miles mile km kilometres kilometers kilometre kilometer metres meters metre meter feet foot yards hours hours days weeks months years minutes'.split(' '));
/** Places counted inside a noun phrase of people ("80 people in eight cities were detained"): the places' number
 *  is no rival count. */
export const PLACE_NOUNS = new Set('cities towns villages provinces states districts regions countries counties areas neighbourhoods neighborhoods'.split(' '));
/** Relative pronouns: a casualty verb right after one belongs to a relative clause ("gangs that killed 40"). */
export const RELATIVE = new Set(['that', 'which', 'who']);
/** Nouns for the people who carried out an attack: their deaths are not the incident's toll. */
export const PERPETRATORS = new Set(
  'attacker attackers gunman gunmen assailant assailants kidnapper kidnappers hijacker hijackers bomber bombers abductor abductors captor captors terrorist terrorists'.split(' '),
);
/** "in 2008 killed hundreds": a year after one of these is a date, never a count. */
export const DATE_PREPS = new Set(['in', 'since', 'during', 'until', 'till', 'by', 'of', 'from', 'before', 'after']);
/** Forms of "be" that make a casualty verb passive ("were killed 12 days ago") or start a clause's own verb
 *  (unlike the victim rules' PASSIVE_AUX, without "got"/"get"). */
export const BE_FORMS = new Set(['were', 'was', 'been', 'being', 'be', 'is', 'are']);
/** "A second person has died", "a third man was arrested": the ordinal counts the whole so far. */
export const ORDINALS: Record<string, number> = { second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 };
