// One way for the extraction specs to call `extract`, so that every spec reads its figures against the same publication date unless it says otherwise;
// and one seeded source of random texts for the specs that check a scan against the pattern it replaced.
import { extract } from '../../src/extract/index';

export const PUBLISHED = '2024-05-01';

export const run = (text: string, title?: string, published = PUBLISHED) => extract({ text, ...(title ? { title } : {}), published });
export const fig = (text: string, title?: string, published?: string) => run(text, title, published).casualties;
export const threats = (text: string, title?: string, published?: string) => run(text, title, published).threats.map((t) => t.value);

/**
 * Random texts joined from `parts`, the same sequence on every run (xorshift32 from `seed`), so a failure names the
 * same text each time.
 */
export function randomTexts(parts: readonly string[], seed: number): (maxParts: number) => string {
  let x = seed;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
  return (maxParts) => {
    let s = '';
    const len = next() % maxParts;
    for (let i = 0; i < len; i++) s += parts[next() % parts.length];
    return s;
  };
}
