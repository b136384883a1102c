// Which counted forces, weapons and targets are a threat, and which are casualties, past attackers or parts of a larger count; every sentence is our own.
import { describe, expect, it } from 'vitest';
import { threats } from './support';

// Written against a late-December date: "In November" is the month just past and "In August" an earlier one.
const LATE_DECEMBER = '2022-12-26';

describe('forces called up or sent', () => {
  it('reservists and conscripts called up are a force', () => {
    expect(threats('The president ordered the call-up of 150,000 reservists on Friday.')).toEqual([150000]);
    expect(threats('The government announced a partial mobilisation of 90,000 reservists.')).toEqual([90000]);
    expect(threats('Some 40 reservists were killed in the shelling.')).toEqual([]);
  });
  it('a vague count of soldiers is part of a precise call-up elsewhere', () => {
    expect(threats('The army has called up 120,000 reservists. Thousands of soldiers were sent north on Sunday.')).toEqual([120000]);
    // alone, the vague count stays
    expect(threats('Thousands of soldiers were sent north on Sunday.')).toEqual([2000]);
  });
  it('troops sent to search for attackers are a force; a rescue search is not', () => {
    expect(threats('The army said 1,500 troops had been sent to seal off the district and search for the gunmen.')).toEqual([1500]);
    expect(threats('The army sent 800 troops to search for survivors in the rubble.')).toEqual([]);
  });
});

describe('soldiers and attackers who are no force', () => {
  it('soldiers who are the subject of "died" are the dead, not a force', () => {
    expect(threats('At least 30 soldiers and rebels including a U.S. military adviser died in the battle on Sunday.')).toEqual([]);
    expect(threats('The army has sent 5,000 troops to the border, where two farmers died last week.')).toEqual([5000]);
  });
  it('troops who were killed and a place count are no threat', () => {
    expect(threats('Thirteen American troops were killed in the bombing.')).toEqual([]);
    expect(threats('Police arrested 120 people in eight cities on Friday.')).toEqual([]);
  });
  it('soldiers who are the object of a casualty verb, or the victims of an ambush, are no threat', () => {
    expect(threats('Guerrillas wounded at least 25 soldiers in the raid.', undefined, LATE_DECEMBER)).toEqual([]);
    expect(threats('About 60 soldiers on a night patrol were ambushed near the river.', undefined, LATE_DECEMBER)).toEqual([]);
    expect(threats('The army deployed about 60 soldiers near the river.', undefined, LATE_DECEMBER)).toEqual([60]);
  });
  it('an inverted casualty list is no troop count', () => {
    expect(threats('Killed were 6 soldiers and 2 police officers.')).toEqual([]);
  });
  it('attackers of a past attack are not a threat', () => {
    expect(threats('Police said two suicide bombers blew themselves up at the gate.')).toEqual([]);
    expect(threats('Investigators said six gunmen and three soldiers, all deserters, had carried out the attacks.')).toEqual([]);
    // soldiers carrying out drills are still a force
    expect(threats('About 30,000 troops carried out drills near the border.')).toEqual([30000]);
  });
  it('a partitive names a group already met: "one of the two bombers" counts no bombers', () => {
    expect(threats('One of the two bombers blew himself up at the gate.')).toEqual([]);
    expect(threats('One of three divisions on the border was put on alert.')).toEqual([]);
  });
});

describe('targets', () => {
  it('sites a barrage "targeted" are threat sites', () => {
    expect(threats('The Guards said they had targeted four air bases with the missiles.')).toEqual([4]);
  });
  it('sites threatened with a strike are threats; sites merely named are not', () => {
    expect(threats('The rebels said they were ready to strike four air bases.')).toEqual([4]);
    expect(threats('The country has four air bases on the island.')).toEqual([]);
    expect(threats('The group vowed to attack 12 embassies in the region.')).toEqual([12]);
  });
});

describe('weapons and their breakdowns', () => {
  it('"fuel tanks" are containers, not armour', () => {
    expect(threats('A fire broke out at the fuel tanks of the depot. The blaze destroyed four giant tanks.', undefined, LATE_DECEMBER)).toEqual([]);
    expect(threats('The army moved 40 tanks to the border.', undefined, LATE_DECEMBER)).toEqual([40]);
  });
  it('a list whose items are each part of a larger count elsewhere is a breakdown', () => {
    expect(threats('The army fired 90 missiles and 40 drones overnight. Air defences shot down 70 missiles and 35 drones.', undefined, LATE_DECEMBER)).toEqual([90, 40]);
    expect(threats('Iran launched 170 drones, 30 cruise missiles and 120 ballistic missiles.', undefined, LATE_DECEMBER)).toEqual([170, 30, 120]);
  });
  it('every item of a listed breakdown is its own figure', () => {
    expect(threats('The army fired more than 300 drones and missiles. The barrage included 170 drones, 30 cruise missiles and 120 ballistic missiles.').sort((a, b) => a - b)).toEqual([30, 120, 170, 300]);
  });
});

describe('threats dated before the article', () => {
  it('an older year inside an aside does not hide the sentence\'s own threat', () => {
    expect(threats('Russia has massed 90,000 troops near the Crimean Peninsula, which it seized in 2014.', undefined, '2021-12-07')).toEqual([90000]);
    expect(threats('Russia massed 90,000 troops near the border in 2014.', undefined, '2021-12-07')).toEqual([]);
  });
  it('a sentence opening on an earlier month is background', () => {
    expect(threats('China sent 40 warplanes toward the island on Monday. In August, it fired 11 ballistic missiles into nearby waters.', undefined, LATE_DECEMBER)).toEqual([40]);
    // a month just past, or one ahead, is not set aside
    expect(threats('In November, the army massed 30,000 troops on the border.', undefined, LATE_DECEMBER)).toEqual([30000]);
  });
});
