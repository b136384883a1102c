// Number parsing and tokenising: word and digit counts, vague quantities, ranges, and what is not a count.
import { describe, expect, it } from 'vitest';
import { parseNumberAt, tokenise } from '../../src/extract/numbers';
import { randomTexts } from './support';

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

describe('tokens', () => {
  // The tokeniser is a hand-written scan of this pattern (digit groups, words with inner hyphens or apostrophes,
  // any other single character, whitespace between): it must split every text exactly as the pattern does.
  const PATTERN = /\d+(?:[.,:]\d+)*|[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*|[^\s\p{L}\p{M}\d]/gu;
  const byPattern = (s: string) => [...s.matchAll(PATTERN)].map((m) => [m[0], m.index]);
  const byScan = (s: string) => tokenise(s).map((t) => [t.t, t.s]);

  it('splits words, digit groups and punctuation as written', () => {
    const toks = tokenise("Forty-five people, aged 3.5 to 1,200 — o’clock's 10:30 ok");
    expect(toks.map((t) => t.t)).toEqual(['Forty-five', 'people', ',', 'aged', '3.5', 'to', '1,200', '—', 'o’clock\'s', '10:30', 'ok']);
    expect(toks.find((t) => t.t === 'o’clock\'s')?.l).toBe("o'clock's");
    expect(toks.map((t) => t.glued)).toEqual([false, false, true, false, false, false, false, false, false, false, false]);
  });

  it('agrees with the pattern on accents, combining marks, odd spaces, astral characters and lone surrogates', () => {
    const parts = ['a', 'Z', 'é', 'e\u0301', 'ß', 'İ', 'ق', '中', '9', '0', '.', ',', ':', "'", '’', '-', ' ', '\u00a0', '\u2009', '\n', '\t', '😀', '𝐀', '\ud800', '\udc00', '$', '—', '"'];
    const text = randomTexts(parts, 7);
    for (let n = 0; n < 3000; n++) {
      const s = text(24);
      expect(byScan(s), JSON.stringify(s)).toEqual(byPattern(s));
    }
  });
});
