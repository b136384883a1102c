// Attack plans and targets named in a threat (rules threat.plans and threat.sites); every sentence is our own.
import type { ThreatSpec } from './line';

export const PLAN_AND_TARGET_SPECS: readonly ThreatSpec[] = [
  ['The general said his staff had drawn up 7 "retaliation plans".', ['7 exact retaliation plans'], 'threat.plans'],
  ['The president threatened to hit 30 military sites.', ['30 exact military sites'], 'threat.plans'],
  ['Officials said the council had studied 13 revenge scenarios.', ['13 exact revenge scenarios'], 'threat.plans'],
  ['The Guards said they had targeted four air bases with the missiles.', ['4 exact air bases'], 'threat.sites'],
  ['The rebels said they were ready to strike four air bases.', ['4 exact air bases'], 'threat.sites'],
  ['The group vowed to attack 12 embassies in the region.', ['12 exact embassies'], 'threat.sites'],
  ['The country has four air bases on the island.', [], 'none'],
];
