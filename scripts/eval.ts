// `npm run eval`: prints each evaluation section in turn. Sections are independent
// functions returning text and a JSON summary, so more (e.g. incident grouping) can be appended.
import { existsSync } from 'node:fs';
import { corpusDir, evaluateExtraction, formatExtractionEval, loadCorpus, onlyPrefixes } from './eval-extraction';
import { runGroupingEval } from './eval-grouping';

interface Section { name: string; run: () => Promise<{ text: string; summary: unknown }> | { text: string; summary: unknown } }

const sections: Section[] = [
  {
    name: 'extraction',
    run: () => {
      // A grouping-only corpus (fixtures/holdout-grouping) labels events, not figures.
      if (!loadCorpus().some((a) => a.expected)) return { text: '## Extraction\nno `expected` figures in this corpus: extraction not scored', summary: null };
      const r = evaluateExtraction();
      return { text: formatExtractionEval(r, { misses: !process.argv.includes('--no-misses') }), summary: { perCategory: r.perCategory, averageF1: r.averageF1, killedInjured: r.killedInjured, threats: r.threats, qualifier: r.qualifier } };
    },
  },
  {
    name: 'grouping',
    run: async () => {
      const lines: string[] = [];
      const score = await runGroupingEval(corpusDir(), (line) => lines.push(line));
      return { text: lines.join('\n'), summary: score };
    },
  },
];

async function main(): Promise<number> {
  if (!existsSync(corpusDir())) {
    // A mistyped CORPUS_DIR gets one line naming it, not a raw ENOENT stack.
    process.stderr.write(`eval: no corpus folder at ${corpusDir()} (set CORPUS_DIR to a folder of labelled article JSON files)\n`);
    return 2;
  }
  const summaries: Record<string, unknown> = {};
  // `--only PREFIX` scores a subset of the extraction corpus; grouping needs whole incidents, so it is skipped then.
  const only = onlyPrefixes();
  if (only.length > 0) console.log(`(--only ${only.join(', ')}: extraction section only)\n`);
  for (const s of sections.filter((x) => only.length === 0 || x.name === 'extraction')) {
    const { text, summary } = await s.run();
    console.log(text);
    console.log('');
    summaries[s.name] = summary;
  }
  if (process.argv.includes('--json')) console.log(JSON.stringify(summaries));
  return 0;
}

// An exit code, not process.exit(): Node ends once stdout has drained into its pipe.
process.exitCode = await main();
