// Word lists for the victim rules: who can be a victim, which words sit between a victim and its predicate,
// and which capitalised words are never a person's name. Data only; the rules in ../rules/ read them.
import type { Category } from '../../schema';
import { PERSON_PLURAL, PERSON_SINGULAR } from './index';

/** Singular nouns for one person, beyond the general PERSON_SINGULAR list: local-news and analyst wording. */
export const VICTIM_SINGULAR = new Set([
  ...PERSON_SINGULAR,
  ...('teen toddler youngster juvenile adult male female victim hostage bystander customer clerk cashier owner ' +
    'brother sister son daughter father mother dad mom husband wife boyfriend girlfriend fiance fiancee friend cousin ' +
    'nephew niece uncle aunt grandmother grandfather grandson granddaughter stepfather stepson stepdaughter neighbor ' +
    'neighbour roommate classmate kid infant newborn senior deputy trooper agent constable patrolman chief director ' +
    'manager principal councillor councilman councilwoman councilor chairman elder headman tribesman security ' +
    'bodyguard watchman guardsman gendarme policeman ranger ' +
    'storeowner shopowner homeowner motorist cyclist pedestrian rider passenger sniper inspector superintendent ' +
    'informant informer collaborator spy scholar translator interpreter').split(' '),
]);

/** Plural nouns for people, beyond PERSON_PLURAL. */
export const VICTIM_PLURAL = new Set([
  ...PERSON_PLURAL,
  ...('teens toddlers youngsters juveniles males females bystanders deputies troopers agents constables ' +
    'bodyguards guardsmen gendarmes policemen rangers motorists cyclists pedestrians riders friends cousins ' +
    'siblings neighbors neighbours classmates roommates kids officials leaders elders tribesmen workers ' +
    'employees grandchildren stepchildren children men women informants informers collaborators spies scholars translators ' +
    'interpreters').split(' '),
]);

/** Words a summary uses for people it said were abducted: "the hostages were killed" refers back to that count. */
export const CAPTIVE_NOUNS: readonly string[] = ['hostages', 'captives', 'abductees'];

/** Heads of an age noun phrase: "a 15-year-old", "the 22-month-old". */
export const AGE_HEADS = new Set(['year-old', 'years-old', 'month-old', 'week-old', 'day-old', 'yr-old']);

/** People who carried out the attack: their deaths and wounds are not the victims' toll. */
export const PERPETRATOR_HEADS = new Set(
  ('suspect suspects gunman gunmen shooter shooters attacker attackers assailant assailants killer killers robber robbers ' +
    'bomber bombers hijacker hijackers kidnapper kidnappers abductor abductors terrorist terrorists perpetrator perpetrators ' +
    'offender offenders burglar burglars carjacker carjackers intruder intruders').split(' '),
);

/** Determiners that make a singular person noun one person. */
export const SINGLE_DETERMINERS = new Set(['a', 'an', 'the', 'one', 'his', 'her', 'their', 'its', 'our', 'my', 'another', 'that', 'this']);

/** Subject pronouns for one person ("He was pronounced dead"). */
export const SINGLE_PRONOUNS = new Set(['he', 'she']);

/** Words allowed between a subject and its predicate ("was also", "has since", "later"). */
export const PREDICATE_ADVERBS = new Set(
  ('also later reportedly allegedly apparently then eventually subsequently both each all initially previously since ' +
    'accidentally just originally still immediately soon tragically ultimately critically seriously badly fatally ' +
    'mortally gravely critically severely slightly').split(' '),
);

/** Passive auxiliaries: the predicate's subject stands before them. */
export const PASSIVE_AUX = new Set(['was', 'were', 'is', 'are', 'been', 'being', 'be', 'got', 'get', 'gets']);
/** Perfect auxiliaries before an intransitive predicate ("has died"). */
export const PERFECT_AUX = new Set(['has', 'have', 'had']);

/**
 * Capitalised words that are never (part of) a victim's name: institutions, places' kinds, days and months, and
 * sentence openers. A name is a run of capitalised words none of which is here.
 */
export const NOT_NAME_WORDS = new Set(
  ('police department sheriff county city state news hospital street avenue road boulevard drive school church mall park ' +
    'center centre club bar office court jail university college authorities officials investigators detectives deputies ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december the a an one two three four five six seven eight nine ten it this that these those ' +
    'there when after before while as in on at by for with from but and or if his her their he she they we i you our ' +
    'no group taliban state islamic army ministry government military forces authority brigade brigades front ' +
    'update updated breaking video photo watch source related coverage advertisement read more ap upi reuters').split(' '),
);

/** Words that end a "to the hospital" phrase ("sent four teens to the hospital"). */
export const HOSPITAL_WORDS: readonly string[] = ['hospital', 'hospitals', 'clinic', 'trauma'];
/** Words that make "suffered", "treated for" or "diagnosed with" an injury ("treated for burns"). */
export const HARM_WORDS: readonly string[] = ['wound', 'wounds', 'injuries', 'injury', 'burns', 'gunshot', 'trauma', 'fractures', 'lacerations'];

/**
 * Kinds of violent or deadly event, by family: a relative clause on an event of a family the headline and lead
 * never name ("the strike in Iraq that killed a commander" in a story about threats) is background.
 */
