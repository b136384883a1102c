/**
 * The performance sections of `npm run bench`, in order: bundle size, CPU per invocation, filing cost against
 * incidents held, end-to-end load, cost at scale.
 * Each returns Markdown; nothing here fails the run on a missed goal (benchmarks never fail CI), but a
 * section that cannot run at all reports why instead of its figures.
 */
import { bundleMarkdown, measureAll } from './bundle';
import { costMarkdown, runCost } from './cost';
import { filingMarkdown, runFiling } from './filing';
import { invocationsMarkdown, runInvocations } from './invocations';
import { loadMarkdown, runLoad } from './load';

export interface Section {
  title: string;
  markdown: string;
}

async function guarded(title: string, fn: () => Promise<string>): Promise<Section> {
  try {
    return { title, markdown: await fn() };
  } catch (err) {
    return { title, markdown: `_Not measured: ${err instanceof Error ? err.message : String(err)}_` };
  }
}

export async function runPerformanceSections(opts: { quick: boolean }): Promise<Section[]> {
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  const sections: Section[] = [];
  sections.push(await guarded('Bundle size', async () => bundleMarkdown(measureAll(opts.quick))));
  log('bundle done');
  sections.push(await guarded('CPU per invocation', async () => invocationsMarkdown(await runInvocations({ quick: opts.quick, log }))));
  log('cpu per invocation done');
  sections.push(await guarded('Filing cost against incidents held', async () => filingMarkdown(await runFiling({ quick: opts.quick, log }))));
  log('filing cost done');
  sections.push(await guarded('End-to-end load', async () => loadMarkdown(await runLoad({ quick: opts.quick, log }), opts.quick)));
  log('load done');
  sections.push(await guarded('Cost at scale', async () => costMarkdown(await runCost({ quick: opts.quick, log }), opts.quick)));
  log('cost done');
  return sections;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sections = await runPerformanceSections({ quick: process.argv.includes('--quick') });
  for (const s of sections) console.log(`## ${s.title}\n\n${s.markdown}\n`);
}
