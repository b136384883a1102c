/**
 * Cost at scale, from operations counted on real runs: the worker runs under unstable_startWorker with
 * bench/lib/counting-worker.ts as its entry (the real app, every binding wrapped in a counter), articles are
 * posted one after another, and the tallies — Durable Object RPC calls and their wall time, alarms, SQLite
 * rows, KV operations, queue messages, consumer invocations — are read back per phase. Chat posts are counted
 * by the local sink as a cross-check of the queue count. CPU: workerd's process CPU per article (an upper
 * bound: worker + Durable Objects + local KV/queue simulators) and the pure request path timed in Node (a
 * lower bound). Prices are list prices, stated below as assumptions.
 *
 *   npx tsx bench/cost.ts [--quick]
 */
import { join } from 'node:path';
import { ArticleInput } from '../src/schema';
import { prepareArticle } from '../src/ingest';
import { verifyWebhook } from '../src/lib/standard-webhooks';
import { IndexEntry } from '../src/track/match';
import { articleBody, articleRequest, BENCH_SECRET, checkSigner, type ArticleKind } from './lib/articles';
import { settle, startSink, startWorker, type Sink } from './lib/stack';
import { machineLine, median, ROOT, sleep, table, workerdCpuMs } from './lib/util';

/**
 * Cloudflare list prices, Workers Paid plan (USD), as published on developers.cloudflare.com pricing pages
 * (Workers, Durable Objects, KV, Queues) and read 2026-11; ASSUMPTIONS — check before budgeting.
 */
export const PRICES = {
  source: 'developers.cloudflare.com/{workers,durable-objects,kv,queues}/platform/pricing, as read 2026-11 (assumption)',
  base: { usd: 5, note: 'Workers Paid subscription per month' },
  workerRequests: { included: 10e6, perMillion: 0.3 },
  workerCpuMs: { included: 30e6, perMillion: 0.02 },
  doRequests: { included: 1e6, perMillion: 0.15 },
  doGbSeconds: { included: 400_000, perMillion: 12.5 },
  sqlRowsRead: { included: 25e9, perMillion: 0.001 },
  sqlRowsWritten: { included: 50e6, perMillion: 1.0 },
  sqlStorageGbMonth: { included: 5, perGb: 0.2 },
  kvReads: { included: 10e6, perMillion: 0.5 },
  kvWrites: { included: 1e6, perMillion: 5.0 },
  kvStorageGbMonth: { included: 1, perGb: 0.5 },
  queueOps: { included: 1e6, perMillion: 0.4 },
} as const;

const DO_MEMORY_GB = 0.125; // 128 MB, billed regardless of use
const QUEUE_OPS_PER_MESSAGE = 3; // write, read, delete (each ≤ 64 KB)

export interface PerArticle {
  phase: string;
  kind: ArticleKind;
  articles: number;
  spacingMs: number;
  workerRequests: number;
  consumerInvocations: number;
  doRequests: number;
  doRequestsBy: Record<string, number>;
  doWallMs: number;
  alarms: number;
  sqlRowsRead: number;
  sqlRowsWritten: number;
  kvReads: number;
  kvWrites: number;
  kvBytesWritten: number;
  kvLists: number;
  queueMessages: number;
  chatPosts: number;
  workerdCpuMs: number;
  changed: number;
  /** Rows written per article by statement ("Class: SQL"), from the counting worker's cursors. */
  sqlWrittenBy: Record<string, number>;
}

type Tally = Record<string, number>;

function sumWhere(t: Tally, test: (k: string) => boolean): number {
  return Object.entries(t).reduce((s, [k, v]) => (test(k) ? s + v : s), 0);
}

async function counts(base: URL): Promise<Tally> {
  return (await (await fetch(new URL('/__bench/counts', base))).json()) as Tally;
}

