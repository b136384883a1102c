/**
 * CPU per invocation, in workerd: the Worker's fetch, each Durable Object method, each queue batch (and per
 * message) and each alarm, measured separately at p50 and p99 for four kinds of article. The Free plan cuts
 * off any one invocation past 10 ms of CPU, so a per-request total cannot say which would be cut.
 *
 *   npx tsx bench/invocations.ts [--quick]
 *
 * How: bench/lib/counting-worker.ts runs every invocation in an AsyncLocalStorage frame and records wall time
 * minus the I/O the invocation awaited (local workerd's clock advances during synchronous code; production's
 * does not, which is why this is a local measurement). Articles are posted one at a time, so invocations
 * rarely overlap; one that resumes while another holds the thread is charged that wait, which errs high.
 */
import { join } from 'node:path';
import { articleRequest, BENCH_SECRET, checkSigner, type ArticleKind } from './lib/articles';
import { settle, startSink, startWorker } from './lib/stack';
import { execFileSync } from 'node:child_process';
import { startCpuSampler, type CpuSampler } from './lib/cpu-sampler';
import { machineLine, ROOT, sleep, table, workerdOnCpuMs, workerdPids } from './lib/util';

export const CPU_LIMIT_MS = 10; // Workers Free plan, per invocation

export interface InvocationStat {
  invocation: string;
  phase: string;
  n: number;
  /** CPU ms: the smaller of wall − awaited I/O and workerd's whole on-CPU time over the invocation. */
  p50: number;
  p99: number;
  max: number;
  /** Wall − awaited I/O alone, which a preempted invocation inflates. */
  rawP99: number;
  /** Samples where workerd's on-CPU time was the smaller figure (the wall time held someone else's CPU). */
  capped: number;
}

export interface InvocationResult {
  stats: InvocationStat[];
  phases: string[];
  articlesPerPhase: number;
  /** workerd's on-CPU ms per article in each phase (every invocation plus the local KV/queue simulators): the cross-check. */
  processCpuPerArticle: Record<string, number>;
  reniced: boolean;
  /** The schedstat sampler's median gap (ms); null when it could not run (then figures are wall − I/O only). */
  samplerGapMs: number | null;
  /** Worst p99 over every invocation and phase, and which. */
  worst: { ms: number; invocation: string; phase: string };
  /** Worker.fetch's steps timed one by one in workerd (bench/lib/request-sections.ts): ms per run, p50 and p99 over articles. */
  sections: Array<{ section: string; phase: string; p50: number; p99: number }>;
}

function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
}

const PHASES: Array<[string, ArticleKind]> = [
  ['no change', 'no-change'],
  ['rising toll', 'rising'],
  ['new incident', 'new-incident'],
  ['irrelevant article', 'irrelevant'],
];

