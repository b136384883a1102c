// `npm run bench`: the extraction sections (Node, the extractor's memory, workerd, compromise baseline), then the performance
// sections (bundle size, end-to-end load, cost at scale; bench/performance.ts); prints each and writes
// BENCHMARKS.md, and ends with one JSON line of the key figures. `npm run bench -- node memory workerd` runs only
// the named extraction sections (and leaves BENCHMARKS.md alone); `--quick` shortens the performance runs; `--no-write` leaves BENCHMARKS.md alone.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { machine as perfMachine } from './lib/util';
import { machine, markdownTable, type Section, type SectionResult } from './lib';
import { memorySection } from './sections/memory';
import { nodeSection } from './sections/node';
import { workerdSection } from './sections/workerd';
import { runPerformanceSections, type Section as PerformanceSection } from './performance';

// The machine is shared: the load it ran under belongs beside the figures.
const loadAtStart = loadavg();
const loadLine = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');

const SECTIONS: Array<[string, Section]> = [
  ['node', nodeSection],
  ['memory', memorySection],
  ['workerd', workerdSection],
];

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const results: SectionResult[] = [];
for (const [name, run] of SECTIONS) {
  if (only.length && !only.includes(name)) continue;
  try {
    const r = await run();
    results.push(r);
    console.log(`\n## ${r.title}\n\n${markdownTable(r.table)}\n${(r.notes ?? []).map((n) => `\n${n}`).join('')}`);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    console.error(`section ${name} failed: ${msg}`);
    results.push({ title: `${name} (failed)`, table: [['error'], [msg.replace(/\|/g, '/')]] });
  }
}

const perf = only.length ? null : await runPerformanceSections({ quick: process.argv.includes('--quick') });
const performance: PerformanceSection[] = perf?.sections ?? [];
for (const p of performance) console.log(`\n## ${p.title}\n\n${p.markdown}`);