async function phase(
  base: URL,
  sink: Sink,
  name: string,
  kind: ArticleKind,
  n: number,
  spacingMs: number,
  run: string,
): Promise<PerArticle> {
  await settle(() => sink.total(), 1_500, 20_000);
  await sleep(1_200); // let a pending read-model alarm from the previous phase fire before zeroing
  await fetch(new URL('/__bench/reset', base), { method: 'POST' });
  sink.reset();
  const cpu0 = workerdCpuMs();
  let changed = 0;
  for (let i = 0; i < n; i++) {
    const started = Date.now();
    const a = articleRequest(kind, i + 2, run, BENCH_SECRET);
    const res = await fetch(new URL('/v1/articles', base), { method: 'POST', headers: a.headers, body: a.body });
    const json = (await res.json()) as { changes?: unknown[] };
    if (res.status !== 200) throw new Error(`${name}: article ${i} answered ${res.status} ${JSON.stringify(json)}`);
    if ((json.changes?.length ?? 0) > 0) changed++;
    const wait = spacingMs - (Date.now() - started);
    if (wait > 0) await sleep(wait);
  }
  await settle(() => sink.total(), 2_000, 30_000);
  await sleep(1_500); // coalesced read-model writes land by alarm ≤ 1 s after the last change
  const cpu1 = workerdCpuMs();
  const t = await counts(base);
  const per = (x: number) => x / n;
  const doBy: Record<string, number> = {};
  for (const [k, v] of Object.entries(t)) if (k.startsWith('do.')) doBy[k.slice(3)] = per(v);
  const alarms = sumWhere(t, (k) => k.startsWith('do_alarms.'));
  return {
    phase: name,
    kind,
    articles: n,
    spacingMs,
    workerRequests: per((t['worker.fetch'] ?? 0) + sumWhere(t, (k) => k.startsWith('worker.queue.'))),
    consumerInvocations: per(sumWhere(t, (k) => k.startsWith('worker.queue.'))),
    doRequests: per(sumWhere(t, (k) => k.startsWith('do.')) + alarms),
    doRequestsBy: doBy,
    doWallMs: per(sumWhere(t, (k) => k.startsWith('do_ms.') || k.startsWith('do_alarm_ms.'))),
    alarms: per(alarms),
    sqlRowsRead: per(sumWhere(t, (k) => k.startsWith('sql_rows_read.'))),
    sqlRowsWritten: per(sumWhere(t, (k) => k.startsWith('sql_rows_written.'))),
    kvReads: per(sumWhere(t, (k) => k.startsWith('kv.') && k.endsWith('.get'))),
    kvWrites: per(sumWhere(t, (k) => k.startsWith('kv.') && (k.endsWith('.put') || k.endsWith('.delete')))),
    kvBytesWritten: per(sumWhere(t, (k) => k.startsWith('kv_bytes.'))),
    kvLists: per(sumWhere(t, (k) => k.startsWith('kv.') && k.endsWith('.list'))),
    queueMessages: per(sumWhere(t, (k) => k.startsWith('queue.') && k.endsWith('.messages'))),
    chatPosts: per(sink.total()),
    workerdCpuMs: cpu0 !== null && cpu1 !== null ? per(cpu1 - cpu0) : NaN,
    changed,
    sqlWrittenBy: Object.fromEntries(Object.entries(t).filter(([k]) => k.startsWith('sql_written_by.')).map(([k, v]) => [k.slice('sql_written_by.'.length), per(v)])),
  };
}

/**
 * Where each phase's SQLite rows written go, by statement: rows written are billed per row and SQLite writes one
 * per b-tree a statement touches (the table, each index, AUTOINCREMENT's sqlite_sequence), so this is the table
 * to read before changing a schema. Statements of the local simulator's own (`__miniflare_*`) are named as such.
 */
