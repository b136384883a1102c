// Robustness: the extractor is total (never throws), its figures are always valid, and
// adversarial inputs take time linear in their length.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Extraction } from '../../src/schema';
import { extract, isEnglish, normaliseText } from '../../src/extract/index';

const WORDS = ['killed', 'dead', 'injured', 'at least', 'more than', 'dozens', 'a', 'one', 'of', 'them', '1,200', '35', 'thirty-five',
  'people', 'were', 'the death toll', 'rose to', 'missiles', 'troops', '.', ',', 'including', 'a further', '2.5m', '-', 'hundred', 'and', '\n\n'];

function valid(r: ReturnType<typeof extract>): void {
  expect(Extraction.safeParse(r).success).toBe(true);
  for (const f of Object.values(r.casualties)) {
    expect(Number.isInteger(f!.value)).toBe(true);
    expect(f!.value).toBeGreaterThanOrEqual(0);
  }
  for (const t of r.threats) {
    expect(Number.isInteger(t.value)).toBe(true);
    expect(t.value).toBeGreaterThanOrEqual(0);
  }
}

describe('properties', () => {
  it('never throws and returns valid figures on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.option(fc.string({ maxLength: 80 }), { nil: undefined }), (text, title) => {
        valid(extract({ text, ...(title !== undefined ? { title } : {}) }));
        normaliseText(text);
        isEnglish(text);
      }),
      { numRuns: 300 },
    );
  });
  it('never throws on news-like word salad', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 80 }), (ws) => {
        valid(extract({ text: ws.join(' ') }));
      }),
      { numRuns: 500 },
    );
  });
  it('never throws on odd input shapes', () => {
    // @ts-expect-error deliberately wrong type
    valid(extract({ text: 42 }));
    // @ts-expect-error deliberately wrong type
    valid(extract(null));
    valid(extract({ text: '' }));
  });
});

describe('adversarial inputs grow linearly', () => {
  const MB = 1_000_000;
  // each case is a unit repeated to about 1 MB; an eighth of it is the baseline, timed in the same run
  const cases: Array<[string, string, number]> = [
    ['1 MB of digits', '9', MB],
    ['digits with commas', '1,', MB / 2],
    ['repeated keyword', 'killed ', MB / 7],
    ['repeated number + keyword', '12 killed ', MB / 10],
    ['no spaces', 'abc', MB / 3],
    ['number words', 'one hundred and ', MB / 16],
    ['unclosed html', '<script>', MB / 8],
    ['dots', '. ', MB / 2],
  ];
  const timed = (text: string): number => {
    const t0 = performance.now();
    valid(extract({ text: normaliseText(text) }));
    isEnglish(text);
    return performance.now() - t0;
  };
  // A growth ratio, not a time limit: eight times the input must cost about eight times as much, on a loaded
  // machine as on an idle one. Quadratic work would show 64×; the bound (24×) leaves room for noise and garbage
  // collection, and the floor for small inputs' fixed costs.
  it.each(cases)('%s', (_name, unit, times) => {
    const eighth = timed(unit.repeat(Math.round(times / 8)));
    const whole = timed(unit.repeat(times));
    expect(whole).toBeLessThan(24 * Math.max(eighth, 20));
  });
});
