// Which of several figures for one toll stands: updates, floors, superseded estimates, increments, partitives, ordinals and status words; every sentence is our own.
import { describe, expect, it } from 'vitest';
import { fig } from './support';

describe('toll updates and floors', () => {
  it('a change verb before a floor qualifier: "the toll rose above 5,000"', () => {
    expect(fig('The death toll from the floods rose above 1,200 on Tuesday, the ministry said.').killed).toEqual(expect.objectContaining({ value: 1200, qualifier: 'at_least' }));
    expect(fig('The toll climbed over 300 as rescuers kept digging.').killed).toEqual(expect.objectContaining({ value: 300, qualifier: 'at_least' }));
    expect(fig('Fuel prices rose above 5,000 rupees, and three people died in the protests.').killed).toEqual(expect.objectContaining({ value: 3 }));
  });
  it('an earlier rounder toll is refined by "put the toll from the magnitude 6.8 quake at N"', () => {
    expect(fig('The toll climbed to nearly 3,000. State radio put the official toll from the magnitude 6.8 quake at 2,946.').killed).toEqual(expect.objectContaining({ value: 2946, qualifier: 'exact' }));
  });
  it('"the toll has passed N" is a floor that a precise later figure refines', () => {
    expect(fig('The number of people killed in the floods has passed 2,000, officials said.').killed).toEqual(expect.objectContaining({ value: 2000, qualifier: 'at_least' }));
    expect(fig('The death toll has passed 2,000, officials said. The ministry said 2,140 deaths had been recorded.').killed).toEqual(
      expect.objectContaining({ value: 2140, qualifier: 'exact' }),
    );
  });
  it('"bringing the death toll to N" updates an earlier count', () => {
    expect(fig('Two people died on Monday. A third victim died in hospital on Friday, bringing the death toll to three.').killed).toEqual(
      expect.objectContaining({ value: 3, qualifier: 'exact' }),
    );
  });
  it('a later "bringing the toll to N" replaces an earlier update in the same article', () => {
    const text = 'The death toll from the fire rose to 31 on Tuesday. A firefighter died in hospital overnight, bringing the toll to 32.';
    expect(fig(text).killed).toEqual(expect.objectContaining({ value: 32, qualifier: 'exact' }));
  });
});

describe('superseded estimates', () => {
  it('"a year earlier" dates another event and revises no figure of the sentence', () => {
    const c = fig(
      'Omar Diaz was killed and three other people were wounded on Pike Street, the scene of a similar shooting two years earlier. ' +
        'A 30-year-old man was shot in the leg; a 19-year-old was shot in the arm; and a 22-year-old was shot in the back.',
    );
    expect(c.killed).toMatchObject({ value: 1 });
    expect(c.injured).toMatchObject({ value: 3 });
  });
  it('an earlier estimate never replaces a stated update, even one set aside as a part', () => {
    const text =
      'Floods swept the border of Chile and Peru this week.\n\n' +
      'In Peru alone, the toll rose to 52 on Monday. An earlier estimate had put the toll at 40.';
    expect(fig(text).killed).toBeUndefined();
  });
  it('an earlier estimate after "had first said" yields to the current one after "but"', () => {
    const c = fig('Officials had first said more than 60 people were missing, but the mayor said on Monday that 21 were still unaccounted for.');
    expect(c.missing).toEqual(expect.objectContaining({ value: 21, qualifier: 'exact' }));
  });
  it('an earlier "missing" estimate of pupils later counted as abducted is no missing figure', () => {
    const c = fig('Gunmen abducted 88 pupils from the school, police said.\n\nTeachers had first said about 120 pupils were missing.');
    expect(c.hostages).toEqual(expect.objectContaining({ value: 88 }));
    expect(c.missing).toBeUndefined();
  });
});

describe('a named source of a figure', () => {
  it('attribution: a named person keeps the name; the office after it makes the figure official', () => {
    const c = fig("Residents said 300 people had been killed. Amir Rahimi, head of the province's emergency medical services, told state television that 224 people had been killed.");
    expect(c.killed).toEqual(expect.objectContaining({ value: 224, attribution: 'Amir Rahimi' }));
    expect(fig('An estimated 15,000 residents were evacuated.').displaced?.attribution).toBeUndefined();
  });
});