function rowsWrittenSection(phases: readonly PerArticle[]): string[] {
  // Labels come as "IncidentTracker: INSERT INTO reports" (bench/lib/counting-worker.ts); the class is set as code.
  const byPhase = phases.map((p) => new Map(Object.entries(p.sqlWrittenBy).map(([s, n]) => [s.replace(/^(\w+): /, '`$1`: '), n])));
  const statements = [...new Set(byPhase.flatMap((m) => [...m.keys()]))];
  const total = (s: string) => byPhase.reduce((a, m) => a + (m.get(s) ?? 0), 0);
  statements.sort((a, b) => total(b) - total(a));
  const L = ['### Rows written per article, by statement (measured)', ''];
  L.push(
    table(
      ['statement', ...phases.map((p) => p.phase)],
      statements.map((s) => [s, ...byPhase.map((m) => (m.get(s) ? m.get(s)!.toFixed(2) : '–'))]),
    ),
  );
  L.push('');
  L.push(
    'A statement writes one row per b-tree it changes: an insert into a table with a separate key index and one more index is three. ' +
      'Follow-up articles are published a second apart, so each moves its incident\'s latest report time as a feed\'s would; the index ' +
      'rewrites the incident\'s key rows only once that time is an hour past the stored one (src/durable/incident-index.ts, KEY_RECENCY_STEP_MS). ' +
      'Every follow-up here falls within the hour, so no update rewrites them: one that comes more than an hour after the incident\'s ' +
      'previous report writes two more rows per key (ten for the five keys of the seed\'s incident).',
  );
  return L;
}

/** The request path's pure CPU (verify, parse, normalise, extract, hash) timed in Node: a lower bound for the Worker's CPU. */
export async function pureCpuMsPerArticle(kind: ArticleKind, samples: number): Promise<number> {
  const times: number[] = [];
  const enc = new TextEncoder();
  for (let i = 0; i < samples; i++) {
    const { body, headers } = articleRequest(kind, i, 'cpu', BENCH_SECRET);
    const raw = enc.encode(body);
    const t0 = performance.now();
    await verifyWebhook([BENCH_SECRET], { id: headers['webhook-id']!, timestamp: headers['webhook-timestamp']!, signature: headers['webhook-signature']! }, raw, Math.floor(Date.now() / 1000));
    const parsed = ArticleInput.parse(JSON.parse(new TextDecoder().decode(raw)));
    await prepareArticle(parsed, headers['webhook-id'], Date.now());
    times.push(performance.now() - t0);
  }
  return median(times.slice(Math.floor(samples / 5))); // drop the JIT warm-up fifth
}

/** µs to read one index row the way IncidentIndex.candidates() does (JSON.parse + IndexEntry.parse), in Node. */
export function candidateParseUs(count: number): number {
  const rows = Array.from({ length: count }, (_, i) =>
    JSON.stringify({ v: 1, key: `2020-01-07-place-${i}-stampede`, type: 'stampede', places: [`Place ${i}`, 'Iran'], names: ['Qassem Soleimani'], first_published_ms: 1578355200000, last_published_ms: 1578355200000, closed: false }),
  );
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    for (const row of rows) IndexEntry.parse(JSON.parse(row));
    runs.push(((performance.now() - t0) * 1000) / count);
  }
  return median(runs);
}

export interface CostResult {
  candidateParseUs: number;
  phases: PerArticle[];
  pureCpuMs: Record<string, number>;
  sinkCrossCheck: string;
  reportBytes: number;
}

