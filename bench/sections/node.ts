// Extractor vs compromise baseline, in one Node process, on the same dev-corpus articles;
// plus synthetic 10 KB / 100 KB / 1 MB articles to show linear growth.
import { evaluateExtraction, loadCorpus } from '../../scripts/eval-extraction';
import { extract } from '../../src/extract/index';
import { baselineExtract } from '../baseline-compromise';
import { articleTexts, fmt, median, p95, syntheticArticle, timeIt, type SectionResult } from '../lib';

const WARM_MS = 3_000;
const ROUND_MS = 1_000;
const ROUNDS = 3;

function warmUp(pass: () => void): void {
  const t0 = performance.now();
  for (let k = 0; k < 3 || performance.now() - t0 < WARM_MS; k++) pass();
}

/**
 * Each article's mean time over whole passes through the corpus (at least 5, lasting at least ROUND_MS), the
 * lowest of ROUNDS such rounds. An article is never run twice in a row: in production every article is new, so
 * memos that outlive one call (the place mentions of a sentence, a town name's compiled tests) must not serve the
 * timed call from the previous one. The lowest round, because on this shared machine (a VM on a shared host)
 * other work only ever adds time: the same code measured 0.46–0.70 ms minutes apart with nothing else running.
 */
function timePasses<A>(arts: readonly A[], fn: (a: A) => unknown): number[] {
  let best = arts.map(() => Infinity);
  for (let r = 0; r < ROUNDS; r++) {
    const total = arts.map(() => 0);
    const t0 = performance.now();
    let passes = 0;
    for (; passes < 5 || performance.now() - t0 < ROUND_MS; passes++) {
      arts.forEach((a, i) => {
        const s = performance.now();
        fn(a);
        total[i]! += performance.now() - s;
      });
    }
    best = best.map((b, i) => Math.min(b, total[i]! / passes));
  }
  return best;
}

export async function nodeSection(): Promise<SectionResult> {
  const corpus = loadCorpus();
  const arts = articleTexts(corpus);
  // Warm both up until V8 has tiered their hot code: three passes left the first timed articles still being
  // optimised (a second timed pass ran ~30 % faster), so each extractor runs whole passes for at least WARM_MS.
  warmUp(() => arts.forEach((a) => extract(a)));
  warmUp(() => arts.forEach((a) => baselineExtract(a)));
  const ours = timePasses(arts, extract);
  const base = timePasses(arts, baselineExtract);
  const ourF1 = evaluateExtraction(corpus).averageF1;
  const baseF1 = evaluateExtraction(corpus, (a) => baselineExtract({ text: a.text, ...(a.title ? { title: a.title } : {}) })).averageF1;

  const texts = corpus.map((a) => a.text);
  const sizes = [10_000, 100_000, 1_000_000];
  const synth = sizes.map((n) => {
    const t = syntheticArticle(texts, n);
    return { n, ms: timeIt(() => extract({ text: t }), 200, 3) };
  });
  const mOurs = median(ours);
  const mBase = median(base);
  return {
    title: 'Node (in-process), dev corpus',
    table: [
      ['extractor', 'median / article', 'p95 / article', 'avg F1 (6 categories)'],
      ['tollwatch extract', fmt(mOurs), fmt(p95(ours)), ourF1.toFixed(3)],
      ['compromise baseline', fmt(mBase), fmt(p95(base)), baseF1.toFixed(3)],
      ['ratio (baseline / ours)', `${(mBase / mOurs).toFixed(1)}×`, `${(p95(base) / p95(ours)).toFixed(1)}×`, ''],
      ...synth.map((s) => [`synthetic ${s.n >= 1e6 ? '1 MB' : `${s.n / 1000} KB`}`, fmt(s.ms), `${((s.ms / s.n) * 1e6).toFixed(0)} ns/char`, '']),
    ],
    notes: [
      `${arts.length} articles; after ≥3 s of warm-up passes over all articles (per extractor), each article timed as its mean over ≥5 further passes lasting ≥1 s (never twice in a row, as in production every article is new), the lowest of 3 such rounds (other work on a shared machine only adds time); median/p95 over articles.`,
      'Synthetic articles are dev-corpus texts concatenated to the size; ns/char staying flat shows linear growth.',
    ],
    data: {
      node_median_ms: mOurs, node_p95_ms: p95(ours), baseline_median_ms: mBase, baseline_p95_ms: p95(base), ratio_median: mBase / mOurs,
      f1_ours: ourF1, f1_baseline: baseF1, ...Object.fromEntries(synth.map((s) => [`synthetic_${s.n}_ms`, s.ms])),
    },
  };
}
