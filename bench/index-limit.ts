/**
 * How far one index Durable Object goes: filing calls offered open-loop at rising rates to one index holding
 * 1,000 open incidents, each call's latency as its caller sees it (queueing in the object + service). The limit
 * is the highest rate whose p99 latency stays within 100 ms. Locally the caller shares the object's thread, so
 * the figure errs low.
 *
 *   npx tsx bench/index-limit.ts [--quick]
 */
import { join } from 'node:path';
import type { FilingCall } from '../src/durable/incident-index';
import { startWorker } from './lib/stack';
import { machineLine, ROOT, table } from './lib/util';

export const QUEUE_LIMIT_MS = 100;
const HELD = 1_000;

export interface RateRow {
  rate: number;
  achieved: number;
  p50: number;
  /** The lower of the rounds' p99s: another process taking the core only adds latency, queueing shows in every round. */
  p99: number;
  /** Each round's p99 at this rate. */
  roundsP99: number[];
}

export interface IndexLimitResult {
  held: number;
  rows: RateRow[];
  /** Highest offered rate with p99 ≤ 100 ms at it and at every lower rate tried (0 if none). */
  limit: number;
  /** The first rate tried whose p99 passed 100 ms (null if none did). */
  firstOver: number | null;
  /**
   * Highest rate (with every lower one) the object keeps up with: it completes ≥ 97 % of what is offered with a
   * median latency within half the line. The p99 at low rates is set by other processes taking the core; a queue
   * building in the object shows in the median and in the completed rate.
   */
  keepsUpTo: number;
  /** The first rate at which it fell behind (null if none did). */
  fallsBehindAt: number | null;
  seconds: number;
  rounds: number;
  /** Mean CPU ms of one `file` call inside the object over every rate (bench/lib/counting-worker.ts), null if unrecorded. */
  fileCpuMs: number | null;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
}

export async function runIndexLimit({ quick, smoke = false, log = () => undefined }: { quick: boolean; smoke?: boolean; log?: (l: string) => void }): Promise<IndexLimitResult> {
  // Finely stepped just above 50/s (a GDELT-sized feed's burst rate), so the limit is a measured number rather than
  // the top of the tried range.
  const rates = smoke ? [50, 200] : quick ? [25, 50, 60, 80, 100, 150, 200] : [25, 50, 60, 70, 80, 90, 100, 150, 200, 300, 400, 600];
  const seconds = quick ? 2 : 5;
  const rounds = quick ? 1 : 2;
  const rows: RateRow[] = [];
  let fileCpuMs: number | null = null;
  const stack = await startWorker({ entrypoint: join(ROOT, 'bench', 'lib', 'counting-worker.ts') });
  try {
    const nowMs = Date.now();
    const post = async (path: string, body: unknown) => {
      const res = await fetch(new URL(path, stack.url), { method: 'POST', body: JSON.stringify(body) });
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
      return res.json();
    };
    await post('/__bench/filing', { name: 'index-limit', seed: { count: HELD, type: 'shooting', country: 'United States', nowMs: nowMs - 3_600_000 } });
    const calls: FilingCall[] = Array.from({ length: 97 }, (_, i) => ({
      articleId: `limit-${i}`,
      bodyHash: `h-${i}`,
      hints: { type: 'shooting', places: [`Town ${(i * 37) % HELD}`, 'United States'], names: [] },
      publishedMs: nowMs,
      title: `Shooting in Town ${(i * 37) % HELD}`,
      canOpen: true,
    }));
    await fetch(new URL('/__bench/reset', stack.url), { method: 'POST' });
    for (const rate of rates) {
      const results: Array<{ latencies: number[]; ms: number }> = [];
      for (let round = 0; round < rounds; round++) {
        const body = { name: 'index-limit', rate, seconds, calls: calls.map((c) => ({ ...c, articleId: `${c.articleId}-${rate}-${round}` })) };
        results.push((await post('/__bench/index-rate', body)) as { latencies: number[]; ms: number });
      }
      const p99s = results.map((r) => quantile(r.latencies, 0.99));
      const best = results[p99s.indexOf(Math.min(...p99s))]!;
      rows.push({ rate, achieved: (best.latencies.length * 1000) / best.ms, p50: quantile(best.latencies, 0.5), p99: Math.min(...p99s), roundsP99: p99s });
      log(`index limit: ${rate}/s done`);
      if (Math.min(...p99s) > 4 * QUEUE_LIMIT_MS) break; // far past the limit: higher rates only queue longer
    }
    const cpu = (await (await fetch(new URL('/__bench/cpu', stack.url))).json()) as Record<string, number[]>;
    const fileCpu = cpu['IncidentIndex.file'] ?? [];
    // The mean, not the median: the in-isolate clock ticks in whole milliseconds, so most samples read 0 or 1.
    fileCpuMs = fileCpu.length ? fileCpu.reduce((a, b) => a + b, 0) / fileCpu.length : null;
  } finally {
    await stack.dispose();
  }
  // The limit is where the latency first passes the line, not the highest rate that happened to stay under it.
  const over = rows.findIndex((r) => r.p99 > QUEUE_LIMIT_MS);
  const within = over === -1 ? rows : rows.slice(0, over);
  const behind = rows.findIndex((r) => r.achieved < 0.97 * r.rate || r.p50 > QUEUE_LIMIT_MS / 2);
  const keeping = behind === -1 ? rows : rows.slice(0, behind);
  return {
    held: HELD,
    rows,
    limit: within.length ? within[within.length - 1]!.rate : 0,
    firstOver: over === -1 ? null : rows[over]!.rate,
    keepsUpTo: keeping.length ? keeping[keeping.length - 1]!.rate : 0,
    fallsBehindAt: behind === -1 ? null : rows[behind]!.rate,
    seconds,
    rounds,
    fileCpuMs,
  };
}

