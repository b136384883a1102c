/**
 * Where the new-incident vs update ratio is lost: updates and new incidents offered at the same rate, then new
 * incidents with their tracker objects created beforehand — the local simulator's share of a new incident (a new
 * object and its SQLite database, inside the caller's call), which production spends on the object's own
 * machine — and those again with no destinations (no alert fan-out: queue, consumer, ledger, five posts). Each run
 * is on a fresh worker (the counting worker as entry in every run alike, for its /__bench routes), the four in turn
 * for several rounds, so the machine's drift shows in the spread. The simulator drops an object idle for about ten
 * seconds, so most objects created before a ten-second run are re-opened when their article comes: that variant
 * takes out only the difference between a fresh object and a re-opened one. A calibration table measures both,
 * a call to an object in memory, and a KV put.
 *
 *   npx tsx bench/ratio-parts.ts [--rounds 2] [--rate 200] [--seconds 10]
 */
import { join } from 'node:path';
import { BENCH_SECRET, checkSigner, newIncidentId } from './lib/articles';
import { NO_DESTINATIONS, startSink, startWorker } from './lib/stack';
import { argValue, machineLine, median, ROOT, table, workerdCpuMs } from './lib/util';
import { articles, BENCH_RATE_LIMIT_PER_MINUTE, type LoadRow } from './load';
import { slug } from '../src/track/match';

/** The runs compared, each on a fresh worker: what it posts, whether its trackers exist first, whether alerts are posted. */
interface Variant {
  name: string;
  /** Run tag letter: new-incident runs name their incidents after the run, so the trackers made first are theirs. */
  tag: string;
  kind: 'rising' | 'new-incident';
  createTrackersFirst: boolean;
  posts: boolean;
}
const VARIANTS: readonly Variant[] = [
  { name: 'update (rising toll)', tag: 'u', kind: 'rising', createTrackersFirst: false, posts: true },
  { name: 'new incident', tag: 'n', kind: 'new-incident', createTrackersFirst: false, posts: true },
  { name: 'new incident, object created beforehand', tag: 'p', kind: 'new-incident', createTrackersFirst: true, posts: true },
  { name: 'new incident, object created beforehand, no destinations', tag: 'q', kind: 'new-incident', createTrackersFirst: true, posts: false },
];

/** Creates the trackers a new-incident run will name (its articles' incident_ids), a hundred per request. */
async function createTrackers(url: URL, run: string, count: number): Promise<void> {
  const names = Array.from({ length: count }, (_, n) => slug(newIncidentId(run, n)));
  for (let i = 0; i < names.length; i += 100) {
    const res = await fetch(new URL('/__bench/trackers', url), { method: 'POST', body: JSON.stringify({ names: names.slice(i, i + 100) }) });
    if (res.status !== 200) throw new Error(`creating trackers answered ${res.status}`);
  }
}

/** workerd's on-CPU ms per item of one POST to a counting-worker bench route that handles `items` of them. */
async function cpuPer(url: URL, route: string, body: unknown, items: number): Promise<number> {
  const c0 = workerdCpuMs();
  const res = await fetch(new URL(route, url), { method: 'POST', body: JSON.stringify(body) });
  if (res.status !== 200) throw new Error(`${route} answered ${res.status}`);
  const c1 = workerdCpuMs();
  return c0 !== null && c1 !== null ? (c1 - c0) / items : NaN;
}

/**
 * What the simulator spends where production spends nothing on the Worker's thread: a tracker's first call
 * (object and database created) against a call to one in memory and to one evicted after idling (the simulator
 * drops an object idle for about ten seconds: created objects left waiting for a long run are re-opened, not
 * fresh), and a KV put the size of a new incident's read-model value.
 */
