// Figures of one place, one side, another incident, another cause or an earlier time are not the incident's total; every sentence is our own.
import { describe, expect, it } from 'vitest';
import { countryOf, gazetteer } from '../../src/extract/gazetteer';
import { fig, threats } from './support';

describe('per-place and per-side figures', () => {
  it('"In X alone" opening a sentence is one place\'s figure; with no overall figure the category is empty', () => {
    const text = 'Storms hit Chile and Peru on Monday, killing at least 60 people in the two countries.\n\nIn Peru alone, more than 300 people were hurt.';
    const c = fig(text);
    expect(c.injured).toBeUndefined();
    expect(c.killed).toEqual(expect.objectContaining({ value: 60 }));
  });
  it('"alone" at the end of a clause marks only that clause', () => {
    const c = fig('Officials said at least 55 people had died, with 400 still missing in the Bago district alone.');
    expect(c.killed).toEqual(expect.objectContaining({ value: 55 }));
    expect(c.missing).toBeUndefined();
  });
  it('per-country tolls beside an overall toll: the overall toll stands', () => {
    const text =
      'A strong earthquake shook the border of Chile and Argentina, killing more than 300 people in both countries.\n\n' +
      'Chile\'s interior ministry said 287 people had died in Chile and 1,950 were injured. On the Argentine side, officials said 31 people were killed and about 200 hurt.';
    const c = fig(text);
    expect(c.killed).toEqual(expect.objectContaining({ value: 300, qualifier: 'at_least' }));
    expect(c.injured).toBeUndefined();
  });
  it('each side of an exchange of fire with no combined toll gives nothing', () => {
    const text =
      'Militants in southern Lebanon fired rockets into northern Israel on Friday after an air strike.\n\n' +
      'Lebanon\'s health ministry said six people were killed in the strike. The Israeli military said two soldiers were killed near the border.';
    expect(fig(text).killed).toBeUndefined();
  });
  it('a single place\'s figure stands when the article does not report place by place', () => {
    const text = 'Iran fired missiles at Israel overnight.\n\nA man was killed in the West Bank town of Jenin by falling debris, the governor said.';
    expect(fig(text).killed).toEqual(expect.objectContaining({ value: 1 }));
  });
  it('a ship lying "on its side" is no side of a conflict', () => {
    expect(fig('About 90 people are feared dead after a ferry rolled on its side off the Greek coast.').killed).toEqual(expect.objectContaining({ value: 90 }));
  });
  it('"together with N deaths in X" is a part added to reach a total', () => {
    const text = 'Floods swept Kenya and Somalia this week.\n\nTogether with 12 deaths in Somalia, the floods have killed at least 70 people in the two countries.';
    expect(fig(text).killed).toEqual(expect.objectContaining({ value: 70 }));
  });
});

describe('divisions place a figure in their own country', () => {
  it('a province, a region and a province-led city resolve to their country, not to the United States', () => {
    const g = gazetteer();
    expect(countryOf(g.get('Kermanshah')!)).toBe('Iran');
    expect(countryOf(g.get('Belgorod')!)).toBe('Russia');
    expect(countryOf(g.get('Odisha')!)).toBe('India');
    expect(countryOf(g.get('Mumbai')!)).toBe('India');
    expect(countryOf(g.get('Dallas')!)).toBe('United States');
    expect(countryOf(g.get('Texas')!)).toBe('United States');
  });
  it('a province inside the named country is not a second country: the overall toll of a two-country quake stands', () => {
    const text =
      'An earthquake hit the border between Chile and Argentina late on Friday, killing more than 150 people, officials in both countries said.\n\n' +
      'Chilean officials said 141 people had died in Chile and about 900 were hurt, most of them in Santiago province. ' +
      'Argentine officials said nine people had died on their side of the border.';
    expect(fig(text).killed).toEqual(expect.objectContaining({ value: 150, qualifier: 'at_least' }));
  });
  it("the other side's dead in a named region of its own country are one side's figure, not the attack's toll", () => {
    const text =
      'Russia launched 20 drones at Ukraine overnight, the Ukrainian air force said, and a strike on Kharkiv wounded nine people.\n\n' +
      "Russia's defence ministry said on Sunday that three Russian soldiers had been killed and five wounded when a drone hit their truck in the Kursk region, two days earlier.";
    const c = fig(text, 'Russia sends drones at Ukraine; nine hurt in Kharkiv');
    expect(c.injured).toEqual(expect.objectContaining({ value: 9 }));
    expect(c.killed).toBeUndefined();
  });
  it('a state named inside the country of the dateline does not split the article into places', () => {
    const text =
      'The death toll from a bus crash in the northern Indian state of Uttarakhand rose to 36 on Tuesday, police said.\n\n' +
      'More than 20 people were injured. A first estimate had put the toll at 25.';
    expect(fig(text).killed).toEqual(expect.objectContaining({ value: 36, qualifier: 'exact' }));
  });
});

