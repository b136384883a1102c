// The extractor's memory, measured in a process of its own so nothing else's heap is counted: what its module
// state keeps (tables, the town list, compiled patterns), whether its memos stay bounded over many articles, and
// how much one article allocates. Run by bench/sections/memory.ts as
//   node --expose-gc --import tsx bench/memory-probe.ts
// and prints one JSON line.
import { GCProfiler } from 'node:v8';
import { loadCorpus } from '../scripts/eval-extraction';
import { articleTexts, syntheticArticle } from './lib';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const collect = gc;

/** Live heap after full collections (two: the first can leave finalisation work for the second). */
function liveHeap(): number {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}

const corpus = loadCorpus();
const arts = articleTexts(corpus);
const big = syntheticArticle(corpus.map((a) => a.text), 1_000_000);

const before = liveHeap();
const { extract } = await import('../src/extract/index');
extract(arts[0]!);
const loaded = liveHeap();

const PASSES = 20;
for (let p = 0; p < PASSES; p++) for (const a of arts) extract(a);
const afterPasses = liveHeap();

/**
 * What one call allocates: the heap's growth over the call plus what every collection inside it freed (V8's
 * GCProfiler reports the used heap before and after each), so a call long enough to be collected is not
 * undercounted; and the most it held live, as the largest heap a collection inside it left (above the start).
 */
function allocation(fn: () => unknown): { bytes: number; liveBytes: number } {
  collect();
  const profiler = new GCProfiler();
  profiler.start();
  const h0 = process.memoryUsage().heapUsed;
  fn();
  const h1 = process.memoryUsage().heapUsed;
  const gcs = profiler.stop()?.statistics ?? [];
  const freed = gcs.reduce((n, g) => n + g.beforeGC.heapStatistics.usedHeapSize - g.afterGC.heapStatistics.usedHeapSize, 0);
  const live = gcs.reduce((m, g) => Math.max(m, g.afterGC.heapStatistics.usedHeapSize - h0), 0);
  return { bytes: h1 - h0 + freed, liveBytes: live };
}

const perArticle = arts.map((a) => allocation(() => extract(a)).bytes);
const bigRun = allocation(() => extract({ text: big }));
const afterBig = liveHeap();

const sorted = [...perArticle].sort((a, b) => a - b);
const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
console.log(
  JSON.stringify({
    node: process.version,
    articles: arts.length,
    passes: PASSES,
    module_state_bytes: loaded - before,
    growth_after_passes_bytes: afterPasses - loaded,
    alloc_median_bytes: at(0.5),
    alloc_p95_bytes: at(0.95),
    alloc_max_bytes: sorted[sorted.length - 1]!,
    alloc_1mb_bytes: bigRun.bytes,
    live_peak_1mb_bytes: bigRun.liveBytes,
    growth_after_1mb_bytes: afterBig - afterPasses,
  }),
);
