// Spec rows for when an incident can take reports at all: open.*, time.*.
import { DAY, type RuleCase } from './case';

export const timeAndState: RuleCase[] = [
  { rule: 'open.closed', says: 'a closed incident takes no reports', incident: { type: 'stampede', places: ['Kerman', 'Iran'], closed: true }, report: { type: 'stampede', places: ['Kerman', 'Iran'] }, expect: 'apart' },
  { rule: 'time.quiet-period', says: 'a stampede report a month after the last one is another stampede', incident: { type: 'stampede', places: ['Kerman', 'Iran'] }, report: { type: 'stampede', places: ['Kerman', 'Iran'] }, afterMs: 30 * DAY, expect: 'apart' },
  { rule: 'time.quiet-period', says: "a toll update two weeks on that names the crush's district (a place the gazetteer does not list) still joins", incident: { type: 'stampede', places: ['Haebang', 'Seoul', 'South Korea'] }, report: { type: 'stampede', places: ['Haebang', 'Seoul', 'South Korea'] }, afterMs: 14 * DAY, expect: 'joins' },
  { rule: 'time.quiet-period', says: 'a report naming the struck air base three weeks on still joins', incident: { type: 'missile attack', places: ['Iraq'], names: ['Sunhill Air Base'] }, report: { type: 'missile attack', places: ['Iraq'], names: ['Sunhill Air Base'] }, afterMs: 20 * DAY, expect: 'joins' },
  { rule: 'time.quiet-period', says: '…but a report naming only the big city two weeks on is another stampede', incident: { type: 'stampede', places: ['Seoul', 'South Korea'] }, report: { type: 'stampede', places: ['Seoul', 'South Korea'] }, afterMs: 14 * DAY, expect: 'apart' },
  { rule: 'time.quiet-period', says: 'a kidnapping stays open for weeks', incident: { type: 'kidnapping', places: ['Kaduna', 'Nigeria'] }, report: { type: 'kidnapping', places: ['Kaduna', 'Nigeria'] }, afterMs: 40 * DAY, expect: 'joins' },
];
