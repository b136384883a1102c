// The threat rules as data: each row names the heads that make a counted noun phrase a threat (its anchor), where
// the count stands, when the row applies, the guards that may veto it, and examples in our own words.
import { FORCE_HEADS, PLAN_HEADS, SITE_HEADS, WEAPON_HEADS } from '../lexicon/threats';
import type { ThreatGuardId } from './threat-guards';

export type ThreatSide =
  /** the count stands just before the phrase that ends in the head: "fired 40 rockets", "dozens of drones" */
  | 'count-before'
  /** the count is what "the number of <head>" is raised to: "the number of soldiers … will rise to 10,500" */
  | 'number-of';

/**
 * One spec line: the text, the threat figures `extract` must give ("12 at_least ballistic missiles": a value,
 * then optionally its qualifier and noun; none: no threat), and the rule that must fire (a guard id for a veto).
 */
export interface ThreatExample {
  text: string;
  expect: readonly string[];
  fires: string;
  published?: string;
  title?: string;
}

export interface ThreatRule {
  id: string;
  family: 'weapons' | 'forces' | 'plans' | 'targets';
  /** head nouns (lower case) that end the counted phrase */
  anchors: readonly string[];
  side: ThreatSide;
  /** the row applies only in a sentence that speaks of striking ("ready to strike four air bases") */
  when?: 'strike-sentence';
  guards: readonly ThreatGuardId[];
  /** what a hit gives: one threat figure, its noun the counted phrase */
  emits: 'threat';
  examples: readonly ThreatExample[];
}

/** What tells any counted phrase apart from a threat: the dead, the victims of an attack, a past attack's perpetrators. */
const COMMON_GUARDS: readonly ThreatGuardId[] = ['guard.partitive', 'guard.casualty-keyword', 'guard.casualty-object', 'guard.victims-of-attack', 'guard.past-attackers'];
const FORCE_GUARDS: readonly ThreatGuardId[] = [...COMMON_GUARDS, 'guard.rescue-force', 'guard.suicide-bomber', 'guard.container-tanks'];

export const THREAT_RULES: readonly ThreatRule[] = [
  {
    id: 'threat.weapons',
    family: 'weapons',
    anchors: WEAPON_HEADS,
    side: 'count-before',
    guards: COMMON_GUARDS,
    emits: 'threat',
    examples: [
      { text: 'The militia launched 40 rockets at the border town overnight.', expect: ['40 exact rockets'], fires: 'threat.weapons' },
      { text: 'The navy tracked more than a dozen ballistic missiles fired toward the coast.', expect: ['12 at_least ballistic missiles'], fires: 'threat.weapons' },
    ],
  },
  {
    id: 'threat.forces',
    family: 'forces',
    anchors: FORCE_HEADS,
    side: 'count-before',
    guards: FORCE_GUARDS,
    emits: 'threat',
    examples: [
      { text: 'Satellite images show some 60,000 troops massed near the frontier.', expect: ['60000 approx troops'], fires: 'threat.forces' },
      { text: 'Twelve soldiers were killed in the ambush.', expect: [], fires: 'guard.casualty-keyword' },
    ],
  },
  {
    id: 'threat.plans',
    family: 'plans',
    anchors: PLAN_HEADS,
    side: 'count-before',
    guards: COMMON_GUARDS,
    emits: 'threat',
    examples: [
      { text: 'The general said his staff had drawn up 7 "retaliation plans".', expect: ['7 exact retaliation plans'], fires: 'threat.plans' },
      { text: 'The president threatened to hit 30 military sites.', expect: ['30 exact military sites'], fires: 'threat.plans' },
    ],
  },
  {
    id: 'threat.sites',
    family: 'targets',
    anchors: SITE_HEADS,
    side: 'count-before',
    when: 'strike-sentence',
    guards: COMMON_GUARDS,
    emits: 'threat',
    examples: [
      { text: 'The rebels said they were ready to strike four air bases.', expect: ['4 exact air bases'], fires: 'threat.sites' },
      { text: 'The country has four air bases on the island.', expect: [], fires: 'none' },
    ],
  },
  {
    id: 'threat.number-of',
    family: 'forces',
    anchors: [...WEAPON_HEADS, ...FORCE_HEADS, ...PLAN_HEADS],
    side: 'number-of',
    guards: FORCE_GUARDS,
    emits: 'threat',
    examples: [
      { text: 'The number of soldiers and police in the province will be raised to 10,500 next month.', expect: ['10500 exact soldiers and police'], fires: 'threat.number-of' },
    ],
  },
];
