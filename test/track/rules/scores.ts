// Spec rows for the scores that choose among surviving incidents: score.*.
import type { RuleCase } from './case';

const chicago = ['Chicago', 'Illinois', 'United States'];

export const scores: RuleCase[] = [
  { rule: 'score.country-pair', says: "a strike report naming the attacker's and the target's country scores with an incident naming both", incident: { type: 'missile attack', places: ['Iran', 'Iraq'] }, report: { type: 'missile attack', places: ['Iraq', 'Iran', 'United States'] }, expect: 'joins' },
  { rule: 'score.type-same', says: 'the same type scores', incident: { type: 'stampede', places: ['Kerman', 'Iran'] }, report: { type: 'stampede', places: ['Kerman', 'Iran'] }, expect: 'joins' },
  { rule: 'score.type-related', says: 'a "bombing" report joins an "explosion" incident', incident: { type: 'explosion', places: ['Kabul', 'Afghanistan'] }, report: { type: 'bombing', places: ['Kabul', 'Afghanistan'] }, expect: 'joins' },
  { rule: 'score.place-shared', says: 'a place named on both sides scores', incident: { type: 'stampede', places: ['Kerman', 'Iran'] }, report: { type: 'stampede', places: ['Iran', 'Kerman'] }, expect: 'joins' },
  { rule: 'score.first-place', says: 'the same first place scores', incident: { type: 'stampede', places: ['Kerman', 'Iran'] }, report: { type: 'stampede', places: ['Kerman'] }, expect: 'joins' },
  { rule: 'score.names', says: 'a shared name scores', incident: { type: 'stampede', places: ['Kerman', 'Iran'], names: ['Qassem Soleimani'] }, report: { type: 'stampede', places: ['Kerman', 'Iran'], names: ['Qassem Soleimani'] }, expect: 'joins' },
  {
    rule: 'score.anchors',
    says: 'a victim named in two spellings ("Dale Marsh", "Dale Edward Marsh") scores as a person in common',
    incident: { type: 'shooting', places: chicago, names: ['Dale Edward Marsh'] },
    report: { type: 'shooting', places: chicago, names: ['Dale Marsh'] },
    expect: 'joins',
  },
  {
    rule: 'score.anchors',
    says: 'a surname-first slip ("Weeks Darnell") is still the same person',
    incident: { type: 'shooting', places: chicago, names: ['Darnell Weeks'] },
    report: { type: 'shooting', places: chicago, names: ['Weeks Darnell'] },
    expect: 'joins',
  },
];