export async function runInvocations({ quick, smoke = false, log = () => undefined }: { quick: boolean; smoke?: boolean; log?: (l: string) => void }): Promise<InvocationResult> {
  await checkSigner();
  const n = smoke ? 8 : quick ? 40 : 100;
  const sink = await startSink();
  const stats: InvocationStat[] = [];
  const sections: InvocationResult['sections'] = [];
  const processCpuPerArticle: Record<string, number> = {};
  let reniced = false;
  let sampler: CpuSampler | null = null;
  try {
    // OUTBOX_RECHECK_SECONDS=2: the tracker's outbox alarm (60 s in production) fires inside the phase, so
    // alarms are measured too. The rate limit is lifted: one sender posts every article.
    const stack = await startWorker({ sink,
      secret: BENCH_SECRET,
      rateLimitPerMinute: 10_000_000,
      vars: { OUTBOX_RECHECK_SECONDS: '2' },
      entrypoint: join(ROOT, 'bench', 'lib', 'counting-worker.ts'),
    });
    try {
      // The machine is shared: at nice -10 other users' processes preempt workerd less, and a preempted
      // invocation's wall time would otherwise read as CPU. Best effort (needs the privilege to raise priority).
      try {
        for (const pid of workerdPids()) execFileSync('renice', ['-n', '-10', '-p', String(pid)], { stdio: 'ignore' });
        reniced = workerdPids().length > 0;
      } catch {
        reniced = false;
      }
      // workerd's own clock stamps each invocation; it must be the machine's clock the sampler stamps with.
      const before = Date.now();
      const { now } = (await (await fetch(new URL('/__bench/clock', stack.url))).json()) as { now: number };
      const pids = workerdPids();
      if (pids.length > 0 && now >= before - 1 && now <= Date.now() + 1) sampler = startCpuSampler(pids);
      const post = async (kind: ArticleKind, i: number, run: string) => {
        const a = articleRequest(kind, i, run, BENCH_SECRET);
        const res = await fetch(new URL('/v1/articles', stack.url), { method: 'POST', headers: a.headers, body: a.body });
        const text = await res.text();
        if (res.status !== 200) throw new Error(`${kind} article ${i} answered ${res.status} ${text}`);
      };
      await post('no-change', 0, 'cpu'); // the incident the no-change and rising articles are filed under
      const only = process.env.BENCH_PHASES?.split(',');
      for (const [phase, kind] of PHASES) {
        if (only && !only.includes(kind)) continue;
        await settle(() => sink.total(), 1_500, 20_000);
        await sleep(2_500); // pending read-model and outbox alarms of the previous phase fire before zeroing
        await fetch(new URL('/__bench/reset', stack.url), { method: 'POST' });
        const cpu0 = workerdOnCpuMs();
        for (let i = 0; i < n; i++) await post(kind, i + 2, `cpu${kind[0]}`);
        await settle(() => sink.total(), 2_000, 30_000);
        await sleep(4_500); // outbox alarms (2 s recheck) and coalesced read-model alarms (≤ 1 s) fire
        const cpu1 = workerdOnCpuMs();
        if (cpu0 !== null && cpu1 !== null) processCpuPerArticle[phase] = (cpu1 - cpu0) / n;
        const samples = (await (await fetch(new URL('/__bench/cpu', stack.url))).json()) as Record<string, number[]>;
        const spans = (await (await fetch(new URL('/__bench/cpu-spans', stack.url))).json()) as Record<string, Array<[number, number]>>;
        for (const [invocation, raw] of Object.entries(samples)) {
          if (raw.length === 0) continue;
          let capped = 0;
          const xs = raw.map((x, i) => {
            const span = spans[invocation]?.[i];
            const bound = span && sampler ? sampler.cpuBetween(span[0], span[1]) : null;
            if (bound === null || bound >= x) return x;
            capped++;
            return bound;
          });
          stats.push({ invocation, phase, n: xs.length, p50: quantile(xs, 0.5), p99: quantile(xs, 0.99), max: Math.max(...xs), rawP99: quantile(raw, 0.99), capped });
        }
        if (process.env.BENCH_RAW) log(`${phase} raw: ${JSON.stringify({ samples, spans })}`);
        log(`cpu per invocation: ${phase} done`);
      }
      // After the phases, so their samples and cross-check stay clean: the same kinds of article (fresh ids) through
      // each step of the request path separately, nothing filed.
      for (const [phase, kind] of PHASES) {
        if (only && !only.includes(kind)) continue;
        const per: Record<string, number[]> = {};
        for (let i = 0; i < n; i++) {
          const a = articleRequest(kind, i + 2, `sec${kind[0]}`, BENCH_SECRET);
          const res = await fetch(new URL('/__bench/sections', stack.url), { method: 'POST', headers: a.headers, body: a.body });
          if (res.status !== 200) throw new Error(`sections: ${kind} article ${i} answered ${res.status} ${await res.text()}`);
          for (const [section, x] of Object.entries((await res.json()) as Record<string, number>)) (per[section] ??= []).push(x);
        }
        // In the order the worker ran them (bench/lib/request-sections.ts imports the worker, so Node cannot).
        for (const section of Object.keys(per)) sections.push({ section, phase, p50: quantile(per[section]!, 0.5), p99: quantile(per[section]!, 0.99) });
      }
      log('cpu per invocation: request sections done');
    } finally {
      sampler?.stop();
      await stack.dispose();
    }
  } finally {
    await sink.close();
  }
  const samplerGapMs = sampler ? (sampler as CpuSampler).stats().medianGapMs : null;
  // Constructors are shown for reading, but they are part of the first invocation, not one of their own.
  const counted = stats.filter((s) => !s.invocation.endsWith('.constructor') && !s.invocation.endsWith('(per message)'));
  const w = counted.reduce((a, b) => (b.p99 > a.p99 ? b : a), counted[0]!);
  return { stats, phases: PHASES.map(([p]) => p), articlesPerPhase: n, processCpuPerArticle, reniced, samplerGapMs, worst: { ms: w.p99, invocation: w.invocation, phase: w.phase }, sections };
}

const ms = (x: number) => (x < 0.1 ? x.toFixed(3) : x < 10 ? x.toFixed(2) : x.toFixed(1));

