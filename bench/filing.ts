/**
 * Filing cost against what the index holds: articles filed inside the index Durable Object (workerd, SQLite)
 * holding 10, 1,000 and 10,000 open incidents of one type in one country. Cost per article must stay flat:
 * candidates come through place keys and names, each read at most MAX_CANDIDATES rows deep, never through
 * the type alone.
 *
 *   npx tsx bench/filing.ts [--quick]
 *
 * Each size has its own index object (bench/lib/counting-worker.ts: benchSeed, benchFile). The articles are
 * shootings, each naming one held incident's town and the country, so every one reads the country's key
 * (shared by all held incidents) and its town's key, and joins the town's incident. Time is the loop's own
 * inside the object (no RPC), which locally advances during synchronous code; median over rounds, which
 * interleave the sizes.
 */
import { join } from 'node:path';
import type { FilingCall } from '../src/durable/incident-index';
import { startWorker } from './lib/stack';
import { machineLine, median, ROOT, table } from './lib/util';

export const SIZES = [10, 1_000, 10_000] as const;
export const FILING_GOAL_RATIO = 1.5;

export interface FilingRow {
  held: number;
  seedMs: number;
  perArticleMs: number;
  rounds: number[];
}

export interface FilingResult {
  rows: FilingRow[];
  articlesPerRound: number;
  /** Per-article cost at 10,000 held ÷ at 10. */
  ratio: number;
}

function calls(held: number, round: number, n: number, nowMs: number): FilingCall[] {
  return Array.from({ length: n }, (_, i) => {
    const town = (i * 7919 + round * 104_729) % held;
    return {
      articleId: `filing-${held}-${round}-${i}`,
      bodyHash: `hash-${round}-${i}`,
      hints: { type: 'shooting', places: [`Town ${town}`, 'United States'], names: [] },
      publishedMs: nowMs,
      title: `Shooting in Town ${town}`,
      canOpen: true,
    };
  });
}

export async function runFiling({ quick, smoke = false, log = () => undefined }: { quick: boolean; smoke?: boolean; log?: (l: string) => void }): Promise<FilingResult> {
  const n = quick ? 100 : 200;
  const roundCount = smoke ? 3 : quick ? 9 : 15;
  const rows: FilingRow[] = [];
  const stack = await startWorker({ entrypoint: join(ROOT, 'bench', 'lib', 'counting-worker.ts') });
  try {
    const nowMs = Date.now();
    const call = async (body: unknown) => {
      const res = await fetch(new URL('/__bench/filing', stack.url), { method: 'POST', body: JSON.stringify(body) });
      if (res.status !== 200) throw new Error(`filing bench answered ${res.status}: ${await res.text()}`);
      return ((await res.json()) as { ms: number }).ms;
    };
    const seedMs: number[] = [];
    for (const held of SIZES) {
      const t0 = Date.now();
      await call({ name: `filing-bench-${held}`, seed: { count: held, type: 'shooting', country: 'United States', nowMs: nowMs - 3_600_000 } });
      seedMs.push(Date.now() - t0);
      await call({ name: `filing-bench-${held}`, calls: calls(held, 999, 20, nowMs) }); // warm-up: JIT and SQLite page cache
    }
    // Rounds interleave the sizes, so a burst of load from elsewhere on the machine hits all of them alike.
    const rounds: number[][] = SIZES.map(() => []);
    for (let r = 0; r < roundCount; r++) {
      for (const [i, held] of SIZES.entries()) rounds[i]!.push((await call({ name: `filing-bench-${held}`, calls: calls(held, r, n, nowMs) })) / n);
    }
    for (const [i, held] of SIZES.entries()) rows.push({ held, seedMs: seedMs[i]!, perArticleMs: median(rounds[i]!), rounds: rounds[i]! });
    log('filing cost done');
  } finally {
    await stack.dispose();
  }
  const at = (h: number) => rows.find((r) => r.held === h)!.perArticleMs;
  return { rows, articlesPerRound: n, ratio: at(10_000) / at(10) };
}

export function filingMarkdown(r: FilingResult): string {
  const base = r.rows[0]!.perArticleMs;
  const L: string[] = [];
  L.push(`Measured ${machineLine()} ${r.articlesPerRound} articles per round, median of ${r.rows[0]!.rounds.length} rounds, inside the index Durable Object (local workerd, SQLite). Each article is a shooting naming one held incident's town and the country.`);
  L.push('');
  L.push(
    table(
      ['open incidents held (one type, one country)', 'filing cost per article', '÷ cost at 10', 'rounds (ms per article)', 'seeding took'],
      r.rows.map((row) => [row.held.toLocaleString('en'), `${(row.perArticleMs * 1000).toFixed(0)} µs`, `${(row.perArticleMs / base).toFixed(2)}×`, row.rounds.map((x) => x.toFixed(3)).join(', '), `${(row.seedMs / 1000).toFixed(1)} s`]),
    ),
  );
  L.push('');
  L.push(`Goal (cost at 10,000 ≤ ${FILING_GOAL_RATIO}× the cost at 10): **${r.ratio <= FILING_GOAL_RATIO ? 'met' : 'missed'}** (${r.ratio.toFixed(2)}×).`);
  return L.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runFiling({ quick: process.argv.includes('--quick'), log: (l) => console.error(l) });
  console.log(filingMarkdown(r));
}
