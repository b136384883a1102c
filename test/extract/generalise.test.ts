// General English news patterns found with the ho3-a hold-out batch; every sentence is our own.
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index';

const run = (text: string, title?: string) => extract({ text, ...(title ? { title } : {}), published: '2024-05-01' });
const fig = (text: string) => run(text).casualties;

describe('generalised casualty patterns', () => {
  it('a year after a preposition is a date, not a count', () => {
    expect(fig('A war in the region in 2008 killed hundreds of people and displaced tens of thousands.')).toEqual({});
  });
  it('attackers who die are not the toll', () => {
    expect(fig('Police said two of the attackers were killed in a gunfight with soldiers.').killed).toBeUndefined();
    expect(fig('Troops killed three gunmen at the checkpoint.').killed).toBeUndefined();
    expect(fig('The gunmen killed three guards at the checkpoint.').killed).toEqual(expect.objectContaining({ value: 3 }));
  });
  it('"made homeless" is displaced', () => {
    expect(fig('About 5,000 people were made homeless by the floods.').displaced).toEqual(expect.objectContaining({ value: 5000, qualifier: 'approx' }));
  });
  it('"rounded up" is an arrest', () => {
    expect(fig('Troops rounded up 150 protesters in the main square.').arrested).toEqual(expect.objectContaining({ value: 150, qualifier: 'exact' }));
    expect(fig('Farmers rounded up 150 cattle before the storm.').arrested).toBeUndefined();
  });
  it('"moved N people to safety" is displaced, other moves are not', () => {
    expect(fig('Officials moved more than 500,000 residents to safety before the storm.').displaced).toEqual(
      expect.objectContaining({ value: 500000, qualifier: 'at_least' }),
    );
    expect(fig('The company moved 300 workers to a new plant.').displaced).toBeUndefined();
  });
  it('"bringing the death toll to N" updates an earlier count', () => {
    expect(fig('Two people died on Monday. A third victim died in hospital on Friday, bringing the death toll to three.').killed).toEqual(
      expect.objectContaining({ value: 3, qualifier: 'exact' }),
    );
  });
});

describe('generalised threat patterns', () => {
  const vals = (t: string) => run(t).threats.map((x) => x.value);
  it('sites threatened with a strike are threats; sites merely named are not', () => {
    expect(vals('The rebels said they were ready to strike four air bases.')).toEqual([4]);
    expect(vals('The country has four air bases on the island.')).toEqual([]);
  });
  it('every item of a listed breakdown is its own figure', () => {
    expect(vals('The army fired more than 300 drones and missiles. The barrage included 170 drones, 30 cruise missiles and 120 ballistic missiles.').sort((a, b) => a - b)).toEqual([30, 120, 170, 300]);
  });
});
