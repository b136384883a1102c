// `npm run eval`: prints each evaluation section in turn. Sections are independent
// functions returning text and a JSON summary, so more (e.g. incident grouping) can be appended.
import { evaluateExtraction, formatExtractionEval } from './eval-extraction';

interface Section { name: string; run: () => { text: string; summary: unknown } }

const sections: Section[] = [
  {
    name: 'extraction',
    run: () => {
      const r = evaluateExtraction();
      return { text: formatExtractionEval(r, { misses: !process.argv.includes('--no-misses') }), summary: { perCategory: r.perCategory, averageF1: r.averageF1, threats: r.threats, qualifier: r.qualifier } };
    },
  },
  // further sections (incident grouping, …) go here
];

const summaries: Record<string, unknown> = {};
for (const s of sections) {
  const { text, summary } = s.run();
  console.log(text);
  console.log('');
  summaries[s.name] = summary;
}
if (process.argv.includes('--json')) console.log(JSON.stringify(summaries));
