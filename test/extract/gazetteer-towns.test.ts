// The GeoNames town table: how a town the curated list does not know is found, placed in its state, and told
// apart from a person, a word or a namesake elsewhere. Every sentence is our own.
import { describe, expect, it } from 'vitest';
import { countyState, resolveTown } from '../../src/extract/gazetteer';
import { LINE_END, sortedLookup, townsNamed } from '../../src/extract/gazetteer-towns-index';
import { TOWNS } from '../../src/extract/gazetteer-towns';
import { nameUsedOtherwise } from '../../src/extract/incident';
import { relatePlaces } from '../../src/track/match';
import { randomTexts, run } from './support';

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

describe('a town name used otherwise in the report', () => {
  const listed = new Set(['New Kerrville', 'East Lindale', 'Ab Police Ab']);
  const isPlace = (x: string) => listed.has(x);
  it('as a lower-case word, after a first name, or as the end of a longer listed place', () => {
    expect(nameUsedOtherwise('Police in Mobile said a mobile home burned.', 'Mobile', isPlace)).toBe(true);
    expect(nameUsedOtherwise('Marcus Lindale, 30, was charged.', 'Lindale', isPlace)).toBe(true);
    expect(nameUsedOtherwise('Crews from New Kerrville police helped.', 'Kerrville', isPlace)).toBe(true);
    // a town word after it keeps the name a town; so does a capital at a sentence start after a full stop and space
    expect(nameUsedOtherwise('Jail Kerrville police said two men were held.', 'Kerrville', isPlace)).toBe(false);
    expect(nameUsedOtherwise('Two were shot in Kerrville. Kerrville police said so.', 'Kerrville', isPlace)).toBe(false);
    expect(nameUsedOtherwise('Kerrville-area schools closed; Kerrvilles elsewhere did not.', 'Kerrville', isPlace)).toBe(false);
  });

  // The searches the plain string scan replaced, kept here as its specification.
  const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  function byPatterns(whole: string, name: string): boolean {
    const e = esc(name);
    if (new RegExp(`(?<![\\p{L}])${e.toLowerCase()}(?![\\p{L}])`, 'u').test(whole)) return true;
    if (new RegExp(`\\b\\p{Lu}\\p{Ll}+ ${e}(?![\\p{L}])(?! (?:County|Parish|Township|Police|police|officers|firefighters|residents?|mayor|officials)\\b)`, 'u').test(whole)) return true;
    return [...whole.matchAll(new RegExp(`\\b(\\p{Lu}\\p{Ll}+) ${e}(?![\\p{L}])`, 'gu'))].some((b) => isPlace(`${b[1]} ${name}`));
  }

  it('agrees with the regular expressions it replaced on random texts of names, capitals, marks and surrogates', () => {
    // ('Police Ab' starts with a town word, the one way two "<Word> <name>" readings can overlap)
    const names = ['Kerrville', 'Lindale', 'Über', 'Ab', 'Police Ab'];
    const parts = ['Police Ab', 'Kerrville', 'kerrville', 'Lindale', 'lindale', 'Über', 'über', 'Ab', 'ab', 'New', 'East', 'Marcus', 'Éva', 'ÉVA', 'X', 'x', '_', '9', ' ', ' ', ' ', ' County', ' police', ' officersx', ',', '.', '-', 'é', '\u0301', '𝐀', '𝐚', '\ud835', '\udc00', 'ß'];
    const randomText = randomTexts(parts, 11);
    // readings that would overlap are read once, left to right (too rare to come up at random)
    for (const [text, name] of [['Xy Police Ab Police Ab County', 'Police Ab'], ['Xy Police Ab County', 'Police Ab']] as const) {
      expect(nameUsedOtherwise(text, name, isPlace), text).toBe(byPatterns(text, name));
    }
    expect(byPatterns('Xy Police Ab Police Ab County', 'Police Ab')).toBe(false);
    let used = 0;
    for (let n = 0; n < 4000; n++) {
      const text = randomText(15) || 'Kerrville';
      const name = names[n % names.length]!;
      const expected = byPatterns(text, name);
      if (expected) used++;
      expect(nameUsedOtherwise(text, name, isPlace), JSON.stringify([text, name])).toBe(expected);
    }
    // both answers are common, so the agreement is not vacuous
    expect(used).toBeGreaterThan(100);
    expect(used).toBeLessThan(3900);
  });
});
