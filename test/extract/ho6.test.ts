// General English news patterns found with the ho6 hold-out batch and private runs over wire copy; every sentence is our own.
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index';

const run = (text: string, title?: string, published = '2024-05-01') => extract({ text, ...(title ? { title } : {}), published });
const fig = (text: string, title?: string) => run(text, title).casualties;
const threats = (text: string, title?: string) => run(text, title).threats.map((t) => t.value);

describe('ho6 casualty patterns', () => {
  it('"hurt" as an active verb with a counted object', () => {
    expect(fig('Heavy storms cut off 3,000 people and hurt at least 40 in the region, officials said.').injured).toEqual(expect.objectContaining({ value: 40, qualifier: 'at_least' }));
    // the passive stays a subject reading
    expect(fig('Twelve people were hurt when the roof fell in.').injured).toEqual(expect.objectContaining({ value: 12 }));
  });
  it('a single person with an age compound as the object of a category verb', () => {
    expect(fig('Officers arrested a 44-year-old bus driver on Tuesday.').arrested).toEqual(expect.objectContaining({ value: 1, qualifier: 'exact' }));
    expect(fig('Police detained a 30-year-old station master after the crash.').arrested).toEqual(expect.objectContaining({ value: 1 }));
    // an age compound before a thing is no person
    expect(fig('Police seized a 20-year-old car.').arrested).toBeUndefined();
  });
  it('a partitive written in number words: "five of the nine" is five', () => {
    expect(fig('Four of the eleven sailors have been detained, the coast guard said.').arrested).toEqual(expect.objectContaining({ value: 4 }));
    expect(fig('Two of the seven climbers were injured in the fall.').injured).toEqual(expect.objectContaining({ value: 2 }));
  });
  it('a count of things before an active verb with its own counted object is not the toll', () => {
    expect(fig('The blasts at two mosques and a market also wounded about 300 people, police said.').injured).toEqual(expect.objectContaining({ value: 300, qualifier: 'approx' }));
    expect(fig('Four car bombs killed 31 people in the capital.').killed).toEqual(expect.objectContaining({ value: 31 }));
  });
});

describe('ho6 threat patterns', () => {
  it('reservists and conscripts called up are a force', () => {
    expect(threats('The president ordered the call-up of 150,000 reservists on Friday.')).toEqual([150000]);
    expect(threats('The government announced a partial mobilisation of 90,000 reservists.')).toEqual([90000]);
    expect(threats('Some 40 reservists were killed in the shelling.')).toEqual([]);
  });
  it('attackers of a past attack are not a threat', () => {
    expect(threats('Police said two suicide bombers blew themselves up at the gate.')).toEqual([]);
    expect(threats('Investigators said six gunmen and three soldiers, all deserters, had carried out the attacks.')).toEqual([]);
    // soldiers carrying out drills are still a force
    expect(threats('About 30,000 troops carried out drills near the border.')).toEqual([30000]);
  });
  it('sites a barrage "targeted" are threat sites', () => {
    expect(threats('The Guards said they had targeted four air bases with the missiles.')).toEqual([4]);
  });
  it('a vague count of soldiers is part of a precise call-up elsewhere', () => {
    expect(threats('The army has called up 120,000 reservists. Thousands of soldiers were sent north on Sunday.')).toEqual([120000]);
    // alone, the vague count stays
    expect(threats('Thousands of soldiers were sent north on Sunday.')).toEqual([2000]);
  });
});
