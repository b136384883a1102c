/** Small helpers shared by the performance benchmarks (bundle, load, cost). No dependencies beyond Node. */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const WRANGLER_BIN = resolve(ROOT, 'node_modules', '.bin', 'wrangler');

/** Keeps wrangler offline and quiet: no Request.cf download, no telemetry. */
export const OFFLINE_ENV = { CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' } as const;
for (const [k, v] of Object.entries(OFFLINE_ENV)) process.env[k] ??= v;

export function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function table(headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const line = (cells: ReadonlyArray<string | number>) => `| ${cells.map(String).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

export function machine(): { node: string; cores: number; cpu: string; date: string; git: string } {
  let git = 'unknown';
  try {
    git = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout
  }
  return {
    node: process.version,
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    git,
  };
}

export function machineLine(): string {
  const m = machine();
  return `Node ${m.node}, ${m.cores} cores (${m.cpu}), ${m.date}, commit ${m.git}.`;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
