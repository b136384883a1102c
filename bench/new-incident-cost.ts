/**
 * Where a new incident's workerd CPU goes, against an update's: articles posted one at a time to the real worker
 * (env dev + WEBHOOK_SECRETS), and workerd's whole on-CPU time (/proc schedstat, every thread: the Worker, its
 * Durable Objects, the local KV and queue simulators, HTTP) per article, counted until the alerts have drained.
 * Three set-ups, each in its own worker:
 *   new incident, 5 destinations — every article opens an incident and alerts env.dev's five chat destinations;
 *   new incident, no destinations — the same, with every destination setting blanked (no queue, no posts);
 *   rising toll, no destinations — every article raises one incident's toll (the load benchmark's update).
 * The gap between the first two is the alert fan-out (queue messages, consumer batches, ledger calls, posts);
 * between the second and the third, opening the incident (a new object and its database, the first read-model write).
 *
 *   npx tsx bench/new-incident-cost.ts [--quick]
 */
import { articleRequest, BENCH_SECRET, checkSigner, type ArticleKind } from './lib/articles';
import { NO_DESTINATIONS, settle, startSink, startWorker, type Sink } from './lib/stack';
import { machineLine, median, sleep, table, workerdOnCpuMs } from './lib/util';

export interface SetupCost {
  setup: string;
  /** workerd on-CPU ms per article, one figure per round. */
  rounds: number[];
  median: number;
  posts: number;
}

async function measure(setup: string, kind: ArticleKind, destinations: boolean, sink: Sink, articles: number, rounds: number): Promise<SetupCost> {
  const stack = await startWorker({ ...(destinations ? { sink } : { vars: NO_DESTINATIONS }), secret: BENCH_SECRET, rateLimitPerMinute: 10_000_000 });
  try {
    const post = async (i: number, run: string) => {
      const a = articleRequest(kind, i, run, BENCH_SECRET);
      const res = await fetch(new URL('/v1/articles', stack.url), { method: 'POST', headers: a.headers, body: a.body });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`${setup}: article ${i} answered ${res.status} ${text}`);
    };
    // Warm-up outside the count (compiles the code paths; for rising, opens the incident every later article raises).
    for (let i = 0; i < 5; i++) await post(i, 'warm');
    await settle(() => sink.total(), 1_500, 20_000);
    await sleep(1_500);
    const out: number[] = [];
    const before = sink.total();
    for (let round = 0; round < rounds; round++) {
      const cpu0 = workerdOnCpuMs();
      for (let i = 0; i < articles; i++) await post(kind === 'rising' ? 5 + round * articles + i : i, `nc${round}x`);
      await settle(() => sink.total(), 1_500, 20_000);
      await sleep(1_500); // the read-model flushes and queue batches still pending
      const cpu1 = workerdOnCpuMs();
      if (cpu0 === null || cpu1 === null) throw new Error('workerd on-CPU time is not readable here (/proc schedstat)');
      out.push((cpu1 - cpu0) / articles);
    }
    return { setup, rounds: out, median: median(out), posts: (sink.total() - before) / (articles * rounds) };
  } finally {
    await stack.dispose();
  }
}

export async function runNewIncidentCost({ quick, smoke = false }: { quick: boolean; smoke?: boolean }): Promise<{ rows: SetupCost[]; articles: number }> {
  await checkSigner();
  const articles = smoke ? 6 : quick ? 20 : 40;
  const rounds = smoke ? 1 : 3;
  const sink = await startSink();
  try {
    return {
      articles,
      rows: [
        await measure('new incident, 5 destinations', 'new-incident', true, sink, articles, rounds),
        await measure('new incident, no destinations', 'new-incident', false, sink, articles, rounds),
        await measure('rising toll (update), no destinations', 'rising', false, sink, articles, rounds),
      ],
    };
  } finally {
    await sink.close();
  }
}

export function newIncidentCostMarkdown(r: { rows: SetupCost[]; articles: number }): string {
  const [withDest, noDest, rising] = r.rows;
  return [
    `Measured ${machineLine()} ${r.articles} articles per round, ${r.rows[0]?.rounds.length ?? 0} round(s), posted one at a time; workerd's on-CPU time per article (every thread), counted until alerts drained.`,
    '',
    table(
      ['set-up', 'workerd CPU ms / article (median of rounds)', 'rounds', 'chat posts / article'],
      r.rows.map((x) => [x.setup, x.median.toFixed(1), x.rounds.map((v) => v.toFixed(1)).join(', '), x.posts.toFixed(2)]),
    ),
    '',
    withDest && noDest && rising
      ? `Alert fan-out ≈ ${(withDest.median - noDest.median).toFixed(1)} ms per new incident; opening the incident beyond an update ≈ ${(noDest.median - rising.median).toFixed(1)} ms; a new incident with its alerts costs ${(withDest.median / rising.median).toFixed(2)}× an update without.`
      : '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(newIncidentCostMarkdown(await runNewIncidentCost({ quick: process.argv.includes('--quick') })));
}
