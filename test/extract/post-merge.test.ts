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

describe('false alerts from replayed sequences', () => {
  it('a cause-specific death count ("died of illness") in a flood article is not the flood toll', () => {
    const text =
      'Monsoon floods have killed 940 people across the country, the disaster agency said on Monday.\n\n' +
      'Health officials said 210 people had died of disease in crowded relief camps.';
    expect(fig(text, 'Floods: toll passes 900').killed).toEqual(expect.objectContaining({ value: 940 }));
    // alone, with the main incident being the floods, it gives nothing rather than a false "revised down"
    expect(fig('Health officials said 210 people had died of disease in crowded relief camps after the floods.', 'Flood camps overwhelmed').killed).toBeUndefined();
  });
  it('when the headline is about the disease itself, its count stands', () => {
    expect(fig('Officials said 57 people had died of cholera in the camps.', 'Cholera outbreak spreads in camps').killed).toEqual(expect.objectContaining({ value: 57 }));
  });
  it('deaths "in road accidents" during a storm are not the storm toll; "died of their injuries" is the incident\'s own', () => {
    const text = 'Heavy snow hit the region on Sunday. Eleven people died in road accidents, police said. The storm itself killed four people.';
    expect(fig(text, 'Snowstorm kills four').killed).toEqual(expect.objectContaining({ value: 4 }));
    expect(fig('Three more people died of their injuries, bringing the toll from the blast to 15.', 'Blast toll rises').killed).toEqual(expect.objectContaining({ value: 15 }));
  });
  it('digits naming an aircraft type ("Dash 8") are no count of the dead', () => {
    const text = 'A passenger jet hit a coast guard plane on the runway. Four of the Dash 8\'s crew died, officials said.';
    expect(fig(text, 'Planes collide on runway').killed).toEqual(expect.objectContaining({ value: 4 }));
    expect(fig('Six crew on the patrol aircraft, a Dash 8 turboprop, were killed.', 'Planes collide').killed?.value).not.toBe(8);
    expect(fig('A Boeing 737 crashed near the city, killing 44 people.').killed).toEqual(expect.objectContaining({ value: 44 }));
  });
  it('a later "bringing the toll to N" replaces an earlier update in the same article', () => {
    const text = 'The death toll from the fire rose to 31 on Tuesday. A firefighter died in hospital overnight, bringing the toll to 32.';
    expect(fig(text).killed).toEqual(expect.objectContaining({ value: 32, qualifier: 'exact' }));
  });
});
