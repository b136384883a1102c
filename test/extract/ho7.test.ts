// Scope patterns found with the ho7 hold-out batch: figures of one place, one side, another incident, a partitive
// or an earlier estimate are not the incident's total. Every sentence is our own.
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index';

const run = (text: string, title?: string, published = '2024-05-01') => extract({ text, ...(title ? { title } : {}), published });
const fig = (text: string, title?: string, published?: string) => run(text, title, published).casualties;
const threats = (text: string, title?: string) => run(text, title).threats.map((t) => t.value);

describe('ho7 per-place and per-side figures', () => {
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

describe('ho7 other incidents mentioned in passing', () => {
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
  it('"Separately," opens another incident', () => {
    const c = fig('Kidnappers took six nurses from a clinic on Monday.\n\nSeparately, police said they had arrested 15 suspects in a raid.');
    expect(c.arrested).toBeUndefined();
  });
});

describe('ho7 partitives, ordinals and "another"', () => {
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
  it('"killing one X and wounding another" gives one injured', () => {
    const c = fig('Gunmen attacked a farm on Monday, killing one worker and wounding another, officials said.');
    expect(c.killed).toEqual(expect.objectContaining({ value: 1 }));
    expect(c.injured).toEqual(expect.objectContaining({ value: 1 }));
  });
});

describe('ho7 status words', () => {
  it('people trapped by a flood are stranded, not missing', () => {
    expect(fig('Rising water left thousands of villagers trapped on rooftops.', 'THOUSANDS TRAPPED AS FLOODS HIT VALLEY').missing).toBeUndefined();
    // trapped in a wreck with no hope stays missing
    expect(fig('About 40 miners remain trapped underground after the collapse.').missing).toEqual(expect.objectContaining({ value: 40 }));
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
  it('"taken shelter in relief camps" is displaced', () => {
    expect(fig('About 30,000 people have taken shelter in 80 relief camps, officials said.').displaced).toEqual(expect.objectContaining({ value: 30000, qualifier: 'approx' }));
  });
});

describe('ho7 threats', () => {
  it('a partitive names a group already met: "one of the two bombers" counts no bombers', () => {
    expect(threats('One of the two bombers blew himself up at the gate.')).toEqual([]);
    expect(threats('One of three divisions on the border was put on alert.')).toEqual([]);
  });
  it('troops sent to search for attackers are a force; a rescue search is not', () => {
    expect(threats('The army said 1,500 troops had been sent to seal off the district and search for the gunmen.')).toEqual([1500]);
    expect(threats('The army sent 800 troops to search for survivors in the rubble.')).toEqual([]);
  });
  it('troops who were killed and a place count are no threat', () => {
    expect(threats('Thirteen American troops were killed in the bombing.')).toEqual([]);
    expect(threats('Police arrested 120 people in eight cities on Friday.')).toEqual([]);
  });
});
