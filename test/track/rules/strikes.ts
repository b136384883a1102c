// Spec rows for strikes in one region: strike.campaign.
import { DAY, HOUR, type RuleCase } from './case';

export const strikes: RuleCase[] = [
  { rule: 'strike.campaign', says: 'a drone attack and a missile attack are two attacks', incident: { type: 'drone attack', places: ['Hodeidah', 'Yemen'] }, report: { type: 'missile attack', places: ['Hodeidah', 'Yemen'] }, expect: 'apart' },
  { rule: 'strike.campaign', says: 'drone attacks sharing only the country a day apart are two', incident: { type: 'drone attack', places: ['Yemen'] }, report: { type: 'drone attack', places: ['Yemen'] }, afterMs: DAY, expect: 'apart' },
  { rule: 'strike.campaign', says: 'a strike report naming the base joins after weeks', incident: { type: 'missile attack', places: ['Iraq'], names: ['Camp Harmon'] }, report: { type: 'missile attack', places: ['Iraq'], names: ['Camp Harmon'] }, afterMs: 3 * DAY, expect: 'joins' },
  { rule: 'strike.campaign', says: "a missile strike told from the attacker's capital, then from the target's a day and a half later, joins", incident: { type: 'missile attack', places: ['Iran', 'Iraq', 'United States'] }, report: { type: 'missile attack', places: ['United States', 'Iraq', 'Iran'] }, afterMs: 36 * HOUR, expect: 'joins' },
  { rule: 'strike.campaign', says: '…but the same attacker striking another country a day and a half later is another strike', incident: { type: 'missile attack', places: ['Iran', 'Iraq'] }, report: { type: 'missile attack', places: ['Iran', 'Pakistan'] }, afterMs: 36 * HOUR, expect: 'apart' },
  { rule: 'strike.campaign', says: 'strikes on one town within three days join', incident: { type: 'air strike', places: ['Sanaa', 'Yemen'] }, report: { type: 'air strike', places: ['Sanaa', 'Yemen'] }, afterMs: 48 * HOUR, expect: 'joins' },
];