describe('increments: "more" and "another"', () => {
  it('"N more" after another category is not an increment', () => {
    expect(fig('Nineteen people were killed and 40 more were injured.').injured).toEqual(expect.objectContaining({ value: 40 }));
    expect(fig('Five people died on Monday and 2 more died on Tuesday.').killed).toEqual(expect.objectContaining({ value: 5 }));
  });
  it('"another N" in a second category is that category\'s figure; in the same category it is an increment', () => {
    expect(fig('Four people were killed and another 20 injured.').injured).toEqual(expect.objectContaining({ value: 20 }));
    expect(fig('Three people were killed on Monday. Another two were killed on Tuesday.').killed).toEqual(expect.objectContaining({ value: 3 }));
  });
  it('"killing one X and wounding another" gives one injured', () => {
    const c = fig('Gunmen attacked a farm on Monday, killing one worker and wounding another, officials said.');
    expect(c.killed).toEqual(expect.objectContaining({ value: 1 }));
    expect(c.injured).toEqual(expect.objectContaining({ value: 1 }));
  });
});

describe('partitives and ordinals', () => {
  it('a partitive written in number words: "five of the nine" is five', () => {
    expect(fig('Four of the eleven sailors have been detained, the coast guard said.').arrested).toEqual(expect.objectContaining({ value: 4 }));
    expect(fig('Two of the seven climbers were injured in the fall.').injured).toEqual(expect.objectContaining({ value: 2 }));
  });
  it('"was one of three people wounded", "A and B, two of four people found dead": the larger count is the figure', () => {
    expect(fig('Her cousin was one of three people wounded at the party, the family said.').injured).toEqual(expect.objectContaining({ value: 3 }));
    expect(fig('Ann and Joe Ray, two of four people found dead in the farmhouse, had been married 40 years.').killed).toEqual(expect.objectContaining({ value: 4 }));
    expect(fig('One of the two men was killed; the other is in hospital.').killed).toEqual(expect.objectContaining({ value: 1 }));
    expect(fig('Police have not named the victims.', 'Student one of three people hurt in shooting near stadium').injured).toEqual(expect.objectContaining({ value: 3 }));
  });
  it('"four of the five victims died": the part is the figure, the five are the group', () => {
    expect(fig('Police said four of the six victims died at the scene.').killed).toEqual(expect.objectContaining({ value: 4 }));
    expect(fig('Detectives say three of the five victims were shot to death.').killed).toEqual(expect.objectContaining({ value: 3 }));
    // a participle describes the group: the group's count is the figure
    expect(fig('Two of the 14 people killed were police officers.').killed).toEqual(expect.objectContaining({ value: 14 }));
  });
  it('"one of the injured died" is not an injured count', () => {
    expect(fig('One of the injured died in hospital on Thursday, police said.').injured).toBeUndefined();
    const c = fig('Eleven people were injured in the crash. One of the injured later died.');
    expect(c.injured).toEqual(expect.objectContaining({ value: 11 }));
  });
  it('"a second person has died" counts two dead', () => {
    expect(fig('A second person has died after the shooting at the bar, police said.').killed).toEqual(expect.objectContaining({ value: 2, qualifier: 'exact' }));
    expect(fig('A third man has been arrested over the robbery.').arrested).toEqual(expect.objectContaining({ value: 3 }));
    expect(fig('A man has died after being hit by a bus.').killed).toEqual(expect.objectContaining({ value: 1 }));
  });
});

describe('status words', () => {
  it('people who were missing and then found alive are no longer missing', () => {
    expect(fig('Nine climbers who had been missing since the storm were found alive on Sunday.').missing).toBeUndefined();
    expect(fig('Twelve people are missing and 3 were found alive.').missing).toEqual(expect.objectContaining({ value: 12 }));
    // Others found alive in another clause do not undo the count that remains.
    expect(fig('Six people remained missing, officials said, after several who had been listed as missing were found alive.').missing).toEqual(expect.objectContaining({ value: 6 }));
    expect(fig('Four workers are still missing but two others were found alive.').missing).toEqual(expect.objectContaining({ value: 4 }));
    expect(fig('Twelve people are still missing after the flood, rescuers said.').missing).toEqual(expect.objectContaining({ value: 12 }));
  });
  it('people trapped by a flood are stranded, not missing', () => {
    expect(fig('Rising water left thousands of villagers trapped on rooftops.', 'THOUSANDS TRAPPED AS FLOODS HIT VALLEY').missing).toBeUndefined();
    // trapped in a wreck with no hope stays missing
    expect(fig('About 40 miners remain trapped underground after the collapse.').missing).toEqual(expect.objectContaining({ value: 40 }));
  });
  it('"taken shelter in relief camps" is displaced', () => {
    expect(fig('About 30,000 people have taken shelter in 80 relief camps, officials said.').displaced).toEqual(expect.objectContaining({ value: 30000, qualifier: 'approx' }));
  });
});
