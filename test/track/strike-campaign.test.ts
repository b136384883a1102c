// Strikes in one region recur for weeks: rule strike.campaign keeps them apart unless a distinctive name ties them.
import { describe, expect, it } from 'vitest';
import { strikesMayJoin } from '../../src/track/match';
import { DAY, HOUR, file, keyOf, memoryIndexStore } from './helpers';

const T0 = Date.parse('2024-03-01T12:00:00Z');

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