export const EVENT_NOUN_FAMILIES: ReadonlyArray<ReadonlySet<string>> = [
  new Set('strike strikes airstrike airstrikes drone raid raids'.split(' ')),
  new Set('shooting shootings gunfire shootout stabbing stabbings'.split(' ')),
  new Set('attack attacks ambush assault'.split(' ')),
  new Set('bomb bombs bombing bombings blast blasts explosion explosions'.split(' ')),
  new Set('earthquake earthquakes quake quakes tremor'.split(' ')),
  new Set('crash crashes collision derailment accident'.split(' ')),
  new Set('fire fires blaze wildfire'.split(' ')),
  new Set('flood floods flooding landslide storm cyclone hurricane typhoon tornado'.split(' ')),
];

/** Nouns that can stand where a victim would and are not people ("the car was hit", "a dog was shot"). */
export const NOT_PERSON_NOUNS = new Set(
  ('car truck bus vehicle van suv house home building apartment store shop window door wall roof dog dogs cat cats horse ' +
    'animal bird deer bear cow economy market plan project program deal bill law case investigation shooting attack ' +
    'incident crash fire blast explosion area scene street road block neighborhood neighbourhood city town village ' +
    'county state country place spot site park lot station school church mosque temple hospital office bar club ' +
    'restaurant party event game match crowd gun weapon rifle pistol handgun bullet round shot shots gunfire motive ' +
    'suspect information report reports video footage time times night day morning evening afternoon weekend ' +
    'week month year years one else none nobody anyone someone everyone something nothing police department agency ' +
    'government military army team family community funeral vigil body remains trial hearing court jury ' +
    'sentence charge charges warrant arrest call calls 911 alarm system').split(' '),
);

/** How many a "double/triple…" event counts ("a triple homicide", "a double shooting"). */
export const EVENT_MULTIPLIERS: ReadonlyMap<string, number> = new Map([['double', 2], ['triple', 3], ['quadruple', 4], ['quintuple', 5], ['sextuple', 6]]);

/**
 * Event nouns a multiplier counts the victims of, by what they were: a homicide's victims are dead, a shooting's or
 * a stabbing's were shot or stabbed and may have died since (`mayIncludeDead`, as "four people were shot").
 */
export const MULTIPLE_EVENT_NOUNS: ReadonlyMap<string, { category: Category; mayIncludeDead: boolean }> = new Map<string, { category: Category; mayIncludeDead: boolean }>([
  ...'homicide homicides murder murders killing killings slaying slayings'.split(' ').map((w): [string, { category: Category; mayIncludeDead: boolean }] => [w, { category: 'killed', mayIncludeDead: false }]),
  ...'shooting stabbing'.split(' ').map((w): [string, { category: Category; mayIncludeDead: boolean }] => [w, { category: 'injured', mayIncludeDead: true }]),
]);

/** Before "one of three people wounded", a number names a member of the group, not a count of its own. */
export const PART_OF_LEADS: ReadonlySet<string> = new Set(['was', 'is', 'were', 'are', 'as', 'became', 'remains', ',']);

/**
 * Words by which a sentence about one person shot sets that person apart from the dead counted elsewhere ("a woman
 * was also shot but survived", "a fifth victim was shot"): without one, beside several dead, the person shot is
 * most often one of them.
 */
export const SURVIVOR_MARKERS: ReadonlySet<string> = new Set(['also', 'survived', 'survives', 'another', 'second', 'third', 'fourth', 'fifth', 'sixth']);

/** Adjectives that name an event as one that killed ("a deadly shooting"): at least one person died. */
export const FATAL_EVENT_ADJECTIVES: ReadonlySet<string> = new Set(['fatal', 'deadly']);
/**
 * One violent event, in the singular: what a fatal adjective counts a death of ("a deadly shooting"), and what keeps
 * "over the weekend" from making a sentence a round-up ("a shooting that wounded three people over the weekend").
 */
export const VIOLENT_EVENT_NOUNS: ReadonlySet<string> = new Set(['shooting', 'stabbing', 'drive-by', 'beating']);

/** Pronouns that open a clause about someone already named. */
export const CLAUSE_PRONOUNS: ReadonlySet<string> = new Set('he she they himself herself it'.split(' '));
/** Charges that each count one death ("two counts of murder"); "attempted" before one counts none. */
export const KILLING_CHARGES: ReadonlySet<string> = new Set(['murder', 'homicide', 'manslaughter']);
/** Conjunctions that open a clause telling of time or cause ("… is dead after a man died"): what follows may retell what came before. */
export const LINKING_CONJUNCTIONS: ReadonlySet<string> = new Set('after when before because since until as'.split(' '));
/** Words that tie a clause to the one before it ("died after she was shot"): the two may tell of one person. */
export const SUBORDINATORS: ReadonlySet<string> = new Set([...LINKING_CONJUNCTIONS, ...'who whom which that while where'.split(' ')]);
/** Finite verbs that agree only with one person or thing ("has", "was"): never the verb of a plural phrase. */
export const SINGULAR_VERBS: ReadonlySet<string> = new Set(['has', 'is', 'was', 'remains', 'faces', 'says']);

/** Possessive determiners that may open a counted phrase ("his three bodyguards"). */
export const POSSESSIVE_DETERMINERS: ReadonlySet<string> = new Set(['his', 'her', 'their']);

/** Punctuation inside an organisation's name: "the Front for Democracy—Renewal (FDR) party". */
export const ORG_NAME_PUNCT: ReadonlySet<string> = new Set(['(', ')', '—', '–', '-', '&', '.']);

/** After a bare occupation, what shows a person named: a comma and "identified as" or "named" ("religious scholar,
 *  identified as …"). */
export const NAMED_AFTER_COMMA: ReadonlySet<string> = new Set(['identified', 'named']);
