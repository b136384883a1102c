// General English news patterns found with the ho4 hold-out batch (long wire and web copy); every sentence is our own.
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index';

const run = (text: string, title?: string, published = '2024-05-01') => extract({ text, ...(title ? { title } : {}), published });
const fig = (text: string, title?: string) => run(text, title).casualties;

describe('casualty patterns in long copy', () => {
  it('a counted object of two groups adds up: "killed 19 children and two teachers"', () => {
    expect(fig('A gunman killed 14 pupils and two staff members at the school on Monday.').killed).toEqual(expect.objectContaining({ value: 16, qualifier: 'exact' }));
    expect(fig('The blast killed at least 40 villagers and three U.S. soldiers, officials said.').killed).toEqual(expect.objectContaining({ value: 43, qualifier: 'at_least' }));
    // attackers and a second clause are not added
    expect(fig('Troops killed 12 civilians and four gunmen in the raid.').killed).toEqual(expect.objectContaining({ value: 12 }));
    expect(fig('The storm killed nine people and 30 others were injured.').killed).toEqual(expect.objectContaining({ value: 9 }));
  });
  it('a comma list of counted groups ending in "and" adds up', () => {
    expect(fig('Gunmen kidnapped 20 pupils, two teachers and five parents from the school.').hostages).toEqual(expect.objectContaining({ value: 27 }));
    expect(fig('The storm killed 12 people, 30 were injured and five are missing.').killed).toEqual(expect.objectContaining({ value: 12 }));
    expect(fig('The attack killed 12 people, three of them children.').killed).toEqual(expect.objectContaining({ value: 12 }));
  });
  it('a day in words after a month is a date; "killed one of" needs people', () => {
    expect(fig('The March five earthquake killed up to 1,000 people.').killed).toEqual(expect.objectContaining({ value: 1000, qualifier: 'at_most' }));
    expect(fig('In March nine people died in the floods.').killed).toEqual(expect.objectContaining({ value: 9 }));
    expect(fig('He said the reform had killed one of the sacred cows of French finance.')).toEqual({});
    expect(fig('The blast killed one of the guards.').killed).toEqual(expect.objectContaining({ value: 1 }));
  });
  it('an older year inside an aside dates only the aside', () => {
    expect(fig('Shelling killed 14 people in the port, which was captured in 2014, officials said.').killed).toEqual(expect.objectContaining({ value: 14 }));
    expect(fig('The city, which was rebuilt after a quake in 1999, was hit again on Monday and 40 people were killed.').killed).toEqual(expect.objectContaining({ value: 40 }));
    expect(fig('Shelling killed 14 people in the port in 2014.').killed).toBeUndefined();
    expect(fig('The ferry, which sank in 2014 with 300 people killed, was raised.').killed).toBeUndefined();
  });
  it('a population of a place is not a count of people: "parts of the 7,000 town were evacuated"', () => {
    expect(fig('Parts of the 7,000 town have been evacuated.').displaced).toBeUndefined();
  });
  it('"found 23 survivors and 7 bodies" gives the bodies as the dead', () => {
    const f = fig('Rescuers found 23 survivors and 7 bodies in the wreckage on Sunday.');
    expect(f.killed).toEqual(expect.objectContaining({ value: 7, qualifier: 'exact' }));
    expect(fig('Divers pulled out five survivors and at least 11 bodies from the hull.').killed).toEqual(expect.objectContaining({ value: 11, qualifier: 'at_least' }));
  });
  it('active "forced N from their homes" is displaced', () => {
    expect(fig('The floods forced some 30,000 residents from their homes.').displaced).toEqual(expect.objectContaining({ value: 30000, qualifier: 'approx' }));
    expect(fig('The fighting drove more than 4,000 villagers to flee across the border.').displaced).toEqual(expect.objectContaining({ value: 4000, qualifier: 'at_least' }));
    expect(fig('The law forced 300 workers to retire early.').displaced).toBeUndefined();
  });
  it('a relative clause between a subject and its verb: "Seven men who refused to leave were arrested"', () => {
    expect(fig('Seven men who refused to leave the square were arrested, police said.').arrested).toEqual(expect.objectContaining({ value: 7 }));
    expect(fig('Two climbers who set out on Friday are missing.').missing).toEqual(expect.objectContaining({ value: 2 }));
  });
  it('a counted place phrase inside the subject: "80 people in eight cities were detained"', () => {
    expect(fig('More than 80 people in eight cities were detained after the riots.').arrested).toEqual(expect.objectContaining({ value: 80, qualifier: 'at_least' }));
  });
  it('"was shot and wounded" joins two verbs', () => {
    expect(fig('A security guard was shot and wounded during the raid.').injured).toEqual(expect.objectContaining({ value: 1 }));
    expect(fig('Three traders were beaten and killed by the mob.').killed).toEqual(expect.objectContaining({ value: 3 }));
  });
  it('"being treated in hospitals" and "in hospital" are injured', () => {
    expect(fig('More than 120 people were being treated in hospitals, the ministry said.').injured).toEqual(expect.objectContaining({ value: 120, qualifier: 'at_least' }));
    expect(fig('Fourteen people remain in hospital after the crash.').injured).toEqual(expect.objectContaining({ value: 14 }));
  });
  it('"the toll has passed N" is a floor that a precise later figure refines', () => {
    expect(fig('The number of people killed in the floods has passed 2,000, officials said.').killed).toEqual(expect.objectContaining({ value: 2000, qualifier: 'at_least' }));
    expect(fig('The death toll has passed 2,000, officials said. The ministry said 2,140 deaths had been recorded.').killed).toEqual(
      expect.objectContaining({ value: 2140, qualifier: 'exact' }),
    );
  });
  it('a toll in a relative clause on an earlier event of another kind is background', () => {
    const text = 'Unions staged a general strike on Friday. At least 20 people were hurt in clashes. The cuts were made after a cyclone in May that killed 300 people.';
    expect(fig(text, 'Clashes as unions strike').killed).toBeUndefined();
    expect(fig(text, 'Clashes as unions strike').injured).toEqual(expect.objectContaining({ value: 20 }));
    // the same phrasing in a report about that very event keeps the toll
    expect(fig('Aid arrived on Monday after a cyclone that killed 300 people.', 'Cyclone survivors wait for aid').killed).toEqual(expect.objectContaining({ value: 300 }));
  });
  it('"…, hours after X was killed" is a separate, earlier event when the sentence reports another figure first', () => {
    const f = fig('Gunmen took 12 people hostage at a bank on Monday, hours after a guard was shot dead at a nearby depot.');
    expect(f.hostages).toEqual(expect.objectContaining({ value: 12 }));
    expect(f.killed).toBeUndefined();
    expect(fig('A guard died hours after the attack, police said.').killed).toEqual(expect.objectContaining({ value: 1 }));
  });
  it('"killed or wounded N" and "were killed, wounded or captured" are combined figures, not split', () => {
    expect(fig('The rebels said they had killed or wounded 900 government troops.')).toEqual({});
    expect(fig('The radio said at least 700 soldiers had been killed, wounded or captured.')).toEqual({});
    expect(fig('The blast killed 12 people and wounded 40.').injured).toEqual(expect.objectContaining({ value: 40 }));
  });
});

