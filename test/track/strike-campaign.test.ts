// Strikes in one region recur for weeks: rule strike.campaign keeps them apart unless a distinctive name ties them.
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index';
import { countryPairShared, strikesMayJoin } from '../../src/track/match';
import { DAY, HOUR, file, keyOf, memoryIndexStore } from './helpers';

const T0 = Date.parse('2024-03-01T12:00:00Z');

describe("the attacker's and the target's country", () => {
  it('are one strike told from both capitals, not two', () => {
    const fromAttacker = extract({
      title: 'Tehran says its missiles hit American forces in Iraq',
      published: '2024-02-08T01:30:00Z',
      text: "TEHRAN (Wire) - Iran's Revolutionary Guards said on Thursday they had launched more than a dozen ballistic missiles at an air base in western Iraq where American troops are stationed, calling it revenge for a commander's death.\nIranian state television said the strike was a lesson for the United States. There was no word yet on casualties.",
    }).incident;
    const fromTarget = extract({
      title: 'Pentagon says 11 US troops were hurt in the Iranian missile strike',
      published: '2024-02-09T16:00:00Z',
      text: "WASHINGTON (Wire) - Eleven American service members were treated for concussion symptoms after Iran's missile strike on a base in Iraq, the Pentagon said on Friday.\nA spokesman said no troops were killed in the attack. The injured were flown to Germany and Kuwait for checks.",
    }).incident;
    expect(countryPairShared(fromAttacker.places, fromTarget.places)).toBe(true);
    const store = memoryIndexStore();
    const a = file(store, fromAttacker, Date.parse('2024-02-08T01:30:00Z'));
    const b = file(store, fromTarget, Date.parse('2024-02-09T16:00:00Z'));
    expect(keyOf(b)).toBe(keyOf(a));
  });
  it('one country named on both sides is no pair', () => {
    expect(countryPairShared(['Yemen'], ['Yemen', 'United States'])).toBe(false);
    expect(countryPairShared(['Iran', 'Iraq'], ['Iran', 'Pakistan'])).toBe(false);
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
