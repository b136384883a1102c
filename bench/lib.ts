// Shared helpers for benchmark sections. A section is a function returning a titled table,
// so bench/run.ts can print and record any number of them (bundle size, load, cost … later).
import { execSync } from 'node:child_process';
import { cpus } from 'node:os';

export interface SectionResult {
  title: string;
  /** Markdown-ready table: first row is the header */
  table: string[][];
  notes?: string[];
  /** machine-readable figures for BENCHMARKS.md / CI comparison */
  data?: Record<string, number | string>;
}
export type Section = () => Promise<SectionResult>;

export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}
export const median = (xs: number[]) => quantile([...xs].sort((a, b) => a - b), 0.5);
export const p95 = (xs: number[]) => quantile([...xs].sort((a, b) => a - b), 0.95);

/** Mean time of fn over enough repetitions to last at least minMs (after one warm call). */
export function timeIt(fn: () => unknown, minMs = 20, minReps = 5): number {
  fn();
  let reps = 0;
  const t0 = performance.now();
  let t = t0;
  while (reps < minReps || t - t0 < minMs) {
    fn();
    reps++;
    t = performance.now();
  }
  return (t - t0) / reps;
}

export function machine(): Record<string, string> {
  let nproc = String(cpus().length);
  try {
    nproc = execSync('nproc').toString().trim();
  } catch {
    /* keep os.cpus() */
  }
  return { node: process.version, nproc, cpu: cpus()[0]?.model ?? 'unknown', date: new Date().toISOString() };
}

export const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);

export function markdownTable(t: string[][]): string {
  const [head, ...rows] = t;
  if (!head) return '';
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** The corpus's articles as `extract` takes them: text, and title and publication date where given. */
export function articleTexts(corpus: ReadonlyArray<{ text: string; title?: string | undefined; published?: string | undefined }>): Array<{ text: string; title?: string; published?: string }> {
  return corpus.map((a) => ({ text: a.text, ...(a.title ? { title: a.title } : {}), ...(a.published ? { published: a.published } : {}) }));
}

/** A synthetic article of about `bytes` characters made of real dev-corpus paragraphs. */
export function syntheticArticle(texts: string[], bytes: number): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const t = texts[i % texts.length]!;
    parts.push(t);
    n += t.length + 2;
  }
  return parts.join('\n\n').slice(0, bytes);
}
