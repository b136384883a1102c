// Place hints for matching: which places a report names, how the gazetteer knows them (divisions, aliases), and
// which place is where it happened. Every sentence is our own.
import { describe, expect, it } from 'vitest';
import { foldDiacritics, gazetteer } from '../../src/extract/gazetteer';
import { extract } from '../../src/extract/index';
import { relatePlaces } from '../../src/track/match';
import { hintsOf } from './helpers';

const places = (text: string, title = '') => extract({ text, title, published: '2024-05-01' }).incident.places;

describe('place hints', () => {
  it('a warship named after a city does not place the incident there', () => {
    const p = places('The frigate HMS Sheffield and the destroyer INS Mumbai escorted the freed tanker off Yemen.', 'Tanker freed');
    expect(p).not.toContain('Mumbai');
    expect(p).not.toContain('Sheffield');
  });
  it('"Columbus, Georgia"-style names resolve to the named state, not vanish or move to the listed one', () => {
    const p = places('A gunman killed three people in Portland, Maine, late on Sunday.', 'Three shot dead in Maine');
    expect(p).toContain('Portland');
    expect(p).toContain('Maine');
    expect(p).not.toContain('Oregon');
  });
  it('a reference point stays when it is the only place ("a village near Kabul")', () => {
    expect(places('Gunmen killed 12 people in a village near Kabul on Friday.', 'Attack near Kabul')).toContain('Kabul');
  });
});

describe('towns of a state-level report', () => {
  it('puts an unlisted town placed by its state ("in Plano, Texas") first, under that state', () => {
    const h = hintsOf('Four shot dead at a warehouse in Plano, Texas', 'A gunman killed four workers at a warehouse in Plano, a suburb north of Dallas, on Friday, police said.');
    expect(h.places.slice(0, 2)).toEqual(['Plano', 'Texas']);
  });

  it('keeps a homonym town of the report\'s state ("near Columbus, east of Austin") as that state\'s town', () => {
    const h = hintsOf(
      'Texas man kills three relatives',
      'Three people were shot dead at a farmhouse in Texas on Sunday, the county sheriff said.\n\nThe house stands in open country near Columbus, east of Austin.',
    );
    expect(h.places).toContain('Columbus, Texas');
    expect(h.places).not.toContain('Ohio');
  });
});

describe('first-level divisions in the gazetteer', () => {
  it('knows states and provinces of populous countries, with their country', () => {
    const g = gazetteer();
    expect(g.get('Odisha')).toMatchObject({ kind: 'state', parent: 'India' });
    expect(g.get('Sindh')).toMatchObject({ kind: 'state', parent: 'Pakistan' });
    expect(g.get('East Java')).toMatchObject({ kind: 'state', parent: 'Indonesia' });
    expect(g.get('Jalisco')).toMatchObject({ kind: 'state', parent: 'Mexico' });
    expect(g.get('Borno')).toMatchObject({ kind: 'state', parent: 'Nigeria' });
    expect(g.get('Sichuan')).toMatchObject({ kind: 'state', parent: 'China' });
  });

  it('moves a listed city under its division and adds capitals', () => {
    const g = gazetteer();
    expect(g.get('Mumbai')).toMatchObject({ kind: 'city', parent: 'Maharashtra' });
    expect(g.get('Bhubaneswar')).toMatchObject({ kind: 'city', parent: 'Odisha' });
    expect(g.get('Antakya')).toMatchObject({ kind: 'city', parent: 'Hatay' });
  });

  it('keeps a name two countries use without a country, and folds diacritics', () => {
    expect(gazetteer().get('Punjab')?.parent).toBeUndefined();
    expect(foldDiacritics('Şanlıurfa')).toBe('Sanliurfa');
    expect(gazetteer().get('Sanliurfa')?.name).toBe('Şanlıurfa');
    expect(gazetteer().get('Kahramanmaras')?.parent).toBe('Turkey');
  });

  it('does not read a first name or a news agency as a place', () => {
    const g = gazetteer();
    expect(g.has('Vladimir')).toBe(false);
    expect(g.has('Fars')).toBe(false);
    expect(g.has('Van')).toBe(false);
  });

  it('places a report that names only a state', () => {
    const r = extract({ title: 'Odisha revises rail disaster toll', text: 'The state government of Odisha said on Sunday that 275 people had died in the rail disaster.' });
    expect(r.incident.places).toContain('Odisha');
    expect(r.incident.places).toContain('India');
  });

  it('different states of one country conflict; a state and its city agree', () => {
    expect(relatePlaces(['Bihar', 'India'], ['Odisha', 'India'])).toBe('conflict');
    expect(relatePlaces(['Bhubaneswar', 'Odisha', 'India'], ['Odisha', 'India'])).toBe('shared');
  });

  it('a division named like its seat is also that city: Belgorod is not Moscow', () => {
    expect(relatePlaces(['Belgorod', 'Russia'], ['Moscow', 'Russia'])).toBe('conflict');
  });
});

describe('exonyms, transliterations and former names', () => {
  it('name one place whichever spelling a report uses', () => {
    const g = gazetteer();
    for (const [alias, canon] of [
      ['Kiev', 'Kyiv'], ['Dnepr', 'Dnipro'], ['Odessa', 'Odesa'], ['Kharkov', 'Kharkiv'], ['Bombay', 'Mumbai'], ['Peking', 'Beijing'],
      ['Rangoon', 'Yangon'], ['Calcutta', 'Kolkata'], ['Madras', 'Chennai'], ['Bangalore', 'Bengaluru'], ['Orissa', 'Odisha'],
      ['Leningrad', 'Saint Petersburg'], ['St Petersburg', 'Saint Petersburg'], ['Marrakech', 'Marrakesh'],
    ] as const) expect(g.get(alias)?.name, alias).toBe(canon);
  });

  it('so an old spelling no longer conflicts with the new one', () => {
    expect(relatePlaces(['Odessa', 'Ukraine'], ['Odesa', 'Ukraine'])).not.toBe('conflict');
    expect(relatePlaces(['Bangalore', 'Karnataka', 'India'], ['Bengaluru', 'Karnataka', 'India'])).not.toBe('conflict');
    expect(relatePlaces(['Kharkiv', 'Ukraine'], ['Dnipro', 'Ukraine'])).toBe('conflict');
  });
});