export async function runCost({ quick, log = () => undefined }: { quick: boolean; log?: (l: string) => void }): Promise<CostResult> {
  await checkSigner();
  const n = quick ? 8 : 30;
  const sink = await startSink();
  const phases: PerArticle[] = [];
  try {
    const stack = await startWorker({ sink, secret: BENCH_SECRET, rateLimitPerMinute: 10_000_000, entrypoint: join(ROOT, 'bench', 'lib', 'counting-worker.ts') });
    try {
      // The incident every no-change article repeats.
      const seedReq = articleRequest('no-change', 0, 'cost', BENCH_SECRET);
      const seedRes = await fetch(new URL('/v1/articles', stack.url), { method: 'POST', headers: seedReq.headers, body: seedReq.body });
      if (seedRes.status !== 200) throw new Error(`seed article answered ${seedRes.status}`);
      phases.push(await phase(stack.url, sink, 'no-change (1 open incident)', 'no-change', n, 0, 'cost'));
      log('no-change done');
      phases.push(await phase(stack.url, sink, 'rising toll, ≥ 1.1 s apart (every change flushes KV)', 'rising', quick ? 4 : 8, 1_100, 'costr'));
      log('rising spaced done');
      phases.push(await phase(stack.url, sink, 'rising toll, back to back (KV writes coalesced)', 'rising', n, 0, 'costb'));
      log('rising burst done');
      phases.push(await phase(stack.url, sink, 'new incident each (caller incident_id)', 'new-incident', n, 0, 'costn'));
      log('new-incident done');
      phases.push(await phase(stack.url, sink, 'irrelevant article (no figures, no place)', 'irrelevant', n, 0, 'costi'));
      log('irrelevant done');
      phases.push(await phase(stack.url, sink, `no-change again, after ${2 * n + 1}+ more incidents in the index`, 'no-change', n, 0, 'cost2'));
      log('no-change (bigger index) done');
    } finally {
      await stack.dispose();
    }
  } finally {
    await sink.close();
  }
  const pureCpuMs: Record<string, number> = {};
  for (const kind of ['no-change', 'rising', 'irrelevant'] as const) pureCpuMs[kind] = await pureCpuMsPerArticle(kind, quick ? 100 : 400);
  const crossChecks = phases.map((p) => `${p.queueMessages.toFixed(2)} queued vs ${p.chatPosts.toFixed(2)} posted`);
  const prepared = await prepareArticle(ArticleInput.parse(JSON.parse(articleBody('rising', 3, 'size'))), 'size-1', Date.now());
  return {
    candidateParseUs: candidateParseUs(20_000),
    phases,
    pureCpuMs,
    sinkCrossCheck: crossChecks.join('; '), reportBytes: JSON.stringify(prepared.report).length };
}

const usd = (x: number) => (x < 0.01 ? `$${x.toFixed(4)}` : `$${x.toFixed(2)}`);

interface Bill {
  lines: Array<[string, number, string, number]>; // item, quantity, unit, usd (before allowances)
  total: number;
}

/** Usage-priced cost of `articles` articles of one phase's profile, ignoring the plan's monthly allowances. */
function bill(p: PerArticle, articles: number, cpuMsPerRequest: number): Bill {
  const q = (x: number) => x * articles;
  const lines: Bill['lines'] = [
    ['Worker requests (fetch + queue consumer invocations)', q(p.workerRequests), 'req', (q(p.workerRequests) / 1e6) * PRICES.workerRequests.perMillion],
    ['Worker CPU', q(p.workerRequests) * cpuMsPerRequest, 'ms', ((q(p.workerRequests) * cpuMsPerRequest) / 1e6) * PRICES.workerCpuMs.perMillion],
    ['Durable Object requests (RPC calls + alarms)', q(p.doRequests), 'req', (q(p.doRequests) / 1e6) * PRICES.doRequests.perMillion],
    ['Durable Object duration', (q(p.doWallMs) / 1000) * DO_MEMORY_GB, 'GB-s', ((q(p.doWallMs) / 1000) * DO_MEMORY_GB / 1e6) * PRICES.doGbSeconds.perMillion],
    ['DO SQLite rows read', q(p.sqlRowsRead), 'rows', (q(p.sqlRowsRead) / 1e6) * PRICES.sqlRowsRead.perMillion],
    ['DO SQLite rows written', q(p.sqlRowsWritten), 'rows', (q(p.sqlRowsWritten) / 1e6) * PRICES.sqlRowsWritten.perMillion],
    ['KV reads', q(p.kvReads), 'reads', (q(p.kvReads) / 1e6) * PRICES.kvReads.perMillion],
    ['KV writes + deletes + lists', q(p.kvWrites + p.kvLists), 'ops', (q(p.kvWrites + p.kvLists) / 1e6) * PRICES.kvWrites.perMillion],
    ['Queue operations (3 per message)', q(p.queueMessages) * QUEUE_OPS_PER_MESSAGE, 'ops', ((q(p.queueMessages) * QUEUE_OPS_PER_MESSAGE) / 1e6) * PRICES.queueOps.perMillion],
  ];
  return { lines, total: lines.reduce((s, l) => s + l[3], 0) };
}

