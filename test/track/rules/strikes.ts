// Spec rows for strikes in one region: strike.campaign.
import { DAY, HOUR, type RuleCase } from './case';

export const strikes: RuleCase[] = [
  { rule: 'strike.campaign', says: 'a drone attack and a missile attack are two attacks', incident: { type: 'drone attack', places: ['Hodeidah', 'Yemen'] }, report: { type: 'missile attack', places: ['Hodeidah', 'Yemen'] }, expect: 'apart' },
  { rule: 'strike.campaign', says: 'drone attacks sharing only the country a day apart are two', incident: { type: 'drone attack', places: ['Yemen'] }, report: { type: 'drone attack', places: ['Yemen'] }, afterMs: DAY, expect: 'apart' },
  { rule: 'strike.campaign', says: 'a strike report naming the base joins after weeks', incident: { type: 'missile attack', places: ['Iraq'], names: ['Camp Harmon'] }, report: { type: 'missile attack', places: ['Iraq'], names: ['Camp Harmon'] }, afterMs: 3 * DAY, expect: 'joins' },
  { rule: 'strike.campaign', says: 'strikes on one town within three days join', incident: { type: 'air strike', places: ['Sanaa', 'Yemen'] }, report: { type: 'air strike', places: ['Sanaa', 'Yemen'] }, afterMs: 48 * HOUR, expect: 'joins' },
];