describe('threat patterns in long copy', () => {
  const thr = (text: string, title?: string, published = '2022-12-26') => run(text, title, published).threats.map((t) => t.value);
  it('"fuel tanks" are containers, not armour', () => {
    expect(thr('A fire broke out at the fuel tanks of the depot. The blaze destroyed four giant tanks.')).toEqual([]);
    expect(thr('The army moved 40 tanks to the border.')).toEqual([40]);
  });
  it('a list whose items are each part of a larger count elsewhere is a breakdown', () => {
    expect(thr('The army fired 90 missiles and 40 drones overnight. Air defences shot down 70 missiles and 35 drones.')).toEqual([90, 40]);
    expect(thr('Iran launched 170 drones, 30 cruise missiles and 120 ballistic missiles.')).toEqual([170, 30, 120]);
  });
  it('soldiers who are the object of a casualty verb, or the victims of an ambush, are no threat', () => {
    expect(thr('Guerrillas wounded at least 25 soldiers in the raid.')).toEqual([]);
    expect(thr('About 60 soldiers on a night patrol were ambushed near the river.')).toEqual([]);
    expect(thr('The army deployed about 60 soldiers near the river.')).toEqual([60]);
  });
  it('an older year inside an aside does not hide the sentence\'s own threat', () => {
    expect(thr('Russia has massed 90,000 troops near the Crimean Peninsula, which it seized in 2014.', undefined, '2021-12-07')).toEqual([90000]);
    expect(thr('Russia massed 90,000 troops near the border in 2014.', undefined, '2021-12-07')).toEqual([]);
  });
  it('a sentence opening on an earlier month is background', () => {
    expect(thr('China sent 40 warplanes toward the island on Monday. In August, it fired 11 ballistic missiles into nearby waters.')).toEqual([40]);
    // a month just past, or one ahead, is not set aside
    expect(thr('In November, the army massed 30,000 troops on the border.')).toEqual([30000]);
  });
});
