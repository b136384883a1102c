/**
 * The performance sections of `npm run bench`, in order: bundle size and start-up, what a new Durable Object
 * costs in the local simulator (and why its storage is on tmpfs), CPU per invocation, filing
 * cost against incidents held, how far one index goes, end-to-end load, where a new incident's CPU goes, cost at scale. Each returns Markdown, plus the key figures the
 * run ends with; nothing here fails the run on a missed goal (benchmarks never fail CI), but a section that
 * cannot run at all reports why instead of its figures.
 */
import { bundleMarkdown, measureAll } from './bundle';
import { costMarkdown, runCost } from './cost';
import { filingMarkdown, runFiling } from './filing';
import { indexLimitMarkdown, runIndexLimit } from './index-limit';
import { invocationsMarkdown, runInvocations } from './invocations';
import { loadMarkdown, runLoad, GOAL, type LoadRow } from './load';
import { measureStartup, STARTUP_GOAL_MS } from './startup';
import { objectCreationMarkdown, runObjectCreation } from './object-creation';
import { newIncidentCostMarkdown, runNewIncidentCost } from './new-incident-cost';
import { kib, machineLine } from './lib/util';

export interface Section {
  title: string;
  markdown: string;
}

/** The figures `npm run bench` ends with (one JSON line); null where a section could not run. */
export interface KeyFigures {
  invocation_cpu_p99_ms_max: number | null;
  new_incident_vs_update_throughput: number | null;
  filing_cost_ratio_10000_vs_10: number | null;
  startup_ms: number | null;
  bundle_gzip_bytes: number | null;
  /** Articles/s one index Durable Object takes with p99 latency ≤ 100 ms (shown in BENCHMARKS.md, not in the JSON line). */
  index_articles_per_s?: number | null;
}

async function guarded(title: string, fn: () => Promise<string>): Promise<Section> {
  try {
    return { title, markdown: await fn() };
  } catch (err) {
    return { title, markdown: `_Not measured: ${err instanceof Error ? err.message : String(err)}_` };
  }
}

/** Achieved new-incident rate ÷ achieved update (rising toll) rate at the goal rate, with the errors of both. */
export function throughputRatio(rows: LoadRow[]): { ratio: number; newRps: number; updateRps: number; errors: number } | null {
  const at = (kind: LoadRow['kind']) => rows.find((r) => r.kind === kind && r.signed && r.targetRate === GOAL.rate);
  const fresh = at('new-incident');
  const update = at('rising');
  if (!fresh || !update) return null;
  const errors = [fresh, update].reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0);
  return { ratio: fresh.rps / update.rps, newRps: fresh.rps, updateRps: update.rps, errors };
}

export async function runPerformanceSections(opts: { quick: boolean; smoke?: boolean }): Promise<{ sections: Section[]; figures: KeyFigures }> {
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  const sections: Section[] = [];
  const step = async (title: string, fn: () => Promise<string>) => {
    sections.push(await guarded(title, fn));
    log(`${title}: done`);
  };
  const figures: KeyFigures = { invocation_cpu_p99_ms_max: null, new_incident_vs_update_throughput: null, filing_cost_ratio_10000_vs_10: null, startup_ms: null, bundle_gzip_bytes: null };
  await step('Bundle size', async () => {
    const builds = measureAll(opts.quick);
    figures.bundle_gzip_bytes = builds[0]!.gzip9Bytes;
    return bundleMarkdown(builds);
  });
  await step('Start-up', async () => {
    const s = measureStartup(opts.smoke ? 1 : opts.quick ? 3 : 5);
    figures.startup_ms = s.ms;
    return [
      `Measured ${machineLine()} \`wrangler check startup --env=\` (production build, profiled in local workerd): CPU of the start-up phase, the V8 profile's samples outside "(idle)". Sampling is by wall clock, so preemption on this shared machine only adds time: the figure is the fastest of ${s.runs.length} runs.`,
      '',
      `| gzipped bundle | start-up CPU (fastest) | median | runs (ms) | ≤ ${STARTUP_GOAL_MS} ms? |`,
      '| --- | --- | --- | --- | --- |',
      `| ${figures.bundle_gzip_bytes === null ? '–' : `${figures.bundle_gzip_bytes} B (${kib(figures.bundle_gzip_bytes)})`} | ${s.ms.toFixed(1)} ms | ${s.medianMs.toFixed(1)} ms | ${s.runs.map((x) => x.toFixed(1)).join(', ')} | ${s.ms <= STARTUP_GOAL_MS ? 'yes' : 'no'} |`,
      '',
      'Both are re-measured on every run, so the growth of the gazetteer (or anything else in the bundle) shows here.',
    ].join('\n');
  });
  await step('A new Durable Object, and the local simulator\'s storage', async () => objectCreationMarkdown(await runObjectCreation({ quick: opts.quick }), opts.quick));
  await step('CPU per invocation', async () => {
    const r = await runInvocations({ quick: opts.quick, smoke: opts.smoke ?? false, log });
    figures.invocation_cpu_p99_ms_max = r.worst.ms;
    return invocationsMarkdown(r);
  });
  await step('Filing cost against incidents held', async () => {
    const r = await runFiling({ quick: opts.quick, smoke: opts.smoke ?? false, log });
    figures.filing_cost_ratio_10000_vs_10 = r.ratio;
    return filingMarkdown(r);
  });
  await step('How far one index goes', async () => {
    const r = await runIndexLimit({ quick: opts.quick, smoke: opts.smoke ?? false, log });
    figures.index_articles_per_s = r.limit;
    return indexLimitMarkdown(r);
  });
  await step('End-to-end load', async () => {
    const rows = await runLoad({ quick: opts.quick, log });
    const t = throughputRatio(rows);
    figures.new_incident_vs_update_throughput = t?.ratio ?? null;
    const ratioLine = t
      ? `\n\nNew incidents vs updates at ${GOAL.rate} offered/s, same run: ${t.newRps.toFixed(0)} vs ${t.updateRps.toFixed(0)} completed/s, ratio **${t.ratio.toFixed(2)}** (goal ≥ 0.8), ${t.errors} errors.`
      : '';
    return loadMarkdown(rows, opts.quick) + ratioLine;
  });
  await step('Where a new incident\'s CPU goes', async () => newIncidentCostMarkdown(await runNewIncidentCost({ quick: opts.quick, smoke: opts.smoke ?? false })));
  await step('Cost at scale', async () => costMarkdown(await runCost({ quick: opts.quick, log }), opts.quick));
  return { sections, figures };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { sections, figures } = await runPerformanceSections({ quick: process.argv.includes('--quick') });
  for (const s of sections) console.log(`## ${s.title}\n\n${s.markdown}\n`);
  console.log(JSON.stringify(figures));
}
