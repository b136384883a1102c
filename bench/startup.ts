/**
 * Start-up time: `wrangler check startup` builds the production Worker and profiles its start-up phase (module
 * evaluation, top-level schemas and tables) in local workerd, writing a V8 CPU profile. Start-up CPU is the
 * profile's sampled time outside "(idle)". Sampling is by wall clock, so on a shared machine preemption only ever
 * adds time: the figure is the fastest of a few runs (all are reported).
 *
 *   npx tsx bench/startup.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, ROOT, WRANGLER_BIN } from './lib/util';

export const STARTUP_GOAL_MS = 100;

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string } }>;
  samples: number[];
  timeDeltas: number[];
}

/** Milliseconds of non-idle samples in a V8 CPU profile (each sample owns the delta that led to it). */
export function busyMs(profile: CpuProfile): number {
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  let us = 0;
  profile.samples.forEach((id, i) => {
    if (!idle.has(id)) us += profile.timeDeltas[i] ?? 0;
  });
  return us / 1000;
}

export interface StartupResult {
  runs: number[];
  /** Fastest run: the best estimate of start-up CPU when all noise is added time. */
  ms: number;
  medianMs: number;
}

export function measureStartup(runs = 5): StartupResult {
  const dir = mkdtempSync(join(tmpdir(), 'tollwatch-startup-'));
  const out: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const file = join(dir, `startup-${i}.cpuprofile`);
      execFileSync(WRANGLER_BIN, ['check', 'startup', '--env=', '--outfile', file], {
        cwd: ROOT,
        stdio: 'ignore',
        env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
      });
      out.push(busyMs(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { runs: out, ms: Math.min(...out), medianMs: median(out) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = measureStartup();
  console.log(`start-up CPU (wrangler check startup, fastest of ${r.runs.length}): ${r.ms.toFixed(1)} ms, median ${r.medianMs.toFixed(1)} ms; runs ${r.runs.map((x) => x.toFixed(1)).join(', ')}`);
}
