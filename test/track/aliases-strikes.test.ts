import { describe, expect, it } from 'vitest';
import { gazetteer } from '../../src/extract/gazetteer';
import type { IncidentHints } from '../../src/schema';
import { fileArticle, memoryIndexStore } from '../../src/track/filing';
import { relatePlaces, strikesMayJoin, townsConflict } from '../../src/track/match';

const T0 = Date.parse('2024-03-01T12:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let n = 0;
function file(store: ReturnType<typeof memoryIndexStore>, hints: IncidentHints, publishedMs: number) {
  n++;
  return fileArticle(store, { articleId: `s${n}`, bodyHash: `h${n}`, hints, publishedMs, canOpen: true });
}
const keyOf = (f: ReturnType<typeof file>) => (f.kind === 'filed' ? f.key : null);

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

describe('strikes in one region', () => {
  it('different weapons are different attacks', () => {
    expect(strikesMayJoin('rocket attack', 'drone attack', ['Kabul', 'Afghanistan'], ['Kabul', 'Afghanistan'], 14 * HOUR)).toBe(false);
    expect(strikesMayJoin('attack', 'missile attack', ['Kabul', 'Afghanistan'], ['Kabul', 'Afghanistan'], 14 * HOUR)).toBe(true);
  });

  it('join on a shared town within three days, on a shared country within twelve hours', () => {
    expect(strikesMayJoin('missile attack', 'missile attack', ['Dnipro', 'Ukraine'], ['Dnipro', 'Ukraine'], 2 * DAY)).toBe(true);
    expect(strikesMayJoin('missile attack', 'missile attack', ['Dnipro', 'Ukraine'], ['Dnipro', 'Ukraine'], 4 * DAY)).toBe(false);
    expect(strikesMayJoin('missile attack', 'missile attack', ['North Korea', 'South Korea'], ['North Korea', 'Japan'], 6 * HOUR)).toBe(true);
    expect(strikesMayJoin('attack', 'attack', ['Yemen'], ['Yemen', 'United States'], 2 * DAY)).toBe(false);
  });

  it('a ship attack that names no ship does not join one days earlier that did', () => {
    const store = memoryIndexStore();
    const a = file(store, { type: 'missile attack', places: ['Yemen'], names: ['Red Sea'], vessels: ['Sea Star'] }, T0);
    const b = file(store, { type: 'missile attack', places: ['Yemen'], names: ['Red Sea'], vessels: ['Sea Star'] }, T0 + 2 * DAY);
    const c = file(store, { type: 'missile attack', places: ['Yemen'], names: ['Red Sea'] }, T0 + 4 * DAY);
    expect(keyOf(b)).toBe(keyOf(a));
    expect(keyOf(c)).not.toBe(keyOf(a));
  });

  it('a campaign sharing a distinctive name stays one incident', () => {
    const store = memoryIndexStore();
    const a = file(store, { type: 'rocket attack', places: ['Israel', 'Gaza'], names: ['Islamic Jihad'] }, T0);
    const b = file(store, { type: 'rocket attack', places: ['Israel', 'Gaza'], names: ['Islamic Jihad'] }, T0 + 4 * DAY);
    expect(keyOf(b)).toBe(keyOf(a));
  });
});
