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
  p99: number;
}

export interface IndexLimitResult {
  held: number;
  rows: RateRow[];
  /** Highest offered rate with p99 ≤ 100 ms (0 if none). */
  limit: number;
  seconds: number;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
}

export async function runIndexLimit({ quick, smoke = false, log = () => undefined }: { quick: boolean; smoke?: boolean; log?: (l: string) => void }): Promise<IndexLimitResult> {
  const rates = smoke ? [50, 200] : quick ? [25, 50, 100, 150, 200, 300] : [25, 50, 75, 100, 150, 200, 300, 400, 600];
  const seconds = quick ? 2 : 5;
  const rows: RateRow[] = [];
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
    for (const rate of rates) {
      const r = (await post('/__bench/index-rate', { name: 'index-limit', rate, seconds, calls: calls.map((c) => ({ ...c, articleId: `${c.articleId}-${rate}` })) })) as { latencies: number[]; ms: number };
      rows.push({ rate, achieved: (r.latencies.length * 1000) / r.ms, p50: quantile(r.latencies, 0.5), p99: quantile(r.latencies, 0.99) });
      log(`index limit: ${rate}/s done`);
      if (quantile(r.latencies, 0.99) > 4 * QUEUE_LIMIT_MS) break; // far past the limit: higher rates only queue longer
    }
  } finally {
    await stack.dispose();
  }
  const within = rows.filter((r) => r.p99 <= QUEUE_LIMIT_MS);
  return { held: HELD, rows, limit: within.length ? Math.max(...within.map((r) => r.rate)) : 0, seconds };
}

export function indexLimitMarkdown(r: IndexLimitResult): string {
  return [
    `Measured ${machineLine()} Filing calls offered open-loop for ${r.seconds} s per rate to one index Durable Object holding ${HELD.toLocaleString('en')} open shootings in one country (each call names a held town and the country); latency as the calling Worker sees it.`,
    '',
    table(
      ['offered calls/s', 'completed calls/s', 'p50 ms', 'p99 ms', `p99 ≤ ${QUEUE_LIMIT_MS} ms?`],
      r.rows.map((x) => [x.rate, x.achieved.toFixed(0), x.p50.toFixed(1), x.p99.toFixed(1), x.p99 <= QUEUE_LIMIT_MS ? 'yes' : 'no']),
    ),
    '',
    `One index holds **${r.limit} articles/s** with its queueing delay (p99 latency) within ${QUEUE_LIMIT_MS} ms on this shared machine; the caller shares the object's thread locally, so this errs low.`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runIndexLimit({ quick: process.argv.includes('--quick'), log: (l) => console.error(l) });
  console.log(indexLimitMarkdown(r));
}