// What bounds the goals this machine cannot show met; kept beside the figures so a re-run keeps the reading.
const READING = [
  '## Goals, and what bounds them',
  '',
  '- **Extraction ≤ 0.5 ms median, ≥ 10× faster than the baseline, more accurate**: see the Node and workerd tables. Growth is linear: ns/char stays flat within the noise of a shared machine (workerd is the steadier measure).',
  '- **Bundle ≤ 64 KiB gzipped: missed.** About a third of the code is Zod v4\'s core, which every schema needs (the stack chose Zod; `zod/mini` shares the same core, so it would save only the classic layer, ~5 %); the rest of the code is the extractor, the dashboard (hono/jsx) and the alert formatters. Two fixes already applied: namespace imports of zod (guarded by test/e2e/bundle-hygiene.test.ts) and minification. Since 2026-12 the GeoNames town table (107,464 towns, one string literal) is most of the bytes: see "Bundle size". It is looked up by binary search in the string itself, so it costs start-up only its parse and no request a split (see "Start-up" and "CPU per invocation"). It is inside the 3 MiB Free-plan limit.',
  '- **This machine is shared.** Every figure here was measured on 2 cores shared with four other engineers running test suites at the same time (load averages of 4–12 were seen during runs): timings are noisy, a p99 can be one preempted invocation, and only ratios measured in the same run (filing cost 10,000 vs 10, new incidents vs updates, the load rows against the 404 baseline) compare across machines.',
  '- **Every invocation ≤ 10 ms CPU at p99** (the Free plan\'s per-invocation limit): see "CPU per invocation". How it is measured: workerd exposes `cpuTime` only in production tail events, but its local clock advances during synchronous code, so bench/lib/counting-worker.ts runs each invocation in an AsyncLocalStorage frame and takes wall time minus the I/O it awaited; on this shared machine that also counts the time another process held the core, so each figure is capped by workerd\'s own on-CPU time over the invocation (schedstat, sampled from Node). Found and fixed: (1) the GeoNames table was split into 107,464 lines (plus three Maps) inside the first request that named a town — 65–200 ms in Node, wall time on this loaded machine; it is now searched in place (≈ 0.4 ms cold); (2) a queue batch made three Durable Object round trips per message in series (claim, delivered, settle) — now one claim and one delivered-record per batch and one settle per incident, with the destinations posted side by side; (3) the tracker re-validated its destinations on every report, read back and re-parsed the outbox rows it had just written, parsed every held report three times per read-model flush, and woke once a second after every new incident with nothing to do; (4) earlier: a new Durable Object is created inside its caller\'s stub call locally, so the stub call is counted as the caller\'s I/O. Then (5) every new incident\'s tracker created its schema in eight SQL calls and the index and ledger theirs in five and eight (now one exec each), (6) each settle ack deleted its outbox row with a DELETE matching json_extract on every row, so the five acks of a new incident read and parsed the whole outbox five times (now one read and one delete by row id, test/durable/outbox-settle.test.ts), and (7) every article request and queue batch re-validated the destination settings with Zod (now once per env object). What remains above the line is named in the section\'s goal line; the raw table beside it shows which samples only preemption made high, and at the load average of 8.7 of the 2026-12-06 run, p99s of 10–19 ms came from invocations whose medians were 1–4 ms.',
  '- **Filing cost flat in what the index holds**: see "Filing cost against incidents held". Candidates already came through place and name keys (`incident_keys`), never the type, but a country is a key too, and a national feed holds hundreds of open shootings under it: each article read and matched 100 of them (6× the cost at 10 held). Now a key that more than 100 open incidents share adds only its 10 most recent when the article\'s town or names found candidates, and it is counted inside SQLite, so its rows never cross into JavaScript (test/track/index-candidates.test.ts).',
  '- **One index, and beyond it.** "How far one index goes" offers filing calls open-loop at rising rates (finely stepped at 50–100/s, around a GDELT burst) and gives two readings. The p99 line (queueing delay within 100 ms) is crossed on this shared machine at rates where the object is not queueing at all: in one run the p99 was 94 ms at 25/s and 45 ms at 100/s, because the p99 of a few hundred calls is set by whichever other process took the core. The object\'s own limit shows where it stops keeping up — completes less than 97 % of what is offered, or its median passes 50 ms — and in both runs of 2026-12-06 (02:12 and 02:45 UTC) it kept up to 150/s and fell behind at 200/s (medians of 230 and 51 ms there; 4–31 ms below). One `file` call holds the object for 1.4–1.7 ms of CPU (mean), ≈ 600–700 calls/s on a core of its own; locally the caller, the other objects and the simulators share its thread, so the figures err low. A GDELT-sized feed is ~100,000 articles a day, 1.2/s on average with bursts of 50/s, each one `file` call: one index is enough with about twice the burst rate in hand here, so sharding is not built. Past it the Worker answers 503 `overloaded` with Retry-After 5 when the platform refuses a call to the busy object (src/routes/overload.ts), and a resend with the same id is filed once. Beyond it the design shards the index by country: the shard is `idFromName(\'index:\' + country)` for the first country the gazetteer resolves in the report (a `world` shard for reports naming none). An incident spanning two countries (an attacker\'s and a target\'s, a border crossing) is registered in each country\'s shard under its place and name keys, with the shard that owns it; a report naming several countries asks each named shard for candidates (one read-only RPC each, in parallel) and is filed by the owning shard, which keeps the one-writer rule per incident. Two first reports that open the same incident in two shards at the same moment are joined afterwards by incident care\'s merge (`mergeInto`), as duplicates from any other cause are.',
  '- **New incidents at the rate of updates**: see the ratio under "End-to-end load", "Where a new incident\'s CPU goes" and "A new Durable Object". Locally the ratio is a ratio of CPU: workerd runs the Worker, every object and the KV and queue simulators on one thread, and on 2 shared cores updates alone nearly fill it at 200/s (offered 500/s they complete only about 10–30 % more), so completed articles per second ≈ the CPU it gets ÷ the CPU per article, and new incidents complete at 0.8 of the updates\' rate only if each costs at most about 1.25 updates. `npx tsx bench/ratio-parts.ts` splits what a new incident costs beyond an update under the same 200/s load (2026-12-06, 3 rounds: ≈ 9.3 ms beyond an update\'s 5.2): ≈ 4.4 ms is the simulator creating the object and its SQLite database inside the caller\'s call, ≈ 1.75 ms the simulator\'s KV put of the first read-model value, ≈ 2.5 ms the alert\'s fan-out to five destinations, under 1 ms the rest. Without the simulator\'s two shares, which production spends on the object\'s own machine and in KV rather than on the Worker\'s thread, the ratio would be near 0.6 with the posts and near 0.9 without; on this machine 0.8 needs a different design (objects that hold many incidents each, giving up one object per incident, the single writer of its figures) or the objects on cores of their own. Found and fixed in the new incident\'s path: the schema in one exec per object, one outbox read per settle, the destinations validated once, the meta flags read once per event, the read model in one KV put (see "CPU per invocation"); the simulator\'s storage on tmpfs (a new database file on this disk cost 25–37 ms of wall time). One queue message per alert instead of one per destination was built and measured (queue messages 5 → 1 per alert) and not shipped: the fan-out\'s CPU did not move measurably, and a fault drill failed in 2 of 6 runs for a cause not found.',
  '- **200 req/s locally with p99 ≤ 20 ms: the error count is met (zero), the latency is not, and this machine cannot show it.** The baseline row — a 404 that touches no storage — already has a p99 several times 20 ms at 200 req/s on 2 shared cores, where the load generator, wrangler, workerd and the sink compete. Each article then makes three Durable Object calls in sequence (rate limiter, index singleton, the incident\'s tracker with its SQLite commit); the CPU per request is a few ms (last column). New incidents are slower: each creates a Durable Object and its database. The ratio to the baseline in the same run is the figure to compare across machines.',
  '- **Refusals under overload (500 offered/s).** The 503s in the load table at 500 new incidents/s are not the Worker\'s: wrangler\'s local dev proxy (a second workerd in front of the Worker) answers a POST whose inner fetch to the Worker failed with a plain-text "Your worker restarted mid-request" 503 (wrangler-dist/ProxyWorker.js); the load table now counts those apart. In the 2026-12-06 run they appeared already at 200 offered/s (26 for new incidents, 20 for rising tolls at 500/s), for articles the Worker had stored and alerted on (470 chat posts for 55 alerting 2xx answers at 200/s): the answer was lost between the two local processes, not the article. The client errors are requests that got no answer within the client\'s 10 s while workerd worked through a queue it could not shrink. The Worker\'s own refusals are JSON with Retry-After: 429 `rate_limited` past a sender\'s `RATE_LIMIT_PER_MINUTE` (120/min by default, 6000 in env.dev; the benchmark lifts it to measure the system, not the limiter), and 503 `overloaded` (Retry-After 5) or `unavailable` (Retry-After 1) when the platform refuses a Durable Object call (src/routes/overload.ts; before, those were a 500). The limit a deployment should set is the per-sender rate its one index keeps up with (see "How far one index goes"). Nothing accepted is lost: an article answered 2xx is stored; one refused, timed out or answered by the proxy can be sent again with the same id, which is answered from storage and never applied twice.',
  '- **Benchmark output.** A CI smoke run once printed wrangler\'s `✘ [ERROR] Build failed … Could not resolve …middleware-loader.entry.ts` between two load steps. Cause: wrangler 4.86\'s dev bundler runs esbuild in watch mode, and its stop() removes the bundle\'s temporary directory before disposing the esbuild context, so a watcher poll in between rebuilds an entry that is gone. Each worker already has its own directory and dispose was awaited; bench/lib/stack.ts `disposeWorker` now drops exactly that message while a worker is disposed (any other error still prints).',
].join('\n');

