import { describe, expect, it } from 'vitest';
import { parseNumberAt, tokenise } from '../../src/extract/numbers';

function num(s: string) {
  const toks = tokenise(s);
  return parseNumberAt(toks, 0);
}

describe('number parsing', () => {
  it.each([
    ['1,200 people', 1200],
    ['1.2 million people', 1_200_000],
    ['2.5m people', 2_500_000],
    ['18 mln', 18_000_000],
    ['thirty-five people', 35],
    ['one hundred and twelve people', 112],
    ['a dozen people', 12],
    ['two dozen people', 24],
    ['a million people', 1_000_000],
    ['three thousand people', 3000],
    ['Seventeen people', 17],
    ['twenty five people', 25],
    ['a hundred people', 100],
  ])('%s → %d', (s, v) => {
    expect(num(s)?.value).toBe(v);
  });
  it('vague quantities carry an upper bound for refinement', () => {
    expect(num('dozens of people')).toMatchObject({ value: 24, vague: { upper: 100 } });
    expect(num('scores of people')).toMatchObject({ value: 40 });
    expect(num('hundreds of people')).toMatchObject({ value: 200 });
    expect(num('thousands of people')).toMatchObject({ value: 2000 });
  });
  it('ranges give the lower bound', () => {
    expect(num('20 to 30 people')).toMatchObject({ value: 20, range: true });
    expect(num('20-30 people')).toMatchObject({ value: 20, range: true });
  });
  it('rejects what is not a count', () => {
    expect(num('26th attack')).toBeUndefined();
    expect(num('6.5 magnitude')).toBeUndefined();
    expect(num('10:30 p.m.')).toBeUndefined();
    expect(num('a handful of people')).toBeUndefined();
    expect(num('several people')).toBeUndefined();
    expect(num('9'.repeat(40))).toBeUndefined();
    const toks = tokenise('an S-400 system');
    expect(parseNumberAt(toks, 3)).toBeUndefined();
  });
});