export function invocationsMarkdown(r: InvocationResult): string {
  const names = [...new Set(r.stats.map((s) => s.invocation))].sort();
  const cell = (name: string, phase: string) => {
    const s = r.stats.find((x) => x.invocation === name && x.phase === phase);
    if (!s) return '–';
    const over = s.p99 > CPU_LIMIT_MS && !name.endsWith('.constructor') ? ' **over**' : '';
    return `${ms(s.p50)} / ${ms(s.p99)} (${s.n})${over}`;
  };
  const L: string[] = [];
  L.push(`Measured ${machineLine()} ${r.articlesPerPhase} articles per phase, posted one at a time to the real worker (bench/lib/counting-worker.ts as entry, env dev + \`WEBHOOK_SECRETS\`, \`OUTBOX_RECHECK_SECONDS=2\` so outbox alarms fire within the phase).`);
  L.push('');
  const bounded = r.samplerGapMs !== null;
  L.push(
    'CPU ms per invocation, **p50 / p99 (invocations)**. Each invocation is timed inside workerd as wall time minus the I/O it awaited (Durable Object calls, KV, queue, fetch): local workerd\'s clock advances during synchronous code, and SQLite calls are synchronous, so they count as CPU, as in production. ' +
      (bounded
        ? `On this shared machine wall time also holds the time another process held the core, so each invocation is capped by the on-CPU time of workerd's main thread, where the isolates run, over it (/proc schedstat, sampled every ${r.samplerGapMs!.toFixed(1)} ms median from Node, widened to the samples around it; V8's helper threads, which collect garbage and compile concurrently, are left out): both are upper bounds of its CPU, the table shows the smaller. `
        : 'The schedstat sampler could not run here, so these are wall − I/O only (a preempted invocation reads high). ') +
      "A Durable Object's first invocation includes its constructor (shown alone on the `.constructor` rows). Queue rows are per batch (≤ 2 messages, each one alert for up to 5 destinations: src/queue/alert-bundle.ts) and per message.",
  );
  L.push('');
  L.push(table(['invocation', ...r.phases], names.map((name) => [`\`${name}\``, ...r.phases.map((p) => cell(name, p))])));
  L.push('');
  if (bounded) {
    const raw = (name: string, phase: string) => {
      const s = r.stats.find((x) => x.invocation === name && x.phase === phase);
      return s ? `${ms(s.rawP99)} (${s.capped} capped)` : '–';
    };
    L.push('The same invocations\' p99 as wall − I/O alone, and how many samples the main thread\'s on-CPU time capped (where they differ, the core was taken by someone else mid-invocation):');
    L.push('');
    L.push(table(['invocation', ...r.phases], names.filter((n) => !n.endsWith('.constructor') && !n.endsWith('(per message)')).map((name) => [`\`${name}\``, ...r.phases.map((p) => raw(name, p))])));
    L.push('');
  }
  L.push(`Cross-check, workerd's whole on-CPU time per article (every invocation above plus the local KV and queue simulators and HTTP; /proc schedstat): ${r.phases.map((p) => `${p} ${r.processCpuPerArticle[p]?.toFixed(1) ?? '–'} ms`).join(', ')}. workerd ran ${r.reniced ? 'at nice -10' : 'at normal priority (renice refused)'}; the in-isolate clock has 1 ms resolution, so a p50 of 0 means under a millisecond.`);
  L.push('');
  if (r.sections.length > 0) {
    const cellS = (section: string, phase: string) => {
      const s = r.sections.find((x) => x.section === section && x.phase === phase);
      return s ? `${ms(s.p50)} / ${ms(s.p99)}` : '–';
    };
    L.push("Where `Worker.fetch`'s time goes: each step of POST /v1/articles run on its own inside workerd (bench/lib/request-sections.ts via `/__bench/sections`; the same kinds of article, nothing filed), ms per run, **p50 / p99 over articles**. Each step is run 10 times per article and averaged, because the in-isolate clock counts whole milliseconds, so these are warm costs; `prepare` is the route's whole normalise + language check + extract + content hash; `hono 404` is the router and logging middleware answering a request with no route.");
    L.push('');
    L.push(table(['step', ...r.phases], [...new Set(r.sections.map((s) => s.section))].map((section) => [section, ...r.phases.map((p) => cellS(section, p))])));
    L.push('');
  }
  const pass = r.worst.ms <= CPU_LIMIT_MS;
  L.push(`Goal (every invocation ≤ ${CPU_LIMIT_MS} ms CPU at p99, the Free plan's per-invocation limit): **${pass ? 'met' : 'missed'}** — the highest p99 is \`${r.worst.invocation}\` in the ${r.worst.phase} phase, ${ms(r.worst.ms)} ms. The machine is shared (2 cores, other engineers' test runs): figures are noisy, and one preempted invocation can set a p99.`);
  return L.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runInvocations({ quick: process.argv.includes('--quick'), log: (l) => console.error(l) });
  console.log(invocationsMarkdown(r));
}
