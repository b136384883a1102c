/**
 * Samples the on-CPU time of workerd's main threads (/proc/<pid>/task/<pid>/schedstat, nanoseconds) every few
 * milliseconds, stamped with the machine's clock. The isolates run on the main thread (checked: 30 articles put
 * ~500 ms there and ~120 ms on V8's helper threads, which garbage-collect and compile concurrently and are left
 * out). What that thread used over an interval is an upper bound for any one invocation inside it, and unlike wall
 * time it does not grow while another engineer's process holds the core: bench/invocations.ts takes the smaller of
 * this and the invocation's wall − I/O time.
 */
import { readFileSync } from 'node:fs';

export interface CpuSampler {
  /** workerd's on-CPU ms over the smallest sampled interval covering [startMs, endMs + 1) (epoch ms); null outside the samples. */
  cpuBetween(startMs: number, endMs: number): number | null;
  /** How many samples were taken and the median gap between them (ms): the slack of each bound. */
  stats(): { samples: number; medianGapMs: number };
  stop(): void;
}

/** The main thread of each workerd process (its task id is the process id). */
function threadFiles(pids: readonly number[]): string[] {
  return pids.map((pid) => `/proc/${pid}/task/${pid}/schedstat`);
}

function onCpuNs(files: readonly string[]): number {
  let ns = 0;
  for (const f of files) {
    try {
      ns += Number(readFileSync(f, 'utf8').split(' ', 1)[0]);
    } catch {
      // process ended: no later bound is given (the sum falls, see cpuBetween)
    }
  }
  return ns;
}

export function startCpuSampler(pids: readonly number[], everyMs = 2): CpuSampler {
  const times: number[] = [];
  const cpu: number[] = [];
  const files = threadFiles(pids);
  const sample = () => {
    const ns = onCpuNs(files);
    times.push(performance.timeOrigin + performance.now());
    cpu.push(ns);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  // The last sample at or before t, and the first at or after t (binary search; times only grow).
  const atOrBefore = (t: number) => {
    let lo = 0;
    let hi = times.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (times[mid]! <= t) (best = mid), (lo = mid + 1);
      else hi = mid - 1;
    }
    return best;
  };
  return {
    cpuBetween(startMs, endMs) {
      const i = atOrBefore(startMs);
      const j = atOrBefore(endMs + 1) + 1; // the clock in workerd has 1 ms steps: the end lies before endMs + 1
      if (i < 0 || j >= times.length) return null;
      // A process that ended inside the interval makes the sum fall; then there is no bound to give.
      const ms = (cpu[j]! - cpu[i]!) / 1e6;
      return ms >= 0 ? ms : null;
    },
    stats() {
      const gaps = times.slice(1).map((t, k) => t - times[k]!).sort((a, b) => a - b);
      return { samples: times.length, medianGapMs: gaps.length ? gaps[gaps.length >> 1]! : NaN };
    },
    stop() {
      clearInterval(timer);
      sample();
    },
  };
}
