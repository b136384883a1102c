// The count rules as named rows: what each of the older number-led readers in figures.ts reads, for every category
// (killed, injured, missing, arrested, displaced, hostages), with examples in our own words that the spec runner
// checks. Their matching is still code in figures.ts (not yet token patterns run by the engine, as the victim rows
// are); the row is where the rule is named, described and specified, and every candidate carries its id.
import type { Category } from '../../schema';
import type { RuleExample } from './victim-rules';

export interface CountRule {
  id: 'count.keyword-after' | 'count.verb-before' | 'count.multiple-event' | 'count.fatal-event' | 'count.ordinal-victim' | 'count.scene-and-later' | 'count.toll-phrase' | 'count.another-object' | 'count.bodies-object' | 'single.subject-keyword' | 'single.object-list';
  family: 'count' | 'single';
  /** the categories the rule can emit */
  categories: readonly Category[];
  /** what anchors it: which lexicon list, on which side of the number or noun phrase */
  anchor: string;
  /** the checks inside its reader that set a phrase aside, by what they look for */
  setsAside: readonly string[];
  examples: readonly (RuleExample & { category: Category })[];
}

const ALL: readonly Category[] = ['killed', 'injured', 'missing', 'arrested', 'displaced', 'hostages'];

export const COUNT_RULES: readonly CountRule[] = [
  {
    id: 'count.keyword-after',
    family: 'count',
    categories: ALL,
    anchor: 'a number, then (after a short noun phrase and an auxiliary) a casualty keyword of lexicon KEYWORDS: "31 people were killed", "two more are missing"',
    setsAside: ['a combined figure ("killed or injured")', 'a partitive of a figure counted elsewhere', 'a date or a measure', 'a perpetrator noun'],
    examples: [
      { category: 'killed', text: 'At least 31 people were killed and 60 injured when the dam burst.', expect: { killed: 31, injured: 60 } },
      { category: 'missing', text: 'Four people were hurt and two more are missing after the storm.', expect: { injured: 4, missing: 2 } },
      { category: 'arrested', text: 'Three men were arrested in the raid.', expect: { arrested: 3 } },
      { category: 'displaced', text: 'Officials said 300 families were forced to flee to shelters.', expect: { displaced: 300 } },
    ],
  },
  {
    id: 'count.verb-before',
    family: 'count',
    categories: ALL,
    anchor: 'an active casualty verb of lexicon LEFT_VERBS, then a counted object: "killed 14 villagers", "recovered 19 bodies"',
    setsAside: ['a background event or another event\'s relative clause', 'a relative clause dated to an earlier period', 'attackers as the object', '"bodies", "custody", "homes" or "to safety" missing where the verb needs it'],
    examples: [
      { category: 'killed', text: 'Gunmen killed 14 villagers in a night raid.', expect: { killed: 14 } },
      { category: 'killed', text: 'Rescuers recovered 19 bodies from the rubble.', expect: { killed: 19 } },
      { category: 'killed', text: 'A man accused in a May 25 shooting that killed one and wounded three others entered pleas on Monday.', expect: { killed: 1, injured: 3 } },
    ],
  },
  {
    id: 'count.multiple-event',
    family: 'count',
    categories: ['killed', 'injured'],
    anchor: 'a multiplier of lexicon EVENT_MULTIPLIERS before an event noun of MULTIPLE_EVENT_NOUNS: "a triple homicide" (killed), "a double shooting" (everyone shot, who may include the dead)',
    setsAside: [],
    examples: [
      { category: 'killed', text: 'Detectives are still looking for a motive in the triple homicide on Elm Court.', expect: { killed: 3 } },
      { category: 'killed', title: 'Suspect in quadruple-murder waives extradition', text: 'The hearing lasted ten minutes.', expect: { killed: 4 } },
      { category: 'injured', text: 'No arrests have been made in Saturday\'s double shooting outside the rink.', expect: { injured: 2 } },
      { category: 'injured', text: 'Police are investigating a double shooting that left one man dead on Fifth Avenue.', expect: { killed: 1, injured: 1 } },
    ],
  },
  {
    id: 'count.fatal-event',
    family: 'count',
    categories: ['killed'],
    anchor: 'one event named as one that killed, by an adjective of lexicon FATAL_EVENT_ADJECTIVES before an event of VIOLENT_EVENT_NOUNS ("a deadly shooting") or the event before "death" ("an accidental shooting death"): at least one dead, ranked below every stated figure',
    setsAside: ['the event with its victim after "of" (read by killed.noun-of)', 'a number or a multiplier before it ("two fatal shootings", "a double fatal stabbing")', 'an event a span of time before this one ("a week after a fatal shooting")'],
    examples: [
      { category: 'killed', text: 'Detectives are treating the deadly shooting on Birch Lane as a homicide.', expect: { killed: 1 } },
      { category: 'killed', title: 'Sheriff looks into accidental shooting death near Millbrook', text: 'Deputies were called to a farm road on Thursday night.', expect: { killed: 1 } },
      { category: 'killed', text: 'Two men were killed in the deadly shooting on Birch Lane.', expect: { killed: 2 } },
      { category: 'killed', text: 'The robbery came a week after a fatal shooting at the same store. Nobody was hurt this time.', expect: { killed: null } },
    ],
  },
  {
    id: 'count.ordinal-victim',
    family: 'count',
    categories: ['injured'],
    anchor: 'one person hurt introduced with "a"/"an" and an ordinal ("a second victim was taken to a hospital", "a fifth victim was wounded"): everyone hurt or killed so far is that many, a count of the shot from which the dead are taken, and an update of any lower count before it',
    setsAside: ['a definite ordinal ("the third victim"), which names one of a group already counted'],
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
    anchor: 'two death counts of one sentence, the first "at/on the scene", the second after "and" (died later, on the way, at a hospital): their sum',
    setsAside: ['a first count of one person described', 'an increment, another incident\'s or a sub-count'],
    examples: [
      { category: 'killed', text: 'Three men died at the scene and a fourth was taken to a hospital, where he died.', expect: { killed: 4 } },
      { category: 'killed', text: 'Deputies said two victims died on the scene and two more died on the way to the trauma center.', expect: { killed: 4 } },
    ],
  },
  {
    id: 'count.toll-phrase',
    family: 'count',
    categories: ['killed', 'injured', 'missing', 'displaced'],
    anchor: 'a toll noun phrase before the number: "the death toll rose to 212", "the number of injured stands at 40"',
    setsAside: ['an earlier, superseded toll ("had earlier put the toll at")', 'a speculative toll ("could rise to")'],
    examples: [{ category: 'killed', text: 'The death toll from the floods rose to 212 on Tuesday.', expect: { killed: 212 } }],
  },
  {
    id: 'count.another-object',
    family: 'count',
    categories: ['killed', 'injured', 'hostages', 'arrested'],
    anchor: '"another" closing a second casualty verb after "and": "killed one guard and wounded another"',
    setsAside: ['a sentence with no casualty figure before it'],
    examples: [{ category: 'injured', text: 'The gunmen killed one guard and wounded another.', expect: { killed: 1, injured: 1 } }],
  },
  {
    id: 'count.bodies-object',
    family: 'count',
    categories: ['killed'],
    anchor: 'a second counted object of "found"/"recovered" that is bodies: "found 23 survivors and seven bodies"',
    setsAside: [],
    examples: [{ category: 'killed', text: 'Divers found 23 survivors and seven bodies in the hull.', expect: { killed: 7 } }],
  },
  {
    id: 'single.subject-keyword',
    family: 'single',
    categories: ALL,
    anchor: 'one person described before a casualty keyword: "a policeman was killed", "a soldier wounded"',
    setsAside: ['an attacker', 'a negation', 'a hypothetical'],
    examples: [{ category: 'injured', text: 'A policeman was killed and a soldier wounded in the ambush.', expect: { killed: 1, injured: 1 } }],
  },
  {
    id: 'single.object-list',
    family: 'single',
    categories: ALL,
    anchor: 'people described one by one after an active casualty verb: "kidnapped a priest", "killed a guard"',
    setsAside: ['an attacker', 'a background event'],
    examples: [{ category: 'hostages', text: 'Gunmen kidnapped a village priest on the road to the market.', expect: { hostages: 1 } }],
  },
];