function fmtQty(x: number): string {
  if (x >= 1e9) return `${(x / 1e9).toFixed(2)} B`;
  if (x >= 1e6) return `${(x / 1e6).toFixed(2)} M`;
  if (x >= 1e3) return `${(x / 1e3).toFixed(1)} k`;
  return x.toFixed(x < 10 ? 2 : 0);
}

export function costMarkdown(r: CostResult, quick: boolean): string {
  const L: string[] = [];
  const cpuUpper = (p: PerArticle) => p.workerdCpuMs / Math.max(1e-9, p.workerRequests);
  L.push(`Measured ${machineLine()} ${quick ? 'Quick mode (8 articles per phase).' : '30 articles per phase (8 for the spaced phase).'} ` +
    'Counts come from `bench/lib/counting-worker.ts` (the real worker with counting wrappers around every binding) under `unstable_startWorker`, env dev + `WEBHOOK_SECRETS`; articles are posted one at a time.');
  L.push('');
  L.push('### Operations per article (measured)');
  L.push('');
  L.push(
    table(
      ['phase', 'changed', 'Worker req', 'DO req (by method)', 'DO wall ms', 'alarms', 'SQL rows read', 'SQL rows written', 'KV reads', 'KV writes', 'KV bytes written', 'queue msgs', 'chat posts', 'workerd CPU ms'],
      r.phases.map((p) => [
        p.phase,
        `${p.changed}/${p.articles}`,
        p.workerRequests.toFixed(2),
        `${p.doRequests.toFixed(2)} (${Object.entries(p.doRequestsBy).map(([k, v]) => `${k.replace(/^[A-Z_]+\./, '')} ${v.toFixed(2)}`).join(', ')})`,
        p.doWallMs.toFixed(1),
        p.alarms.toFixed(2),
        p.sqlRowsRead.toFixed(1),
        p.sqlRowsWritten.toFixed(1),
        p.kvReads.toFixed(2),
        p.kvWrites.toFixed(2),
        fmtQty(p.kvBytesWritten),
        p.queueMessages.toFixed(2),
        p.chatPosts.toFixed(2),
        p.workerdCpuMs.toFixed(1),
      ]),
    ),
  );
  L.push('');
  L.push(`Cross-check, queue messages vs chat posts the sink received per article: ${r.sinkCrossCheck}.`);
  L.push(
    `Pure request-path CPU in Node (verify + parse + normalise + extract + hash; median): ` +
      Object.entries(r.pureCpuMs).map(([k, v]) => `${k} ${v.toFixed(2)} ms`).join(', ') +
      '. The stored report (one SQLite row, plus its result) is about ' + `${r.reportBytes} B of JSON.`,
  );
  L.push('');
  L.push(...rowsWrittenSection(r.phases));
  L.push('');
  L.push('### Prices used (assumptions)');
  L.push('');
  L.push(`Source: ${PRICES.source}. Workers Paid, $${PRICES.base.usd}/month base.`);
  L.push('');
  L.push(
    table(
      ['item', 'included per month', 'price beyond'],
      [
        ['Worker requests', fmtQty(PRICES.workerRequests.included), `$${PRICES.workerRequests.perMillion}/M`],
        ['Worker CPU', `${fmtQty(PRICES.workerCpuMs.included)} ms`, `$${PRICES.workerCpuMs.perMillion}/M ms`],
        ['DO requests (each RPC call, each alarm)', fmtQty(PRICES.doRequests.included), `$${PRICES.doRequests.perMillion}/M`],
        ['DO duration (128 MB × wall time active)', `${fmtQty(PRICES.doGbSeconds.included)} GB-s`, `$${PRICES.doGbSeconds.perMillion}/M GB-s`],
        ['DO SQLite rows read', fmtQty(PRICES.sqlRowsRead.included), `$${PRICES.sqlRowsRead.perMillion}/M`],
        ['DO SQLite rows written', fmtQty(PRICES.sqlRowsWritten.included), `$${PRICES.sqlRowsWritten.perMillion}/M`],
        ['DO SQLite storage', `${PRICES.sqlStorageGbMonth.included} GB`, `$${PRICES.sqlStorageGbMonth.perGb}/GB-month`],
        ['KV reads', fmtQty(PRICES.kvReads.included), `$${PRICES.kvReads.perMillion}/M`],
        ['KV writes / deletes / lists', fmtQty(PRICES.kvWrites.included), `$${PRICES.kvWrites.perMillion}/M`],
        ['KV storage', `${PRICES.kvStorageGbMonth.included} GB`, `$${PRICES.kvStorageGbMonth.perGb}/GB-month`],
        ['Queue operations (per 64 KB written, read or deleted)', fmtQty(PRICES.queueOps.included), `$${PRICES.queueOps.perMillion}/M`],
      ],
    ),
  );
  L.push('');
  L.push('### Cost per million articles (usage price, before the monthly allowances)');
  L.push('');
  L.push('Worker CPU is priced at the upper bound (workerd process CPU per Worker request, which also includes the Durable Objects and the local KV/queue simulators); DO duration at the caller-observed wall time of each RPC call (sequential calls, no overlap).');
  L.push('');
  const headline = r.phases.slice(0, 5);
  const bills = headline.map((p) => bill(p, 1e6, cpuUpper(p)));
  const items = bills[0]!.lines.map((l) => l[0]);
  L.push(
    table(
      ['item', ...headline.map((p) => p.phase)],
      [
        ...items.map((item, i) => [item, ...bills.map((b) => `${fmtQty(b.lines[i]![1])} ${b.lines[i]![2]} → ${usd(b.lines[i]![3])}`)]),
        ['**total per million articles**', ...bills.map((b) => `**${usd(b.total)}**`)],
      ],
    ),
  );
  // GDELT-sized feed.
  const byKind = (k: string) => r.phases.find((p) => p.phase.startsWith(k))!;
  const monthly = 3e6;
  const mixes: Array<[string, Array<[PerArticle, number]>]> = [
    ['mostly irrelevant: 80 % irrelevant, 15 % no-change, 5 % rising (spaced)', [[byKind('irrelevant'), 0.8], [byKind('no-change ('), 0.15], [byKind('rising toll, ≥'), 0.05]]],
    ['all on-topic: 90 % no-change, 10 % rising (spaced)', [[byKind('no-change ('), 0.9], [byKind('rising toll, ≥'), 0.1]]],
  ];
  L.push('');
  L.push(`### A GDELT-sized feed: ~100,000 articles/day ≈ ${fmtQty(monthly)} per month`);
  L.push('');
  const rows: Array<Array<string>> = [];
  for (const [label, mix] of mixes) {
    const total: Record<string, number> = {};
    let usage = 0;
    const qty: Record<string, number> = {};
    for (const [p, share] of mix) {
      const b = bill(p, monthly * share, cpuUpper(p));
      for (const [item, q, , cost] of b.lines) {
        total[item] = (total[item] ?? 0) + cost;
        qty[item] = (qty[item] ?? 0) + q;
      }
      usage += b.total;
    }
    // Allowances: subtract what the plan includes, per item.
    const allow: Record<string, [number, number]> = {
      'Worker requests (fetch + queue consumer invocations)': [PRICES.workerRequests.included, PRICES.workerRequests.perMillion],
      'Worker CPU': [PRICES.workerCpuMs.included, PRICES.workerCpuMs.perMillion],
      'Durable Object requests (RPC calls + alarms)': [PRICES.doRequests.included, PRICES.doRequests.perMillion],
      'Durable Object duration': [PRICES.doGbSeconds.included, PRICES.doGbSeconds.perMillion],
      'DO SQLite rows read': [PRICES.sqlRowsRead.included, PRICES.sqlRowsRead.perMillion],
      'DO SQLite rows written': [PRICES.sqlRowsWritten.included, PRICES.sqlRowsWritten.perMillion],
      'KV reads': [PRICES.kvReads.included, PRICES.kvReads.perMillion],
      'KV writes + deletes + lists': [PRICES.kvWrites.included, PRICES.kvWrites.perMillion],
      'Queue operations (3 per message)': [PRICES.queueOps.included, PRICES.queueOps.perMillion],
    };
    let billed = PRICES.base.usd;
    const parts: string[] = [];
    for (const [item, q] of Object.entries(qty)) {
      const [inc, per] = allow[item]!;
      const c = (Math.max(0, q - inc) / 1e6) * per;
      billed += c;
      if (c >= 0.5) parts.push(`${item.replace(/ \(.*\)/, '')} ${usd(c)}`);
    }
    rows.push([label, usd(usage), `**${usd(billed)}**`, parts.join(', ')]);
  }
  L.push(table(['mix', 'usage price', 'bill incl. $5 base, after allowances', 'main items'], rows));
  // How the singleton index's candidate scan grows.
  const nc1 = r.phases[0]!;
  const nc2 = r.phases[r.phases.length - 1]!;
  const irrelevant = r.phases.find((p) => p.kind === 'irrelevant');
  const sameIncidents = r.phases.filter((p) => p.kind === 'new-incident').reduce((a, p) => a + p.articles, 0);
  const slope = (nc2.sqlRowsRead - nc1.sqlRowsRead) / Math.max(1, sameIncidents);
  L.push('');
  L.push(
    `**What the index scan grows with.** \`IncidentIndex\` finds candidates through their place and name keys ` +
      `(\`incident_keys\`, never the type alone), within the longest quiet period, so rows read per article grow with the open incidents that ` +
      `share the article's places or names — not with the index as a whole. The worst case is measured here: the new-incident phase adds ${sameIncidents} ` +
      `incidents that are all stampedes in Kerman (the seed article under caller incident_ids), and rows read per no-change article go from ` +
      `${nc1.sqlRowsRead.toFixed(1)} to ${nc2.sqlRowsRead.toFixed(1)} (≈ ${slope.toFixed(2)} row per such incident; parsing one costs ≈ ${r.candidateParseUs.toFixed(2)} µs in Node). ` +
      `Articles that name no incident type and report no figures open no incident (the irrelevant phase: ${irrelevant ? `${irrelevant.sqlRowsWritten.toFixed(1)} rows written, ` : ''}` +
      `no tracker), so a feed of mostly irrelevant articles does not grow the index.`,
  );
  L.push('');
  L.push(
    'Not included: storage growth (each article keeps a report row in its incident\'s SQLite, and the KV timeline is rewritten whole on every flush, ' +
      'so its bytes per write grow with the incident\'s report count), dead-letter traffic, retries, and read-side traffic (dashboard, API).',
  );
  return L.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const quick = process.argv.includes('--quick');
  const r = await runCost({ quick, log: (l) => console.error(l) });
  console.log(costMarkdown(r, quick));
  console.log('\n<!-- raw ' + JSON.stringify(r) + ' -->');
}