describe('other incidents mentioned in passing', () => {
  it('an event of another kind that "killed N", introduced with "after", is background', () => {
    const text =
      'Gunmen seized 14 farm workers in a raid on Thursday, police said.\n\n' +
      'The raid came a week after a gas explosion in a nearby town killed more than 90 people.';
    const c = fig(text, 'Gunmen seize 14 farm workers');
    expect(c.hostages).toEqual(expect.objectContaining({ value: 14 }));
    expect(c.killed).toBeUndefined();
  });
  it('the same kind of event stays the toll ("after an explosion killed 12" under a blast headline)', () => {
    expect(fig('Rescuers were still digging on Monday after an explosion at the depot killed 12 people.', 'Depot blast kills 12').killed).toEqual(
      expect.objectContaining({ value: 12 }),
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
  it('a round-up\'s sum over several shootings gives way to one shooting\'s own count', () => {
    const c = fig('Police said nine people were wounded in four shootings across the city on Saturday. The first, on Elm Street, wounded two brothers outside a barbershop.');
    expect(c.injured).toEqual(expect.objectContaining({ value: 2 }));
  });
  it('"over the weekend" makes no round-up of a sentence about one shooting', () => {
    const c = fig('Two teens were arraigned Tuesday in a shooting on Pike Street that wounded three people over the weekend. Two men were shot in the legs.');
    expect(c.injured).toEqual(expect.objectContaining({ value: 3 }));
    expect(fig('A violent weekend sent six people to hospitals. Two men were shot on Elm Street on Saturday.').injured).toEqual(expect.objectContaining({ value: 2 }));
  });
  it('a killing "earlier in the week" or lives lost "over the past couple of months" belong to another incident', () => {
    const c = fig('A 9-year-old girl was shot in the foot on Lark Street on Saturday. Neighbours had gathered to mourn a teenager who was killed on the same block earlier in the week.');
    expect(c.killed).toBeUndefined();
    expect(c.injured).toEqual(expect.objectContaining({ value: 1 }));
    const d = fig('Seven people were wounded outside a hall on Friday. Police said a feud between two crews has claimed two lives over the past couple of months.');
    expect(d.killed).toBeUndefined();
    expect(d.injured).toEqual(expect.objectContaining({ value: 7 }));
  });
  it('someone hurt "four days after" another event belongs to that earlier event', () => {
    const c = fig('Tell died on Sunday. His death came four days after another man was shot, but survived, on the same block.');
    expect(c.killed).toEqual(expect.objectContaining({ value: 1 }));
    expect(c.injured).toBeUndefined();
  });
  it('a yearly statistic or a tally of like events is no incident\'s toll', () => {
    const c = fig('A 5-year-old girl was in serious condition after shooting herself in the hand on Monday. Accidental shootings injure and kill dozens of children each year, a study found.');
    expect(c.killed).toBeUndefined();
    expect(c.injured).toEqual(expect.objectContaining({ value: 1 }));
    const d = fig('A 4-year-old was hurt when a pistol went off on Tuesday. The state has seen 45 such shootings, with 29 children wounded and 11 killed.');
    expect(d.killed).toBeUndefined();
    expect(d.injured).toEqual(expect.objectContaining({ value: 1 }));
  });
  it('a figure the sentence refutes is no figure ("early reports said one had died, but that proved to be incorrect")', () => {
    const c = fig('Five people were wounded at a dance hall on Sunday. Early reports said one person had died, but that proved to be incorrect, the fire department said.');
    expect(c.killed).toBeUndefined();
    expect(c.injured).toEqual(expect.objectContaining({ value: 5 }));
  });
  it('a round-up\'s sum stands when no single shooting is counted', () => {
    expect(fig('Seven people were wounded in separate shootings on the South Side on Monday, police said.').injured).toEqual(expect.objectContaining({ value: 7 }));
  });
  it('a killing dated "just last week" under a lead that dates nothing so is an earlier incident', () => {
    const c = fig('Four men were shot near a park on Tuesday night. A 19-year-old was shot and killed on the same block just last week.');
    expect(c.killed).toBeUndefined();
    expect(c.injured).toEqual(expect.objectContaining({ value: 4 }));
  });
  it('a short paragraph without a closing stop below the lead is a link to another story', () => {
    const text = [
      'Four people were wounded when shots were fired outside a bowling alley on Friday night, police said.',
      'Officers found the victims in the parking lot. All four are expected to recover.',
      'Detectives are asking anyone with video of the lot to call them.',
      'Man Shot, Killed Two Blocks From His Home: Police',
      'The alley reopened on Saturday afternoon.',
    ].join('\n\n');
    const c = fig(text);
    expect(c.killed).toBeUndefined();
    expect(c.injured).toEqual(expect.objectContaining({ value: 4 }));
    // a closing stop makes it a sentence of the story
    expect(fig(text.replace('Man Shot, Killed Two Blocks From His Home: Police', 'A man was shot and killed near his home, police said.')).killed).toEqual(expect.objectContaining({ value: 1 }));
    // ("killed two blocks from his home": a distance, not two people)
    expect(fig('A gunman killed two blocks away from the school was identified on Monday.').killed).toBeUndefined();
  });
  it('"Separately," opens another incident', () => {
    const c = fig('Kidnappers took six nurses from a clinic on Monday.\n\nSeparately, police said they had arrested 15 suspects in a raid.');
    expect(c.arrested).toBeUndefined();
  });
});

describe('deaths of another cause', () => {
  it('a cause-specific death count ("died of illness") in a flood article is not the flood toll', () => {
    const text =
      'Monsoon floods have killed 940 people across the country, the disaster agency said on Monday.\n\n' +
      'Health officials said 210 people had died of disease in crowded relief camps.';
    expect(fig(text, 'Floods: toll passes 900').killed).toEqual(expect.objectContaining({ value: 940 }));
    // alone, with the main incident being the floods, it gives nothing rather than a false "revised down"
    expect(fig('Health officials said 210 people had died of disease in crowded relief camps after the floods.', 'Flood camps overwhelmed').killed).toBeUndefined();
  });
  it('when the headline is about the disease itself, its count stands', () => {
    expect(fig('Officials said 57 people had died of cholera in the camps.', 'Cholera outbreak spreads in camps').killed).toEqual(expect.objectContaining({ value: 57 }));
  });
  it('deaths "in road accidents" during a storm are not the storm toll; "died of their injuries" is the incident\'s own', () => {
    const text = 'Heavy snow hit the region on Sunday. Eleven people died in road accidents, police said. The storm itself killed four people.';
    expect(fig(text, 'Snowstorm kills four').killed).toEqual(expect.objectContaining({ value: 4 }));
    expect(fig('Three more people died of their injuries, bringing the toll from the blast to 15.', 'Blast toll rises').killed).toEqual(expect.objectContaining({ value: 15 }));
  });
});

describe('figures dated before the incident', () => {
  it('a year after a preposition is a date, not a count', () => {
    expect(fig('A war in the region in 2008 killed hundreds of people and displaced tens of thousands.')).toEqual({});
  });
  it('"the deadliest since 2015" compares with the past; it does not date the figure', () => {
    expect(fig('At least 30 people were killed, in the deadliest attack since 2015.').killed).toEqual(expect.objectContaining({ value: 30 }));
    expect(threats('Militants fired 200 rockets, the heaviest barrage since 2014.')).toEqual([200]);
    expect(fig('Nine people have been killed since 2019 in similar attacks.').killed).toBeUndefined();
  });
  it('an older year inside an aside dates only the aside', () => {
    expect(fig('Shelling killed 14 people in the port, which was captured in 2014, officials said.').killed).toEqual(expect.objectContaining({ value: 14 }));
    expect(fig('The city, which was rebuilt after a quake in 1999, was hit again on Monday and 40 people were killed.').killed).toEqual(expect.objectContaining({ value: 40 }));
    expect(fig('Shelling killed 14 people in the port in 2014.').killed).toBeUndefined();
    expect(fig('The ferry, which sank in 2014 with 300 people killed, was raised.').killed).toBeUndefined();
  });
  it('a relative clause dated "last month" is an earlier episode', () => {
    const c = fig('Police hunted the gang that killed about 30 herders last month, after it abducted nine travellers on Sunday.');
    expect(c.killed).toBeUndefined();
  });
  it('a running total "since January" reported months later is the conflict\'s, not the incident\'s', () => {
    const c = fig('Militia attacks have killed more than 2,000 people since February, the UN said.', undefined, '2024-09-10');
    expect(c.killed).toBeUndefined();
    // the days of the incident itself stay
    expect(fig('Nine people have died in the floods since Friday.', undefined, '2024-09-10').killed).toEqual(expect.objectContaining({ value: 9 }));
  });
});
