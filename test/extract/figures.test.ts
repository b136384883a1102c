// Sentence shapes and traps, in our own words (never corpus sentences).
import { describe, expect, it } from 'vitest';
import { fig } from './support';

describe('sentence shapes', () => {
  it.each([
    ['Officials said 35 people were dead and 48 injured after the fire.', 'killed', 35, 'exact'],
    ['The bomb tore through a market, killing 12 and wounding 30.', 'killed', 12, 'exact'],
    ['Twelve were killed when the bus overturned.', 'killed', 12, 'exact'],
    ['The death toll rose to 56 on Tuesday.', 'killed', 56, 'exact'],
    ['The landslide claimed the lives of 40 villagers.', 'killed', 40, 'exact'],
    ['The gas leak left 35 dead in the town.', 'killed', 35, 'exact'],
    ['Dead: 35. Injured: 60.', 'killed', 35, 'exact'],
    ['One person died in the blaze, firefighters said.', 'killed', 1, 'exact'],
    ['At least 20 people were wounded in the clashes.', 'injured', 20, 'at_least'],
    ['The crash killed 12 people, including three children.', 'killed', 12, 'exact'],
    ['A policeman was killed in the ambush.', 'killed', 1, 'exact'],
    // The singular subject acting on others is the attacker, not a casualty.
    ['A 19-year-old gunman killed 8 shoppers at the mall before police arrived.', 'killed', 8, 'exact'],
    // A compound modifier between the toll and its verb is not a rival count.
    ['The death toll from a 7.1-magnitude earthquake that hit the coast on Sunday rose to 48, officials said.', 'killed', 48, 'exact'],
    ['Gunmen stormed the post, killing a guard and a driver.', 'killed', 2, 'exact'],
    ['About 300 people were hurt in the stampede.', 'injured', 300, 'approx'],
    ['Nearly 90 people have died since the flooding began.', 'killed', 90, 'approx'],
    ['Up to 15 people may be trapped under the rubble.', 'missing', 15, 'at_most'],
    ['More than 4,000 people were injured by the blast.', 'injured', 4000, 'at_least'],
    ['Scores of protesters were arrested on Saturday.', 'arrested', 40, 'at_least'],
    ['Hundreds of families were evacuated from the valley.', 'displaced', 200, 'at_least'],
    ['Thousands of people have fled their homes.', 'displaced', 2000, 'at_least'],
    ['Police detained 87 demonstrators overnight.', 'arrested', 87, 'exact'],
    ['Six men are in custody, police said.', 'arrested', 6, 'exact'],
    ['Fourteen tourists were taken hostage by the rebels.', 'hostages', 14, 'exact'],
    ['Bandits abducted 31 passengers from a bus.', 'hostages', 31, 'exact'],
    ['Some 2,500 residents are staying in emergency shelters.', 'displaced', 2500, 'approx'],
    ['Forty-two climbers remain unaccounted for.', 'missing', 42, 'exact'],
    ['Between 20 and 30 people were killed.', 'killed', 20, 'at_least'],
    ['The storm left 1.2 million people homeless.', 'displaced', 1_200_000, 'exact'],
    ['Seven people were hospitalised after inhaling smoke.', 'injured', 7, 'exact'],
    ['Rescuers recovered the bodies as 8 bodies were recovered from the river.', 'killed', 8, 'exact'],
    ['No fewer than 50 miners died underground.', 'killed', 50, 'at_least'],
    ['As many as 200 people may have died.', 'killed', 200, 'at_most'],
  ] as const)('%s', (text, cat, value, qualifier) => {
    expect(fig(text)[cat]).toMatchObject({ value, qualifier });
  });

  it('reads several categories from one sentence', () => {
    const c = fig('Six workers died and nine were injured, while two are still missing.');
    expect(c.killed?.value).toBe(6);
    expect(c.injured?.value).toBe(9);
    expect(c.missing?.value).toBe(2);
  });
});

describe('choosing the right figure', () => {
  it('a precise later figure refines a rounder lead figure', () => {
    const c = fig('More than 50 people were killed in the quake.\n\nThe interior ministry said 57 people had died and 212 were injured.');
    expect(c.killed).toMatchObject({ value: 57, qualifier: 'exact', attribution: 'The interior ministry' });
  });
  it('increments are not totals', () => {
    const c = fig('Rescuers pulled a further 10 bodies from the mud on Monday. The death toll now stands at 73.');
    expect(c.killed?.value).toBe(73);
    const d = fig('Another 4 people died in hospital overnight, bringing the toll to 19.');
    expect(d.killed?.value).toBe(19);
    const e = fig('Fourteen more people were confirmed dead on Friday.');
    expect(e.killed).toBeUndefined();
  });
  it('a superseded toll gives way to the current one', () => {
    const c = fig('The toll climbed from 12 to 18 overnight.');
    expect(c.killed?.value).toBe(18);
    const d = fig('Earlier, the governor had put the number of dead at 9. Officials now say 14 people were killed.');
    expect(d.killed?.value).toBe(14);
  });
  it('sub-counts do not replace the total', () => {
    const c = fig('In all, 48 people were arrested, 12 of them minors.');
    expect(c.arrested?.value).toBe(48);
    const d = fig('At least 30 people were injured, including 5 police officers.');
    expect(d.injured?.value).toBe(30);
  });
  it('"no injuries" gives nothing', () => {
    expect(fig('No injuries were reported after the blast.').injured).toBeUndefined();
    expect(fig('No one was hurt, the fire service said.').injured).toBeUndefined();
  });
  it('figures about older incidents do not count', () => {
    const c = fig('The flood killed 9 people on Sunday.\n\nIn 2011, a similar flood killed 230 people in the same valley.');
    expect(c.killed?.value).toBe(9);
    const d = fig('A blast at the plant killed two workers. Five people were killed in a previous explosion there.');
    expect(d.killed?.value).toBe(2);
  });
  it('feared dead counts when there is no confirmed figure', () => {
    expect(fig('About 60 people are feared dead after the ferry sank.').killed).toMatchObject({ value: 60, qualifier: 'approx' });
    expect(fig('About 60 people are feared dead. Officials confirmed 23 deaths.').killed).toMatchObject({ value: 23 });
  });
  it('combined "dead or missing" figures are not split', () => {
    expect(fig('Some 40 people are dead or missing.').killed).toBeUndefined();
  });
  it('the headline is used only when the body has nothing', () => {
    expect(fig('Rescuers searched through the night.', '17 killed as bridge collapses').killed?.value).toBe(17);
    expect(fig('At least 21 people died when the bridge fell.', '17 killed as bridge collapses').killed?.value).toBe(21);
  });
  it('attribution only when someone is named', () => {
    expect(fig('According to the health ministry, 41 people were killed.').killed?.attribution).toBe('the health ministry');
    expect(fig('Nine people were killed in the attack.').killed?.attribution).toBeUndefined();
  });
});

