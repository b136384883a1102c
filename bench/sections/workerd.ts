// The extractor inside workerd (the Workers runtime), started with wrangler's
// unstable_startWorker. Per-article time = (request with N iterations − request with 0) / N.
import { resolve } from 'node:path';
import { loadCorpus } from '../../scripts/eval-extraction';
import { articleTexts, fmt, median, p95, syntheticArticle, type SectionResult } from '../lib';
import { disposeWorker } from '../lib/stack';

export async function workerdSection(): Promise<SectionResult> {
  process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';
  process.env.WRANGLER_SEND_METRICS = 'false';
  const { unstable_startWorker } = await import('wrangler');
  const worker = await unstable_startWorker({
    config: resolve(import.meta.dirname, '../worker/wrangler.jsonc'),
    dev: { server: { port: 0 }, inspector: false, logLevel: 'error' },
  } as Parameters<typeof unstable_startWorker>[0]);
  try {
    await worker.ready;
    const url = await worker.url;
    const post = async (articles: unknown[], iterations: number): Promise<number> => {
      const t0 = performance.now();
      const res = await worker.fetch(url.href, { method: 'POST', body: JSON.stringify({ articles, iterations }) });
      await res.json();
      return performance.now() - t0;
    };
    const corpus = loadCorpus();
    const arts = articleTexts(corpus);
    await post(arts, 5); // warm-up (JIT)
    const N = 200;
    const per: number[] = [];
    for (const a of arts) {
      const empty = Math.min(await post([a], 0), await post([a], 0));
      const full = Math.min(await post([a], N), await post([a], N));
      per.push(Math.max(0, full - empty) / N);
    }
    // every article in turn, as production sees them (no article twice in a row): one mean over all of them
    const P = 20;
    const rotEmpty = Math.min(await post(arts, 0), await post(arts, 0));
    const rotFull = Math.min(await post(arts, P), await post(arts, P));
    const rotating = Math.max(0, rotFull - rotEmpty) / (P * arts.length);
    const texts = corpus.map((a) => a.text);
    const synth: Array<[number, number]> = [];
    for (const n of [10_000, 100_000, 1_000_000]) {
      const t = syntheticArticle(texts, n);
      const reps = n >= 1_000_000 ? 3 : n >= 100_000 ? 10 : 50;
      const empty = Math.min(await post([{ text: t }], 0), await post([{ text: t }], 0));
      const full = Math.min(await post([{ text: t }], reps), await post([{ text: t }], reps));
      synth.push([n, Math.max(0, full - empty) / reps]);
    }
    return {
      title: 'workerd (bench worker via unstable_startWorker), dev corpus',
      table: [
        ['measure', 'value'],
        ['median / article', fmt(median(per))],
        ['p95 / article', fmt(p95(per))],
        ['mean / article, rotating', fmt(rotating)],
        ...synth.map(([n, ms]) => [`synthetic ${n >= 1e6 ? '1 MB' : `${n / 1000} KB`}`, `${fmt(ms)} (${((ms / n) * 1e6).toFixed(0)} ns/char)`]),
      ],
      notes: [
        `Each article: min of 2 requests with ${N} iterations minus min of 2 with 0 iterations (removes HTTP/JSON overhead), divided by ${N}.`,
        `Rotating: all ${arts.length} articles in turn, ${P} passes per request (min of 2, minus the same request with 0 passes), divided by ${P} × ${arts.length}: no article runs twice in a row, as in production, so memos that outlive a call do not flatter it; a mean, so the few long articles weigh in.`,
      ],
      data: { workerd_median_ms: median(per), workerd_p95_ms: p95(per), workerd_rotating_mean_ms: rotating, ...Object.fromEntries(synth.map(([n, ms]) => [`workerd_synthetic_${n}_ms`, ms])) },
    };
  } finally {
    await disposeWorker(worker);
  }
}
