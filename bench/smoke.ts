/**
 * CI smoke run of the performance benchmarks (`npm run bench:smoke`): the bundle build, one start-up profile,
 * short CPU-per-invocation, filing-cost and index-limit runs, a short load run (3 s at 50 and 200 req/s per
 * kind) and a short cost run, printed as Markdown. It always exits 0 —
 * benchmarks never fail CI, and no timing is asserted — but a section that could not run at all (a build or
 * start-up failure, a refused article) is flagged with a GitHub Actions `::warning::` line.
 */
import { runPerformanceSections } from './performance';

const { sections } = await runPerformanceSections({ quick: true, smoke: true });
for (const s of sections) {
  console.log(`## ${s.title}\n\n${s.markdown}\n`);
  if (s.markdown.startsWith('_Not measured')) console.log(`::warning title=bench:smoke::${s.title} could not run: ${s.markdown.slice(0, 300)}`);
}
