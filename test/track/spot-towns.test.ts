// Spot incidents (a shooting, a blast, a crash) in different towns are different incidents unless a name ties them:
// rule spot.towns-differ, and the towns an incident holds. Every sentence is our own.
import { describe, expect, it } from 'vitest';
import { townsConflict } from '../../src/track/match';
import { DAY, file, hintsOf, keyOf, memoryIndexStore } from './helpers';

const T0 = Date.parse('2023-06-02T18:00:00Z');

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

describe('towns of a state-level report', () => {
  it('keeps two shootings in different towns of one state, a week apart, apart', () => {
    const store = memoryIndexStore();
    const a = file(
      store,
      hintsOf(
        'Texas man kills three relatives',
        'Three people were shot dead at a farmhouse in Texas on Sunday, the county sheriff said.\n\nThe house stands in open country near Columbus, east of Austin.',
      ),
      T0,
    );
    const b = file(
      store,
      hintsOf(
        'Four shot dead at a warehouse in Plano, Texas',
        'A gunman killed four workers at a warehouse in Plano, a suburb north of Dallas, on Friday, police said.\n\nIt was the second deadly shooting in the state in a week, after three relatives were killed near Columbus.',
      ),
      T0 + 6 * DAY,
    );
    expect(keyOf(b)).not.toBe(keyOf(a));
  });
});

describe('towns an incident holds', () => {
  it('stand for an incident whose first report named only the state', () => {
    // the crash's first report led with the state; the derailment leads with the state and names its own district
    expect(townsConflict(['Odisha', 'India', 'Bargarh'], ['Odisha', 'Balasore', 'India'])).toBe(true);
    expect(townsConflict(['Bargarh', 'Odisha', 'India'], ['Odisha', 'India', 'Balasore'])).toBe(true);
    // a report naming only the state, or naming the incident's town, is no conflict
    expect(townsConflict(['Odisha', 'India'], ['Odisha', 'Balasore', 'India'])).toBe(false);
    expect(townsConflict(['Odisha', 'India', 'Balasore', 'Bargarh'], ['Odisha', 'Balasore', 'India'])).toBe(false);
  });

  it('leave out listed cities, from which a suburb is reported', () => {
    expect(townsConflict(['Miami', 'Florida', 'United States'], ['Florida', 'United States', 'Surfside'])).toBe(false);
  });
});
