import { describe, expect, it } from 'vitest';
import { foldDiacritics, gazetteer } from '../../src/extract/gazetteer';
import { extract } from '../../src/extract/index';
import type { IncidentHints } from '../../src/schema';
import { fileArticle, memoryIndexStore } from '../../src/track/filing';
import { relatePlaces, townsConflict } from '../../src/track/match';

const T0 = Date.parse('2023-06-02T18:00:00Z');
const DAY = 86_400_000;
let n = 0;
function file(store: ReturnType<typeof memoryIndexStore>, hints: IncidentHints, publishedMs: number) {
  n++;
  return fileArticle(store, { articleId: `t${n}`, bodyHash: `b${n}`, hints, publishedMs, canOpen: true });
}
const keyOf = (f: ReturnType<typeof file>) => (f.kind === 'filed' ? f.key : null);

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

describe('different first towns of spot incidents', () => {
  it('conflict when neither side names the other town', () => {
    expect(townsConflict(['Bargarh', 'Odisha', 'India'], ['Balasore', 'Odisha', 'India'])).toBe(true);
    expect(townsConflict(['Mladenovac', 'Serbia'], ['Belgrade', 'Serbia'])).toBe(true);
  });

  it('agree when one side names the other town, or a side names only a region', () => {
    expect(townsConflict(['Itaewon', 'South Korea'], ['Seoul', 'South Korea', 'Itaewon'])).toBe(false);
    expect(townsConflict(['Florida', 'United States', 'Surfside'], ['Miami', 'Florida', 'United States'])).toBe(false);
    expect(townsConflict(['Odisha', 'India'], ['Balasore', 'Odisha', 'India'])).toBe(false);
  });

  it('keep a second shooting in another town of the same country apart', () => {
    const store = memoryIndexStore();
    const a = file(store, { type: 'shooting', places: ['Belgrade', 'Serbia'], names: ['Vladislav Ribnikar'] }, T0);
    const b = file(store, { type: 'shooting', places: ['Mladenovac', 'Serbia'] }, T0 + DAY);
    expect(keyOf(a)).not.toBe(keyOf(b));
  });

  it('keep a derailment in another district of the same state apart from a crash days earlier', () => {
    const store = memoryIndexStore();
    const a = file(store, { type: 'crash', places: ['Balasore', 'Odisha', 'India'] }, T0);
    const b = file(store, { type: 'crash', places: ['Odisha', 'India'] }, T0 + DAY);
    const c = file(store, { type: 'crash', places: ['Bargarh', 'Odisha', 'India'] }, T0 + 3 * DAY);
    expect(keyOf(b)).toBe(keyOf(a));
    expect(keyOf(c)).not.toBe(keyOf(a));
    // the same when the crash's first report led with the state and the derailment's does too
    const other = memoryIndexStore();
    const d = file(other, { type: 'crash', places: ['Odisha', 'Balasore', 'India'] }, T0);
    const e = file(other, { type: 'crash', places: ['Odisha', 'India', 'Bargarh'] }, T0 + 2 * DAY);
    expect(keyOf(e)).not.toBe(keyOf(d));
  });

  it('join on a shared distinctive name even when the towns differ', () => {
    const store = memoryIndexStore();
    const a = file(store, { type: 'shooting', places: ['Monterey Park', 'California', 'United States'], names: ['Star Ballroom Dance Studio'] }, T0);
    const b = file(store, { type: 'shooting', places: ['Torrance', 'California', 'United States'], names: ['Star Ballroom Dance Studio'] }, T0 + DAY);
    expect(keyOf(b)).toBe(keyOf(a));
  });

  it('do not split wide-area or crowd incidents (a quake felt in many towns, a crush in a district)', () => {
    const store = memoryIndexStore();
    const a = file(store, { type: 'stampede', places: ['Seoul', 'South Korea'] }, T0);
    const b = file(store, { type: 'stampede', places: ['Itaewon', 'South Korea'] }, T0 + DAY);
    expect(keyOf(b)).toBe(keyOf(a));
  });
});
