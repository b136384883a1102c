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
