// General English news patterns found with the ho6 hold-out batch and private runs over wire copy; every sentence is our own.
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index';

const run = (text: string, title?: string, published = '2024-05-01') => extract({ text, ...(title ? { title } : {}), published });
const fig = (text: string, title?: string) => run(text, title).casualties;

describe('ho6 casualty patterns', () => {
  it('"hurt" as an active verb with a counted object', () => {
    expect(fig('Heavy storms cut off 3,000 people and hurt at least 40 in the region, officials said.').injured).toEqual(expect.objectContaining({ value: 40, qualifier: 'at_least' }));
    // the passive stays a subject reading
    expect(fig('Twelve people were hurt when the roof fell in.').injured).toEqual(expect.objectContaining({ value: 12 }));
  });
  it('a single person with an age compound as the object of a category verb', () => {
    expect(fig('Officers arrested a 44-year-old bus driver on Tuesday.').arrested).toEqual(expect.objectContaining({ value: 1, qualifier: 'exact' }));
    expect(fig('Police detained a 30-year-old station master after the crash.').arrested).toEqual(expect.objectContaining({ value: 1 }));
    // an age compound before a thing is no person
    expect(fig('Police seized a 20-year-old car.').arrested).toBeUndefined();
  });
  it('a partitive written in number words: "five of the nine" is five', () => {
    expect(fig('Four of the eleven sailors have been detained, the coast guard said.').arrested).toEqual(expect.objectContaining({ value: 4 }));
    expect(fig('Two of the seven climbers were injured in the fall.').injured).toEqual(expect.objectContaining({ value: 2 }));
  });
  it('a count of things before an active verb with its own counted object is not the toll', () => {
    expect(fig('The blasts at two mosques and a market also wounded about 300 people, police said.').injured).toEqual(expect.objectContaining({ value: 300, qualifier: 'approx' }));
    expect(fig('Four car bombs killed 31 people in the capital.').killed).toEqual(expect.objectContaining({ value: 31 }));
  });
});
