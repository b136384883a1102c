// General English news patterns found with the ho3-a hold-out batch; every sentence is our own.
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index';

const run = (text: string, title?: string) => extract({ text, ...(title ? { title } : {}), published: '2024-05-01' });
const fig = (text: string) => run(text).casualties;

describe('generalised casualty patterns', () => {
  it('a year after a preposition is a date, not a count', () => {
    expect(fig('A war in the region in 2008 killed hundreds of people and displaced tens of thousands.')).toEqual({});
  });
  it('"the deadliest since 2015" compares with the past; it does not date the figure', () => {
    expect(fig('At least 30 people were killed, in the deadliest attack since 2015.').killed).toEqual(expect.objectContaining({ value: 30 }));
    expect(run('Militants fired 200 rockets, the heaviest barrage since 2014.').threats.map((t) => t.value)).toEqual([200]);
    expect(fig('Nine people have been killed since 2019 in similar attacks.').killed).toBeUndefined();
  });
  it('attackers who die are not the toll', () => {
    expect(fig('Police said two of the attackers were killed in a gunfight with soldiers.').killed).toBeUndefined();
    expect(fig('Troops killed three gunmen at the checkpoint.').killed).toBeUndefined();
    expect(fig('The gunmen killed three guards at the checkpoint.').killed).toEqual(expect.objectContaining({ value: 3 }));
  });
  it('"made homeless" is displaced', () => {
    expect(fig('About 5,000 people were made homeless by the floods.').displaced).toEqual(expect.objectContaining({ value: 5000, qualifier: 'approx' }));
  });
  it('"rounded up" is an arrest', () => {
    expect(fig('Troops rounded up 150 protesters in the main square.').arrested).toEqual(expect.objectContaining({ value: 150, qualifier: 'exact' }));
    expect(fig('Farmers rounded up 150 cattle before the storm.').arrested).toBeUndefined();
  });
  it('"moved N people to safety" is displaced, other moves are not', () => {
    expect(fig('Officials moved more than 500,000 residents to safety before the storm.').displaced).toEqual(
      expect.objectContaining({ value: 500000, qualifier: 'at_least' }),
    );
    expect(fig('The company moved 300 workers to a new plant.').displaced).toBeUndefined();
  });
  it('"bringing the death toll to N" updates an earlier count', () => {
    expect(fig('Two people died on Monday. A third victim died in hospital on Friday, bringing the death toll to three.').killed).toEqual(
      expect.objectContaining({ value: 3, qualifier: 'exact' }),
    );
  });
  it('bodies recovered, "bodies of N", "all N on board", "stabbed to death"', () => {
    expect(fig('Divers pulled 9 bodies from the lake on Sunday.').killed).toEqual(expect.objectContaining({ value: 9 }));
    expect(fig('The bodies of 6 climbers were found near the summit.').killed).toEqual(expect.objectContaining({ value: 6 }));
    expect(fig('Divers pulled 9 cars from the lake on Sunday.').killed).toBeUndefined();
    expect(fig('The plane crash killed all 132 people on board.').killed).toEqual(expect.objectContaining({ value: 132, qualifier: 'exact' }));
    expect(fig('Four villagers were hacked to death by a mob.').killed).toEqual(expect.objectContaining({ value: 4 }));
  });
  it('"a dozen" before a casualty keyword, "took N into custody"', () => {
    expect(fig('A dozen tourists were abducted near the border.').hostages).toEqual(expect.objectContaining({ value: 12, qualifier: 'exact' }));
    expect(fig('Officers took 23 fans into custody after the match.').arrested).toEqual(expect.objectContaining({ value: 23 }));
    expect(fig('Officers took 23 fans to the stadium.').arrested).toBeUndefined();
  });
  it('coordinated subjects add up, attackers excepted', () => {
    expect(fig('Two soldiers and three civilians were killed in the ambush.').killed).toEqual(expect.objectContaining({ value: 5 }));
    expect(fig('Three hostages and four attackers were killed, police said.').killed).toEqual(expect.objectContaining({ value: 3 }));
    expect(fig('The death toll stood at 80 people and 900 were wounded.').injured).toEqual(expect.objectContaining({ value: 900 }));
  });
  it('"N more" after another category is not an increment', () => {
    expect(fig('Nineteen people were killed and 40 more were injured.').injured).toEqual(expect.objectContaining({ value: 40 }));
    expect(fig('Five people died on Monday and 2 more died on Tuesday.').killed).toEqual(expect.objectContaining({ value: 5 }));
  });
  it('attribution: a named person keeps the name; the office after it makes the figure official', () => {
    const c = fig("Residents said 300 people had been killed. Amir Rahimi, head of the province's emergency medical services, told state television that 224 people had been killed.");
    expect(c.killed).toEqual(expect.objectContaining({ value: 224, attribution: 'Amir Rahimi' }));
    expect(fig('An estimated 15,000 residents were evacuated.').displaced?.attribution).toBeUndefined();
  });
  it('more displacement phrasings', () => {
    expect(fig('About 150,000 people were forced to flee.').displaced).toEqual(expect.objectContaining({ value: 150000, qualifier: 'approx' }));
    expect(fig('Some 8,000 villagers fled the fighting over the weekend.').displaced).toEqual(expect.objectContaining({ value: 8000 }));
    expect(fig('4,000 people were relocated to camps.').displaced).toEqual(expect.objectContaining({ value: 4000 }));
  });
  it('"another N" in a second category is that category\'s figure; in the same category it is an increment', () => {
    expect(fig('Four people were killed and another 20 injured.').injured).toEqual(expect.objectContaining({ value: 20 }));
    expect(fig('Three people were killed on Monday. Another two were killed on Tuesday.').killed).toEqual(expect.objectContaining({ value: 3 }));
  });
  it('"the deaths of N", "rushed to hospital", parenthetical and "N of the M killed" sub-counts', () => {
    expect(fig('Officials confirmed the deaths of 18 people.').killed).toEqual(expect.objectContaining({ value: 18 }));
    expect(fig('Over 30 people were rushed to hospital.').injured).toEqual(expect.objectContaining({ value: 30, qualifier: 'at_least' }));
    expect(fig('About 20 people were taken to local hospitals with burns.').injured).toEqual(expect.objectContaining({ value: 20, qualifier: 'approx' }));
    expect(fig('Ten people, among them three children, were injured.').injured).toEqual(expect.objectContaining({ value: 10 }));
    expect(fig('Two of the 14 people killed were police officers.').killed).toEqual(expect.objectContaining({ value: 14 }));
    expect(fig('Nine of the 200 passengers were confirmed dead.').killed).toEqual(expect.objectContaining({ value: 9 }));
  });
  it('"half a million", "treated N people", "made N arrests"', () => {
    expect(fig('Half a million people have fled their homes.').displaced).toEqual(expect.objectContaining({ value: 500000 }));
    expect(fig('Medics treated 43 people for burns.').injured).toEqual(expect.objectContaining({ value: 43 }));
    expect(fig('Medics treated 43 cases of food poisoning.').injured).toBeUndefined();
    expect(fig('Police made 76 arrests overnight.').arrested).toEqual(expect.objectContaining({ value: 76 }));
  });
});

describe('generalised threat patterns', () => {
  const vals = (t: string) => run(t).threats.map((x) => x.value);
  it('sites threatened with a strike are threats; sites merely named are not', () => {
    expect(vals('The rebels said they were ready to strike four air bases.')).toEqual([4]);
    expect(vals('The country has four air bases on the island.')).toEqual([]);
    expect(vals('The group vowed to attack 12 embassies in the region.')).toEqual([12]);
  });
  it('an inverted casualty list is no troop count', () => {
    expect(vals('Killed were 6 soldiers and 2 police officers.')).toEqual([]);
  });
  it('every item of a listed breakdown is its own figure', () => {
    expect(vals('The army fired more than 300 drones and missiles. The barrage included 170 drones, 30 cruise missiles and 120 ballistic missiles.').sort((a, b) => a - b)).toEqual([30, 120, 170, 300]);
  });
});