async function calibrate(url: URL): Promise<Array<[string, number]>> {
  const names = (tag: string) => Array.from({ length: 200 }, (_, i) => `calibrate-${tag}-${i}`);
  const trackers = (list: string[]) => cpuPer(url, '/__bench/trackers', { names: list }, list.length);
  await trackers(names('warm-up'));
  const fresh = await trackers(names('a'));
  const inMemory = await trackers(names('a'));
  await new Promise((r) => setTimeout(r, 15_000));
  const reopened = await trackers(names('a'));
  await cpuPer(url, '/__bench/kv-puts', { count: 50, bytes: 4_300, tag: 'warm-up' }, 50);
  const put = await cpuPer(url, '/__bench/kv-puts', { count: 200, bytes: 4_300, tag: 'a' }, 200);
  return [
    ['a tracker\'s first call (object and database created)', fresh],
    ['a call to a tracker in memory', inMemory],
    ['a call to a tracker evicted after 15 s idle (re-opened)', reopened],
    ['a KV put of 4.3 KB (a new incident\'s read-model value)', put],
  ];
}

async function main(): Promise<void> {
  await checkSigner();
  const rounds = Number(argValue('--rounds') ?? 2);
  const rate = Number(argValue('--rate') ?? 200);
  const seconds = Number(argValue('--seconds') ?? 10);
  const rows: Array<{ variant: Variant; round: number; row: LoadRow }> = [];
  const sink = await startSink();
  let calibration: Array<[string, number]> = [];
  try {
    const probe = await startWorker({ sink, secret: BENCH_SECRET, entrypoint: join(ROOT, 'bench', 'lib', 'counting-worker.ts') });
    try {
      calibration = await calibrate(probe.url);
    } finally {
      await probe.dispose();
    }
    for (let round = 1; round <= rounds; round++) {
      for (const variant of VARIANTS) {
        const stack = await startWorker({
          ...(variant.posts ? { sink } : { vars: NO_DESTINATIONS }),
          secret: BENCH_SECRET,
          rateLimitPerMinute: BENCH_RATE_LIMIT_PER_MINUTE,
          entrypoint: join(ROOT, 'bench', 'lib', 'counting-worker.ts'),
        });
        try {
          const run = `rp${round}${variant.tag}`;
          // More than the run can send: the rate × seconds it is offered, its connections' last requests, the warm-up and probe.
          const beforeRun = variant.createTrackersFirst ? () => createTrackers(stack.url, run, Math.ceil(rate * seconds * 1.2) + 200) : undefined;
          const row = await articles(stack.url, sink, variant.kind, true, rate, seconds, run, { ...(beforeRun ? { beforeRun } : {}), ...(variant.posts ? {} : { destinations: 0 }) });
          rows.push({ variant, round, row });
          console.error(`round ${round}: ${variant.name}: ${row.rps.toFixed(0)}/s`);
        } finally {
          await stack.dispose();
        }
      }
    }
  } finally {
    await sink.close();
  }
  const L: string[] = [];
  L.push(`Measured ${machineLine()} ${rate} articles/s offered for ${seconds} s per run, ${rounds} round(s) of the four in turn.`);
  L.push('');
  L.push(table(['one call at a time, 200 of each', 'workerd CPU ms each'], calibration.map(([what, ms]) => [what, ms.toFixed(2)])));
  L.push('');
  L.push(
    table(
      ['round', 'articles', 'completed/s', 'p99 ms', 'workerd CPU ms/article', 'errors + timeouts', 'non-2xx'],
      rows.map(({ variant, round, row }) => [String(round), variant.name, row.rps.toFixed(0), row.p99.toFixed(0), row.workerdCpuMsPerReq.toFixed(1), String(row.errors + row.timeouts), String(row.non2xx)]),
    ),
  );
  L.push('');
  const perRound = (v: Variant) => rows.filter((r) => r.variant === v).map((r) => r.row);
  const updates = perRound(VARIANTS[0]!);
  for (const v of VARIANTS.slice(1)) {
    const ratios = perRound(v).map((r, i) => r.rps / (updates[i]?.rps ?? NaN));
    const cpu = perRound(v).map((r, i) => r.workerdCpuMsPerReq / (updates[i]?.workerdCpuMsPerReq ?? NaN));
    L.push(`- ${v.name} vs updates, same round: completed ${ratios.map((x) => x.toFixed(2)).join(', ')} (median ${median(ratios).toFixed(2)}); workerd CPU per article ${cpu.map((x) => x.toFixed(2)).join(', ')}× an update's.`);
  }
  console.log(L.join('\n'));
}

await main();
