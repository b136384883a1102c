/**
 * CI smoke run of the performance benchmarks (`npm run bench:smoke`): the bundle build, a short load run
 * (3 s at 50 and 200 req/s per kind) and a short cost run, printed as Markdown. It exits non-zero only when
 * a benchmark cannot run at all (a build or start-up failure, a refused article), never on a figure: no
 * timing is asserted.
 */
import { runPerformanceSections } from './sections';

const sections = await runPerformanceSections({ quick: true });
let broken = 0;
for (const s of sections) {
  console.log(`## ${s.title}\n\n${s.markdown}\n`);
  if (s.markdown.startsWith('_Not measured')) broken++;
}
process.exitCode = broken > 0 ? 1 : 0;
