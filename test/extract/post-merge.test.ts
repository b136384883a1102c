// Patterns found when the per-place scope rules met the gazetteer's provinces, and false alerts found by replaying
// hold-out sequences. Every sentence is our own.
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index';
import { countryOf, gazetteer } from '../../src/extract/gazetteer';

const run = (text: string, title?: string, published = '2024-05-01') => extract({ text, ...(title ? { title } : {}), published });
const fig = (text: string, title?: string, published?: string) => run(text, title, published).casualties;

describe('divisions place a figure in their own country', () => {
  it('a province, a region and a province-led city resolve to their country, not to the United States', () => {
    const g = gazetteer();
    expect(countryOf(g.get('Kermanshah')!)).toBe('Iran');
    expect(countryOf(g.get('Belgorod')!)).toBe('Russia');
    expect(countryOf(g.get('Odisha')!)).toBe('India');
    expect(countryOf(g.get('Mumbai')!)).toBe('India');
    expect(countryOf(g.get('Dallas')!)).toBe('United States');
    expect(countryOf(g.get('Texas')!)).toBe('United States');
  });
  it('a province inside the named country is not a second country: the overall toll of a two-country quake stands', () => {
    const text =
      'An earthquake hit the border between Chile and Argentina late on Friday, killing more than 150 people, officials in both countries said.\n\n' +
      'Chilean officials said 141 people had died in Chile and about 900 were hurt, most of them in Santiago province. ' +
      'Argentine officials said nine people had died on their side of the border.';
    expect(fig(text).killed).toEqual(expect.objectContaining({ value: 150, qualifier: 'at_least' }));
  });
  it("the other side's dead in a named region of its own country are one side's figure, not the attack's toll", () => {
    const text =
      'Russia launched 20 drones at Ukraine overnight, the Ukrainian air force said, and a strike on Kharkiv wounded nine people.\n\n' +
      "Russia's defence ministry said on Sunday that three Russian soldiers had been killed and five wounded when a drone hit their truck in the Kursk region, two days earlier.";
    const c = fig(text, 'Russia sends drones at Ukraine; nine hurt in Kharkiv');
    expect(c.injured).toEqual(expect.objectContaining({ value: 9 }));
    expect(c.killed).toBeUndefined();
  });
  it('a state named inside the country of the dateline does not split the article into places', () => {
    const text =
      'The death toll from a bus crash in the northern Indian state of Uttarakhand rose to 36 on Tuesday, police said.\n\n' +
      'More than 20 people were injured. A first estimate had put the toll at 25.';
    expect(fig(text).killed).toEqual(expect.objectContaining({ value: 36, qualifier: 'exact' }));
  });
});

describe('superseded estimates', () => {
  it('an earlier estimate never replaces a stated update, even one set aside as a part', () => {
    const text =
      'Floods swept the border of Chile and Peru this week.\n\n' +
      'In Peru alone, the toll rose to 52 on Monday. An earlier estimate had put the toll at 40.';
    expect(fig(text).killed).toBeUndefined();
  });
});