const m = machine();
const md = [
  '# Benchmarks',
  '',
  'Generated by `npm run bench` (bench/run.ts). Re-run to refresh; numbers vary with the machine.',
  '',
  `- Machine: Node ${m.node}, nproc ${m.nproc}, CPU ${m.cpu}`,
  `- Date: ${m.date}, commit ${perfMachine().git}`,
  `- Load average (1 / 5 / 15 min) at start: ${loadLine(loadAtStart)}; at end: ${loadLine(loadavg())} (2 cores, shared with other engineers' runs)`,
  '',
  '## Method',
  '',
  '- **Node**: the extractor and a compromise-based baseline (bench/baseline-compromise.ts: number + next-words keyword, first figure wins) run in the same process on the same 66 dev-corpus articles. Per article: mean of repeated calls after warm-up; table gives median and p95 over articles. F1 is the average per-category F1 from scripts/eval-extraction.ts.',
  '- **Linear growth**: synthetic articles of 10 KB, 100 KB and 1 MB built from dev-corpus paragraphs; constant ns/char means linear time.',
  '- **workerd**: a bench-only worker (bench/worker/, not in the production bundle) started with `unstable_startWorker` from wrangler; it runs the extractor N times per request. Timers inside workerd do not advance during synchronous code, so time is measured from Node as (request with N iterations − request with 0) / N.',
  '',
  ...results.flatMap((r) => [`## ${r.title}`, '', markdownTable(r.table), '', ...(r.notes ?? []).map((n) => `- ${n}`), '']),
  ...performance.flatMap((p) => [`## ${p.title}`, '', p.markdown, '']),
  ...(performance.length ? [READING, ''] : []),
].join('\n');
// (a run of named sections only would replace the whole file with those sections: it never writes)
if (!only.length && !process.argv.includes('--no-write')) writeFileSync(new URL('../BENCHMARKS.md', import.meta.url), md);

// The key figures, as the run's last line (machine-readable; null where a section could not run).
const dataOf = (prefix: string) => results.find((r) => r.title.toLowerCase().startsWith(prefix))?.data ?? {};
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Number(v.toFixed(4)) : null);
const figures = perf?.figures;
console.log(
  JSON.stringify({
    invocation_cpu_p99_ms_max: num(figures?.invocation_cpu_p99_ms_max),
    new_incident_vs_update_throughput: num(figures?.new_incident_vs_update_throughput),
    filing_cost_ratio_10000_vs_10: num(figures?.filing_cost_ratio_10000_vs_10),
    startup_ms: num(figures?.startup_ms),
    bundle_gzip_bytes: num(figures?.bundle_gzip_bytes),
    extract_median_ms: num(dataOf('node').node_median_ms),
    extract_vs_compromise: num(dataOf('node').ratio_median),
  }),
);
