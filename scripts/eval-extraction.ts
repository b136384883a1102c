// Scores the extractor on the labelled dev corpus. Exported so eval.ts (and later sections
// such as incident grouping) can share one run.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATEGORIES, type Category, type Extraction, type Qualifier } from '../src/schema';
import { extract } from '../src/extract/index';

export interface CorpusArticle {
  id: string;
  event?: string;
  published?: string;
  title?: string;
  text: string;
  expected: Partial<Record<Category, { value: number; qualifier: Qualifier } | null>>;
  threats?: Array<{ value: number; noun: string }>;
}

export interface CategoryScore { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number }
export interface Miss { id: string; category: string; expected: string; got: string; quote?: string }
export interface ExtractionEval {
  articles: number;
  perCategory: Record<Category, CategoryScore>;
  averageF1: number;
  /** micro-averaged over killed and injured only */
  killedInjured: CategoryScore;
  microF1: number;
  qualifier: { right: number; total: number; accuracy: number };
  threats: CategoryScore;
  misses: Miss[];
}

/** The dev corpus ships in the repository, so `npm run eval` works from a clone and from any directory. */
const DEV_CORPUS = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'corpus-dev');

export function corpusDir(): string {
  return resolve(process.env.CORPUS_DIR || DEV_CORPUS);
}

/** `--only PREFIX` (or `--only=PREFIX`, repeatable) on the command line: score only files whose name starts with PREFIX. */
export function onlyPrefixes(argv = process.argv): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--only' && i + 1 < argv.length) out.push(argv[++i]!);
    else if (a.startsWith('--only=')) out.push(a.slice('--only='.length));
  }
  return out.filter((p) => p.length > 0);
}

export function loadCorpus(dir = corpusDir(), only = onlyPrefixes()): CorpusArticle[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .filter((f) => only.length === 0 || only.some((p) => f.startsWith(p)))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as CorpusArticle);
}

function prf(tp: number, fp: number, fn: number): CategoryScore {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

export function evaluateExtraction(articles = loadCorpus(), run: (a: CorpusArticle) => Extraction = (a) => extract({ text: a.text, ...(a.title ? { title: a.title } : {}), ...(a.published ? { published: a.published } : {}) })): ExtractionEval {
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }])) as Record<Category, { tp: number; fp: number; fn: number }>;
  const thr = { tp: 0, fp: 0, fn: 0 };
  let qRight = 0;
  let qTotal = 0;
  const misses: Miss[] = [];
  for (const a of articles) {
    const got = run(a);
    for (const cat of CATEGORIES) {
      const exp = a.expected[cat] ?? null;
      const g = got.casualties[cat];
      const c = counts[cat];
      if (exp && g && g.value === exp.value) {
        c.tp++;
        qTotal++;
        if (g.qualifier === exp.qualifier) qRight++;
        else misses.push({ id: a.id, category: `${cat} (qualifier)`, expected: `${exp.value} ${exp.qualifier}`, got: `${g.value} ${g.qualifier}`, quote: g.quote });
        continue;
      }
      if (g) c.fp++;
      if (exp) c.fn++;
      if (g || exp) misses.push({ id: a.id, category: cat, expected: exp ? `${exp.value} ${exp.qualifier}` : 'none', got: g ? `${g.value} ${g.qualifier}` : 'none', ...(g ? { quote: g.quote } : {}) });
    }
    const expT = (a.threats ?? []).map((t) => t.value);
    const gotT = got.threats.map((t) => t.value);
    const remaining = [...expT];
    for (const t of got.threats) {
      const k = remaining.indexOf(t.value);
      if (k >= 0) {
        thr.tp++;
        remaining.splice(k, 1);
      } else {
        thr.fp++;
        misses.push({ id: a.id, category: 'threat', expected: expT.join(',') || 'none', got: `${t.value} ${t.noun}`, quote: t.quote });
      }
    }
    for (const v of remaining) {
      thr.fn++;
      misses.push({ id: a.id, category: 'threat', expected: String(v), got: gotT.join(',') || 'none' });
    }
  }
  const perCategory = Object.fromEntries(CATEGORIES.map((c) => [c, prf(counts[c].tp, counts[c].fp, counts[c].fn)])) as Record<Category, CategoryScore>;
  const all = CATEGORIES.reduce((s, c) => ({ tp: s.tp + counts[c].tp, fp: s.fp + counts[c].fp, fn: s.fn + counts[c].fn }), { tp: 0, fp: 0, fn: 0 });
  return {
    articles: articles.length,
    perCategory,
    averageF1: CATEGORIES.reduce((s, c) => s + perCategory[c].f1, 0) / CATEGORIES.length,
    microF1: prf(all.tp, all.fp, all.fn).f1,
    // the measure the real-copy sets are judged by: they label only killed and injured
    killedInjured: prf(counts.killed.tp + counts.injured.tp, counts.killed.fp + counts.injured.fp, counts.killed.fn + counts.injured.fn),
    qualifier: { right: qRight, total: qTotal, accuracy: qTotal ? qRight / qTotal : 1 },
    threats: prf(thr.tp, thr.fp, thr.fn),
    misses,
  };
}

const pct = (x: number) => x.toFixed(3);

export function formatExtractionEval(r: ExtractionEval, opts: { misses?: boolean } = {}): string {
  const lines: string[] = [];
  lines.push(`## Extraction (${r.articles} articles)`);
  lines.push('');
  lines.push('| category | P | R | F1 | tp | fp | fn |');
  lines.push('|---|---|---|---|---|---|---|');
  for (const c of CATEGORIES) {
    const s = r.perCategory[c];
    lines.push(`| ${c} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} | ${s.tp} | ${s.fp} | ${s.fn} |`);
  }
  lines.push(`| **average F1 (6 categories)** | | | ${pct(r.averageF1)} | | | |`);
  lines.push(`| micro F1 | | | ${pct(r.microF1)} | | | |`);
  const ki = r.killedInjured;
  lines.push(`| killed+injured (micro) | ${pct(ki.precision)} | ${pct(ki.recall)} | ${pct(ki.f1)} | ${ki.tp} | ${ki.fp} | ${ki.fn} |`);
  const t = r.threats;
  lines.push(`| threats (by value) | ${pct(t.precision)} | ${pct(t.recall)} | ${pct(t.f1)} | ${t.tp} | ${t.fp} | ${t.fn} |`);
  lines.push('');
  lines.push(`Qualifier accuracy on right values: ${r.qualifier.right}/${r.qualifier.total} = ${pct(r.qualifier.accuracy)}`);
  if (opts.misses !== false) {
    lines.push('');
    lines.push(`### Misses (${r.misses.length})`);
    for (const m of r.misses) lines.push(`- ${m.id} · ${m.category}: expected ${m.expected}, got ${m.got}${m.quote ? ` — “${m.quote.length > 220 ? m.quote.slice(0, 217) + '…' : m.quote}”` : ''}`);
  }
  return lines.join('\n');
}
