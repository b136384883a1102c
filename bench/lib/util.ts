/** Small helpers shared by the performance benchmarks (bundle, load, cost). No dependencies beyond Node. */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const WRANGLER_BIN = resolve(ROOT, 'node_modules', '.bin', 'wrangler');

/** Keeps wrangler offline and quiet: no Request.cf download, no telemetry. */
export const OFFLINE_ENV = { CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' } as const;
for (const [k, v] of Object.entries(OFFLINE_ENV)) process.env[k] ??= v;

/** The word after `name` on the command line (`--rounds 3` → "3"), or undefined when the flag is absent. */
export function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

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

import { existsSync, readdirSync, readFileSync } from 'node:fs';

const CLK_TCK = 100; // Linux USER_HZ; /proc/<pid>/stat times are in these ticks

function statOf(pid: number): { comm: string; ppid: number; cpuMs: number } | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = s.lastIndexOf(')');
    const comm = s.slice(s.indexOf('(') + 1, close);
    const f = s.slice(close + 2).split(' ');
    // fields after "(comm) ": state ppid ... utime is field 14 overall → index 11 here, stime index 12
    return { comm, ppid: Number(f[1]), cpuMs: ((Number(f[11]) + Number(f[12])) * 1000) / CLK_TCK };
  } catch {
    return null;
  }
}

/** CPU time (ms, 10 ms resolution) used so far by this process's workerd descendants; null off Linux. */
export function workerdCpuMs(): number | null {
  const pids = workerdPids();
  if (pids.length === 0 && !existsSync('/proc/self/stat')) return null;
  return pids.reduce((total, pid) => total + (statOf(pid)?.cpuMs ?? 0), 0);
}

/** CPU time (ms) used so far by this Node process: the load generator, the sink and wrangler's own JS. */
export function selfCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** This process's workerd descendants (pids), found through /proc; empty off Linux. */
export function workerdPids(): number[] {
  let pids: number[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
  } catch {
    return [];
  }
  const stats = new Map<number, NonNullable<ReturnType<typeof statOf>>>();
  for (const pid of pids) {
    const st = statOf(pid);
    if (st) stats.set(pid, st);
  }
  const descends = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 20; hops++) {
      if (p === process.pid) return true;
      p = stats.get(p)?.ppid ?? 0;
    }
    return false;
  };
  return [...stats].filter(([pid, st]) => st.comm.startsWith('workerd') && descends(pid)).map(([pid]) => pid);
}

/** On-CPU time (ms, nanosecond source: /proc/<pid>/task/<tid>/schedstat) of this process's workerd descendants. */
export function workerdOnCpuMs(): number | null {
  const pids = workerdPids();
  if (pids.length === 0) return null;
  let ns = 0;
  for (const pid of pids) {
    try {
      for (const tid of readdirSync(`/proc/${pid}/task`)) ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // thread ended between listing and reading
    }
  }
  return ns / 1e6;
}
