// The GeoNames town table: how a town the curated list does not know is found, placed in its state, and told
// apart from a person, a word or a namesake elsewhere. Every sentence is our own.
import { describe, expect, it } from 'vitest';
import { countyState, resolveTown } from '../../src/extract/gazetteer';
import { LINE_END, sortedLookup, townsNamed } from '../../src/extract/gazetteer-towns-index';
import { TOWNS } from '../../src/extract/gazetteer-towns';
import { relatePlaces } from '../../src/track/match';
import { run } from './support';

const places = (text: string, title = '') => run(text, title).incident.places;

describe('the table', () => {
  it('lists namesakes most populous first, with state, country and county', () => {
    const towns = townsNamed('Arlington');
    expect(towns.length).toBeGreaterThan(5);
    expect(towns[0]).toMatchObject({ division: 'Texas', country: 'United States', county: 'Tarrant County' });
    expect(towns[0]!.population).toBeGreaterThan(towns[1]!.population);
  });
  it('finds the spellings news uses ("Saint Louis" for "St. Louis", "Ft. Worth")', () => {
    expect(townsNamed('Saint Louis').some((t) => t.division === 'Missouri')).toBe(true);
    expect(townsNamed('Ft. Worth')[0]?.division).toBe('Texas');
  });
  it('knows US counties and their states', () => {
    expect(countyState('Tarrant County', new Set())).toBe('Texas');
    // many states have a Washington County: only the report's own state decides
    expect(countyState('Washington County', new Set())).toBeUndefined();
    expect(countyState('Washington County', new Set(['Oregon']))).toBe('Oregon');
  });
});

describe('the lookup (binary search in the sorted text, nothing split)', () => {
  const table = ['Alder\ta', 'Birch\tb', 'Birchwood\tbw', 'Cedar\tc', 'Élan\te'].join(LINE_END);
  it('finds every key, first, last and middle, and only whole keys', () => {
    for (const [key, value] of [['Alder', 'a'], ['Birch', 'b'], ['Birchwood', 'bw'], ['Cedar', 'c'], ['Élan', 'e']]) expect(sortedLookup(table, key!)).toBe(value);
    for (const missing of ['', 'A', 'Birc', 'Birchw', 'Cedars', 'Zed', '\uffff']) expect(sortedLookup(table, missing)).toBeUndefined();
  });
  it('finds every town line of the real table and its neighbours\' keys do not collide', () => {
    const lines = TOWNS.split(LINE_END);
    for (let i = 0; i < lines.length; i += 97) {
      const [name, entries] = lines[i]!.split('\t') as [string, string];
      expect(sortedLookup(TOWNS, name)).toBe(entries);
      expect(sortedLookup(TOWNS, `${name}\u0001`)).toBeUndefined();
    }
  });
});

describe('resolving a name', () => {
  it('takes the namesake in the state the report names', () => {
    expect(resolveTown('Arlington', new Set(['Virginia']))?.parent).toBe('Virginia');
    expect(resolveTown('Arlington', new Set(['Texas']))?.parent).toBe('Texas');
  });
  it('leaves a name with several large namesakes unplaced when no state is named', () => {
    expect(resolveTown('Arlington', new Set())).toBeUndefined();
  });
  it('takes a large town far larger than any namesake with no state named', () => {
    expect(resolveTown('Fort Worth', new Set())?.parent).toBe('Texas');
  });
  it('reads a stop-listed word as a town only with its region written beside it', () => {
    expect(resolveTown('Mobile', new Set())).toBeUndefined();
    expect(resolveTown('Mobile', new Set(['Alabama']), true)?.parent).toBe('Alabama');
  });
  it('puts a town of a region named after its city in that city\'s orbit', () => {
    expect(resolveTown('Krasnogorsk', new Set(['Russia']))?.parent).toBe('Moscow');
  });
});

describe('reports', () => {
  it('places a town the curated list lacks under the state the report names', () => {
    const p = places('Two men were wounded in a shooting outside a bar in Arlington early Sunday, Texas police said.', 'Two wounded outside Arlington bar');
    expect(p.slice(0, 2)).toEqual(['Arlington', 'Texas']);
  });
  it('takes a smaller town the text itself calls a town ("Kerrville police") with no state named', () => {
    expect(places('Kerrville police said a man was wounded outside a gas station late Friday.', 'Man wounded outside gas station')).toContain('Texas');
  });
  it('places a report whose headline and lead name no place by a town its body names', () => {
    const p = places('A man was shot while sitting in his car late Friday.\n\nOfficers said the shooting happened near a park in Kerrville, and no arrest has been made.', 'Man shot while sitting in car');
    expect(p).toEqual(expect.arrayContaining(['Kerrville', 'Texas']));
  });
  it('reads "Town, State" written out even for a word-like town name', () => {
    expect(places('A woman was shot on a porch in Mobile, Alabama, on Friday night.', 'Woman shot on porch')).toContain('Alabama');
  });
  it('does not read a person named like a town as the town', () => {
    const p = places('Police identified the victims as Tavon Reed, 22, and Jordan Pike, 18. Jordan was a senior at the high school.', 'Two killed outside dance hall');
    expect(p).not.toContain('Jordan');
  });
  it('keeps a common word that names towns out ("Independence" as a word)', () => {
    expect(places('Neighbors said the shooting shattered their sense of independence and safety in Denver on Tuesday.', 'Man shot in Denver')).not.toContain('Independence');
  });
  it('namesake towns of two states are two places', () => {
    const a = places('A teenager was shot in Arlington on Monday, Texas police said.', 'Teen shot in Arlington');
    const b = places('A teenager was shot in Arlington on Monday, Virginia police said.', 'Teen shot in Arlington');
    expect(relatePlaces(a, b)).toBe('conflict');
  });
});
