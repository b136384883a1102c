// npm run --silent replay -- FILE... : the whole pipeline in-process, one JSON line per article.
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { replayArticles, type ReplayItem } from '../src/replay';

async function expand(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    if ((await stat(p)).isDirectory()) {
      const names = (await readdir(p)).filter((n) => n.endsWith('.json')).sort();
      files.push(...names.map((n) => join(p, n)));
    } else {
      files.push(p);
    }
  }
  return files;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length === 0) {
    process.stderr.write('usage: npm run --silent replay -- FILE.json|DIR ...\n');
    return 2;
  }
  const items: ReplayItem[] = [];
  for (const file of await expand(args)) {
    let payload: unknown;
    try {
      payload = JSON.parse(await readFile(file, 'utf8'));
    } catch (err) {
      process.stderr.write(`${file}: not readable JSON: ${err instanceof Error ? err.message : String(err)}\n`);
      return 2;
    }
    items.push({ file, payload });
  }
  const lines = await replayArticles(items);
  for (const line of lines) process.stdout.write(`${JSON.stringify(line)}\n`);
  return lines.some((l) => 'error' in l) ? 2 : 0;
}

// Set the exit code and let Node end by itself: process.exit() right after writing to a pipe drops lines
// the pipe has not taken yet (`npm run --silent replay -- DIR | wc -l` counted fewer lines than articles).
main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
