// `npm run --silent extract -- FILE.json` (or `-` for stdin): one article in webhook payload
// shape → exactly one line of JSON on stdout. Invalid input → message on stderr, exit 2.
// `--explain` prints instead every candidate figure with the rule that read it, and the rules guards vetoed.
import { readFileSync } from 'node:fs';
import { ArticleInput } from '../src/schema';
import { extract } from '../src/extract/index';
import { explainExtraction, formatExplanation } from '../src/extract/explain';

function fail(msg: string): number {
  process.stderr.write(`extract: ${msg}\n`);
  return 2;
}

function main(arg: string | undefined, explain: boolean): number {
  if (!arg) return fail('usage: extract FILE.json | -');
  let raw: string;
  try {
    raw = arg === '-' ? readFileSync(0, 'utf8') : readFileSync(arg, 'utf8');
  } catch (e) {
    return fail(`cannot read ${arg}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    return fail(`invalid JSON: ${(e as Error).message}`);
  }
  const parsed = ArticleInput.safeParse(json);
  if (!parsed.success) return fail(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '));
  const a = parsed.data;
  const article = { text: a.text, ...(a.title !== undefined ? { title: a.title } : {}), ...(a.published !== undefined ? { published: a.published } : {}) };
  if (explain) {
    process.stdout.write(formatExplanation(explainExtraction(article)) + '\n');
    return 0;
  }
  const out = extract({ text: a.text, ...(a.title !== undefined ? { title: a.title } : {}), ...(a.published !== undefined ? { published: a.published } : {}) });
  process.stdout.write(JSON.stringify({ casualties: out.casualties, threats: out.threats, incident: out.incident }) + '\n');
  return 0;
}

// An exit code, not process.exit(): Node then ends only after stdout and stderr have reached their pipes.
const args = process.argv.slice(2);
process.exitCode = main(args.find((x) => x !== '--explain'), args.includes('--explain'));
