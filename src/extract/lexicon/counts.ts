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
/** Words opening a parenthetical sub-count after a comma ("Ten people, among them three children, were injured"): skipped. */
export const PARENTHETICAL_OPENERS = /^(including|among)$/;
/** Nouns before "of" + a count that make it a count of the dead ("the bodies of 14 miners were recovered"). */
export const BODIES_OF_HEADS = /^(bodies|remains|corpses)$/;
/** Objects that make "found"/"recovered" + a count a count of the dead ("found 23 survivors and seven bodies"). */
export const BODY_OBJECTS = /^(bodies|corpses)$/;
/** Participles that make counted bodies the dead ("14 bodies were recovered"). */
export const RECOVERY_PARTICIPLES = /^(recovered|pulled|found|retrieved|exhumed|removed|brought|dug)$/;
/** Prepositions after a REDUCED_RELATIVE participle that open its phrase ("suspected of", "believed to"). */
export const REDUCED_RELATIVE_PREPS = /^(of|to|with|for|in)$/;
/** Determiners of the home people left ("from their homes"). */
export const HOME_DETERMINERS = /^(their|the|his|her)$/;
/** Places people are driven from ("forced 30,000 residents from their homes"): "forced"/"drove" then count the displaced. */
export const HOME_NOUNS = /^(homes|home|houses|villages|village|towns|town|city|area|region|district)$/;
/** Verbs after "to" that make "forced"/"drove" + a count the displaced ("drove 5,000 people to flee"). */
export const FLIGHT_VERBS = /^(flee|evacuate|leave|abandon)$/;
/** Words after "to" that make "moved"/"relocated" + a count the displaced ("moved 1.2 million people to safety"). */
export const REFUGE_WORDS = /^(safety|safer|shelters|shelter|higher|relief|evacuation|temporary|emergency)$/;
/** Words that turn to another clause, whose people are others ("six remained missing after several were found alive"). */
export const CLAUSE_TURNS = /^(after|but|while|although|though|whereas)$/;
/** Verbs of people found, which with SAFE_WORDS end their being missing. */
export const FOUND_VERBS = /^(found|located|rescued|traced|discovered)$/;
/** Words after FOUND_VERBS that say the missing are safe ("were found alive"). */
export const SAFE_WORDS = /^(alive|safe|safely|unharmed|unhurt)$/;
/** Active casualty verbs whose singular subject is the agent when an object follows ("a gunman killed 21 people"). */
export const AGENT_VERBS = /^(killed|wounded|injured|hurt|shot|stabbed|kidnapped|abducted|arrested|detained|seized|murdered)$/;
/** Words that open an object after an AGENT_VERBS verb ("killed two", "shot his wife"): the subject acted on others. */
export const OBJECT_OPENERS = /^(a|an|the|his|her|their|its|at|more|dozens|scores|hundreds|thousands|several|many|two|three|four|five|six|seven|eight|nine|ten|people|one)$/;
/** Verbs taking "out" before their counted object ("divers pulled out 11 bodies"). */
export const OUT_VERBS = /^(pulled|pulling|dug|digging|brought|bringing|carried|carrying)$/;
/** Verbs taking "up" before counted arrests ("rounded up 300 demonstrators"). */
export const ROUND_UP_VERBS = /^(rounded|rounding|round|rounds)$/;
/** Verbs that count the displaced only with a destination of REFUGE_WORDS ("moved 1.2 million people to safety"). */
export const RELOCATE_VERBS = /^(moved|moving|relocated|relocating|shifted|shifting|transferred)$/;
/** Verbs that count the dead only with BODY_OBJECTS ("rescuers pulled 14 bodies from the river"). */
export const RECOVER_VERBS = /^(pulled|recovered|retrieved|found|exhumed|removed|pulling|recovering|retrieving|finding)$/;
/** Verbs that count the displaced only with a home left or a flight ("forced 30,000 residents from their homes"). */
export const FORCE_VERBS = /^(forced|forcing|forces|force|drove|driven|driving|drives|drive)$/;
/** Verbs that count arrests only with "into custody" ("police took 40 people into custody"). */
export const TAKE_VERBS = /^(took|taking|take|takes)$/;
/** Words after "a" that make it a number ("a dozen"), not one person. */
export const LARGE_NUMBER_WORDS = /^(dozen|hundred|thousand|million)$/;
/** Words after a month and a number in words that make the number a count ("in March nine more died"), not a day. */
export const COUNT_AFTER_DAY_WORDS = /^(more|others|of|dead)$/;
/** Verbs before "by" + a count that make it an increment ("rose by 12"). */
export const INCREMENT_VERBS = /^(rose|risen|up|increased|grew|climbed|went|jumped|rise|rising)$/;
/** Relative pronouns for things (an event): "an earthquake that killed". */
export const THAT_WHICH = /^(that|which)$/;
