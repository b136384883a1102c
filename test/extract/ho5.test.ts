// General English news patterns found with the ho5 hold-out batch and private runs over wire copy; every sentence is our own.
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index';

const run = (text: string, title?: string, published = '2024-05-01') => extract({ text, ...(title ? { title } : {}), published });
const fig = (text: string, title?: string) => run(text, title).casualties;

describe('ho5 casualty patterns', () => {
  it('a descriptive participle phrase between the subject and its verb', () => {
    expect(fig('Four men suspected of running the smuggling ring were arrested on Friday.').arrested).toEqual(expect.objectContaining({ value: 4, qualifier: 'exact' }));
    expect(fig("A woman believed to be the gang's leader was taken into custody.").arrested).toEqual(expect.objectContaining({ value: 1 }));
    expect(fig('Twelve miners believed to have died in the blast were named by the company.').killed).toEqual(expect.objectContaining({ value: 12 }));
    expect(fig('About 40 people thought to be trapped in the mine.').missing).toEqual(expect.objectContaining({ value: 40, qualifier: 'approx' }));
  });
  it('a longer relative clause with a measure inside it', () => {
    expect(fig('Five of the 11 fishermen who survived a voyage that ended when their boat sank 20 miles off the coast have been detained.').arrested).toEqual(expect.objectContaining({ value: 5 }));
    // a clause with its own category verb is not skipped over
    expect(fig('Three men who injured a guard were arrested.').arrested).toEqual(expect.objectContaining({ value: 3 }));
  });
});

describe('ho5 toll and missing patterns', () => {
  it('a change verb before a floor qualifier: "the toll rose above 5,000"', () => {
    expect(fig('The death toll from the floods rose above 1,200 on Tuesday, the ministry said.').killed).toEqual(expect.objectContaining({ value: 1200, qualifier: 'at_least' }));
    expect(fig('The toll climbed over 300 as rescuers kept digging.').killed).toEqual(expect.objectContaining({ value: 300, qualifier: 'at_least' }));
    expect(fig('Fuel prices rose above 5,000 rupees, and three people died in the protests.').killed).toEqual(expect.objectContaining({ value: 3 }));
  });
  it('an earlier rounder toll is refined by "put the toll from the magnitude 6.8 quake at N"', () => {
    expect(fig('The toll climbed to nearly 3,000. State radio put the official toll from the magnitude 6.8 quake at 2,946.').killed).toEqual(expect.objectContaining({ value: 2946, qualifier: 'exact' }));
  });
  it('adverbs of degree before an injury verb: "lightly hurt", "moderately injured"', () => {
    expect(fig('Three people in Haifa were lightly hurt by flying glass.').injured).toEqual(expect.objectContaining({ value: 3 }));
    expect(fig('Two soldiers were moderately injured.').injured).toEqual(expect.objectContaining({ value: 2 }));
  });
  it('people who were missing and then found alive are no longer missing', () => {
    expect(fig('Nine climbers who had been missing since the storm were found alive on Sunday.').missing).toBeUndefined();
    expect(fig('Twelve people are missing and 3 were found alive.').missing).toEqual(expect.objectContaining({ value: 12 }));
    // Others found alive in another clause do not undo the count that remains.
    expect(fig('Six people remained missing, officials said, after several who had been listed as missing were found alive.').missing).toEqual(expect.objectContaining({ value: 6 }));
    expect(fig('Four workers are still missing but two others were found alive.').missing).toEqual(expect.objectContaining({ value: 4 }));
    expect(fig('Twelve people are still missing after the flood, rescuers said.').missing).toEqual(expect.objectContaining({ value: 12 }));
  });
});

describe('ho5 threat patterns', () => {
  it('soldiers who are the subject of "died" are the dead, not a force', () => {
    expect(run('At least 30 soldiers and rebels including a U.S. military adviser died in the battle on Sunday.').threats).toEqual([]);
    expect(run('The army has sent 5,000 troops to the border, where two farmers died last week.').threats.map((t) => t.value)).toEqual([5000]);
  });
});