export function indexLimitMarkdown(r: IndexLimitResult): string {
  return [
    `Measured ${machineLine()} Filing calls offered open-loop for ${r.seconds} s per rate${r.rounds > 1 ? `, ${r.rounds} rounds per rate,` : ''} to one index Durable Object holding ${HELD.toLocaleString('en')} open shootings in one country (each call names a held town and the country); latency as the calling Worker sees it.${r.rounds > 1 ? ' The p99 shown is the lower of the rounds (another process taking the core only adds latency; queueing in the object shows in every round); each round\'s is in the last column.' : ''}`,
    '',
    table(
      ['offered calls/s', 'completed calls/s', 'p50 ms', 'p99 ms', `p99 ≤ ${QUEUE_LIMIT_MS} ms?`, 'p99 of each round (ms)'],
      r.rows.map((x) => [x.rate, x.achieved.toFixed(0), x.p50.toFixed(1), x.p99.toFixed(1), x.p99 <= QUEUE_LIMIT_MS ? 'yes' : 'no', x.roundsP99.map((v) => v.toFixed(0)).join(', ')]),
    ),
    '',
    `One index holds **${r.limit} articles/s** with its queueing delay (p99 latency) within ${QUEUE_LIMIT_MS} ms on this shared machine${r.firstOver !== null ? `; at ${r.firstOver}/s the p99 passed ${QUEUE_LIMIT_MS} ms` : `, the highest rate tried`}. The caller shares the object's thread locally, so this errs low. ` +
      `The object keeps up (completes ≥ 97 % of what is offered, median latency ≤ ${QUEUE_LIMIT_MS / 2} ms) **up to ${r.keepsUpTo} calls/s**${r.fallsBehindAt !== null ? `, and falls behind at ${r.fallsBehindAt}/s` : ', the highest rate tried'}: where the p99 line is crossed well below that, the p99 was set by other processes taking this shared machine's cores, not by a queue in the object.` +
      (r.fileCpuMs !== null
        ? ` One \`file\` call holds the object for ${r.fileCpuMs.toFixed(2)} ms of CPU on average (wall − awaited I/O inside the object, bench/lib/counting-worker.ts), so its own work alone would allow ≈ ${Math.floor(1000 / Math.max(r.fileCpuMs, 0.01)).toLocaleString('en')} calls/s on a core of its own (in production the object has its own thread; here it shares one with the caller, the other objects and the simulators).`
        : ''),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runIndexLimit({ quick: process.argv.includes('--quick'), log: (l) => console.error(l) });
  console.log(indexLimitMarkdown(r));
}
