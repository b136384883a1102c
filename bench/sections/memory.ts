// The extractor's memory: bench/memory-probe.ts run in a Node process of its own (nothing else's heap counted),
// read back as a table. The probe's figures are V8's, the engine workerd runs too.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SectionResult } from '../lib';
import { ROOT } from '../lib/util';

interface Probe {
  node: string;
  articles: number;
  passes: number;
  module_state_bytes: number;
  growth_after_passes_bytes: number;
  alloc_median_bytes: number;
  alloc_p95_bytes: number;
  alloc_max_bytes: number;
  alloc_1mb_bytes: number;
  live_peak_1mb_bytes: number;
  growth_after_1mb_bytes: number;
}

const kb = (b: number) => `${(b / 1024).toFixed(0)} KiB`;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MiB`;

export async function memorySection(): Promise<SectionResult> {
  const probe = fileURLToPath(new URL('../memory-probe.ts', import.meta.url));
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', probe], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CORPUS_DIR: '' } });
  const p = JSON.parse(out.trim().split('\n').pop()!) as Probe;
  return {
    title: 'Memory (Node, extractor in a process of its own), dev corpus',
    table: [
      ['measure', 'value'],
      ['kept by the extractor once loaded and used (its tables and compiled patterns, as V8\'s heap counts them)', mb(p.module_state_bytes)],
      [`more kept after ${p.passes} passes over ${p.articles} articles (bounded memos)`, mb(p.growth_after_passes_bytes)],
      ['allocated per article: median / p95 / max', `${kb(p.alloc_median_bytes)} / ${kb(p.alloc_p95_bytes)} / ${kb(p.alloc_max_bytes)}`],
      ['a 1 MB article (the largest body accepted): allocated in all', mb(p.alloc_1mb_bytes)],
      ['… the most it held live (largest heap a collection during it left)', mb(p.live_peak_1mb_bytes)],
      ['… kept after it', mb(Math.max(0, p.growth_after_1mb_bytes))],
    ],
    notes: [
      `${p.node}, \`node --expose-gc\`. Heap figures are V8's used heap after two full collections. "Allocated" is the heap's growth over one call plus what every collection inside the call freed (V8's GCProfiler), so it counts garbage too: it is the collector's work, not what the call holds. A Worker isolate may use 128 MB: the 1 MB article's live peak is the figure to hold against that.`,
      'What outlives one report (lookups of the town table by name) is bounded by entries; a set larger than the dev corpus (1,016 articles of the shootings dev half, 20 passes) kept 3.7 MiB more, against 26.5 MiB before a town name\'s three compiled regular expressions gave way to string searches (2026-12-06).',
    ],
    data: {
      memory_module_bytes: p.module_state_bytes,
      memory_memo_growth_bytes: p.growth_after_passes_bytes,
      memory_alloc_median_bytes: p.alloc_median_bytes,
      memory_1mb_live_peak_bytes: p.live_peak_1mb_bytes,
    },
  };
}