describe('the shot, the dead and the hurt', () => {
  it('"N others are hurt" beside the dead is the injured figure, not everyone shot less the dead', () => {
    const c = fig('Officers arrived on Sunday to find a 19-year-old and two other men who had been shot at a block party. Two people are dead and two others are hurt, police said.');
    expect(c.killed).toMatchObject({ value: 2 });
    expect(c.injured).toMatchObject({ value: 2 });
  });
  it('when everyone shot were the dead, the injured figure is whoever else was hurt', () => {
    const c = fig('Two men died and a 4-year-old girl was wounded when shots rang out on Saturday night. Both men were shot in the chest. Two men were shot.');
    expect(c.killed).toMatchObject({ value: 2 });
    expect(c.injured).toMatchObject({ value: 1 });
  });
  it('one person shot beside several dead is one of them, unless the sentence sets that person apart', () => {
    const dead = fig('Three neighbours were found dead in a house on Pine Row on Sunday. Officers said Mara Quill was shot in the neck.');
    expect(dead.killed).toMatchObject({ value: 3 });
    expect(dead.injured).toBeUndefined();
    const apart = fig('Three neighbours were found dead in a house on Pine Row on Sunday. A fourth neighbour was also shot but survived.');
    expect(apart.killed).toMatchObject({ value: 3 });
    expect(apart.injured).toMatchObject({ value: 1 });
  });
  it('the dead and the hurt told in two clauses joined by "and" are two people; one told through the other is one', () => {
    const two = fig('A grandfather was killed and his 6-year-old grandson was shot while they sat on the porch on Saturday.');
    expect(two.killed).toMatchObject({ value: 1 });
    expect(two.injured).toMatchObject({ value: 1 });
    const one = fig('A young mother has died after she was shot by accident at her home on Monday.');
    expect(one.killed).toMatchObject({ value: 1 });
    expect(one.injured).toBeUndefined();
  });
  it('when the one shot is the one who died, someone else the article says was hurt is the injured figure', () => {
    const c = fig('Neighbours were shaken by the accidental shooting of a 5-year-old girl on Pine Court. Police said an 8-year-old boy found a pistol and fired it, killing his sister and injuring his brother.');
    expect(c.killed).toMatchObject({ value: 1 });
    expect(c.injured).toMatchObject({ value: 1 });
  });
  it('as many dead as were shot leaves none of the shot alive', () => {
    const c = fig('Amos Reed is charged in the shootings of three people on Elm Row on Monday. Three people, including a boy, were shot. Four people died, an unborn child among them.');
    expect(c.killed).toMatchObject({ value: 4 });
    expect(c.injured).toBeUndefined();
  });
  it('without a separate count of the hurt, everyone shot less the dead stays the reading', () => {
    const c = fig('Five people were shot outside a bar early Sunday, one fatally, police said.');
    expect(c.killed).toMatchObject({ value: 1 });
    expect(c.injured).toMatchObject({ value: 4 });
  });
});

describe('traps: numbers that are not casualties', () => {
  it('one count for two outcomes ("hurt and killed", "killed and injured") is combined, never split', () => {
    expect(fig('We have had two children hurt and killed by guns in a single week, the pastor said.')).toEqual({});
    expect(fig('Forty people were killed and injured in the attack on the market.')).toEqual({});
    expect(fig('Two people were killed and three injured.')).toMatchObject({ killed: { value: 2 }, injured: { value: 3 } });
  });
  it.each([
    'A 35-year-old man was arrested on Friday.',
    'The quake struck at 10:30 p.m. and measured 6.4.',
    'Damage was put at $15 million and 40 percent of homes lost power.',
    'In 1998 the river burst its banks.',
    'The 12-story building had 136 units.',
    'The storm destroyed 800 houses and 19 boats.',
    'A handful of people were hurt.',
    'The attack came on March 12, officials said.',
  ])('%s', (text) => {
    const c = fig(text);
    if (text.startsWith('A 35-year-old')) expect(c.arrested).toEqual(expect.objectContaining({ value: 1 }));
    else expect(c).toEqual({});
  });
  it('"a" is not 1 outside a casualty statement', () => {
    expect(fig('A car was damaged and a house burned.')).toEqual({});
    // a relative clause on an event the headline does not name is background (with no headline, the sentence is the lead)
    expect(fig('The strike that killed a senior commander was condemned.', 'Leaders meet on border talks').killed).toBeUndefined();
  });
});
