/**
 * Extraction speed of this checkout against another copy of the code (say main), measured in ONE process: both
 * copies' `extract` run interleaved over the dev corpus, round after round, in alternating order. Each article's
 * time is process CPU (user + system), so preemption by other processes on a shared machine is not counted; the
 * result is the ratio old ÷ new (above 1: this checkout is faster). Timing noise here is the spread two copies of
 * the same code show (run it against a second copy of this checkout), not an absolute goal.
 *
 *   git archive main | (mkdir -p /tmp/main-copy && tar -x -C /tmp/main-copy) && ln -s "$PWD/node_modules" /tmp/main-copy/
 *   node --single-threaded-gc --import tsx bench/extract-ab.ts /tmp/main-copy [--new-first] [--rounds 10] [--dir DIR]
 *
 * --dir times another directory of article JSON files (default: the dev corpus). A set larger than the extractor's
 * bounded memos (a few hundred sentences or names) shows what a feed of new articles costs.
 *
 * (--single-threaded-gc keeps the collector's helper threads out of the process CPU time.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ArticleText } from '../src/extract/index';
import { argValue, ROOT } from './lib/util';

type Extract = (a: ArticleText) => unknown;

const CORPUS = resolve(ROOT, 'fixtures/corpus-dev');
const REPEAT = 5;

function loadArticles(dir: string): ArticleText[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(resolve(dir, f), 'utf8')) as { article?: ArticleText } & ArticleText)
    .map((j) => j.article ?? j)
    .map((a) => ({ text: a.text, ...(a.title ? { title: a.title } : {}), ...(a.published ? { published: a.published } : {}) }));
}

async function extractOf(root: string): Promise<Extract> {
  const mod = (await import(resolve(root, 'src/extract/index.ts'))) as { extract: Extract };
  return mod.extract;
}

const cpuUs = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;

async function main(): Promise<void> {
  const other = process.argv[2];
  if (!other || other.startsWith('--')) throw new Error('usage: bench/extract-ab.ts OTHER_CHECKOUT [--new-first] [--rounds N]');
  const newFirst = process.argv.includes('--new-first');
  const rounds = Number(argValue('--rounds') ?? 10);
  // load order is a variable of its own: --new-first imports this checkout first
  const [a, b] = newFirst ? [await extractOf(ROOT), await extractOf(other)] : [await extractOf(other), await extractOf(ROOT)];
  const oldX = newFirst ? b : a;
  const newX = newFirst ? a : b;
  const arts = loadArticles(argValue('--dir') ?? CORPUS);
  // warm both copies until the JIT has settled
  for (let k = 0; k < 5; k++) {
    for (const art of arts) {
      oldX(art);
      newX(art);
    }
  }
  const oldUs = arts.map(() => 0);
  const newUs = arts.map(() => 0);
  for (let r = 0; r < rounds; r++) {
    const order: Array<'old' | 'new'> = (r % 2 === 0) !== newFirst ? ['old', 'new'] : ['new', 'old'];
    arts.forEach((art, i) => {
      for (const which of order) {
        const f = which === 'old' ? oldX : newX;
        const s = cpuUs();
        for (let k = 0; k < REPEAT; k++) f(art);
        const d = cpuUs() - s;
        if (which === 'old') oldUs[i]! += d;
        else newUs[i]! += d;
      }
    });
  }
  const perCall = (us: number) => us / REPEAT / rounds / 1000;
  const total = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
  console.log(
    JSON.stringify({
      other,
      order: newFirst ? 'new-first' : 'old-first',
      articles: arts.length,
      rounds,
      old_median_ms: +perCall(median(oldUs)).toFixed(4),
      new_median_ms: +perCall(median(newUs)).toFixed(4),
      median_of_ratios: +median(oldUs.map((o, i) => o / newUs[i]!)).toFixed(3),
      total_ratio: +(total(oldUs) / total(newUs)).toFixed(3),
    }),
  );
}

await main();
