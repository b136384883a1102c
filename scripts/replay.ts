// npm run --silent replay -- [--explain] FILE... : the whole pipeline in-process, one JSON line per article
// (or, with --explain, one line per article naming the incident and the matching rules that filed it there).
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { replayArticles, type ReplayItem, type ReplayLine } from '../src/replay';

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

/** "a.json → 2016-07-07-dallas-shooting (joined) by score.type-same, score.anchors". */
function explained(line: ReplayLine): string {
  if ('error' in line) return `${line.file} → error ${line.error.code}`;
  const how = line.incident === null ? 'unfiled' : line.duplicate ? 'seen before' : line.filed_by?.some((r) => r.startsWith('new:')) ? 'opened' : 'joined';
  return `${line.file} → ${line.incident ?? '(none)'} (${how})${line.filed_by ? ` by ${line.filed_by.join(', ')}` : ''}`;
}

async function main(): Promise<number> {
  const explain = process.argv.includes('--explain');
  const args = process.argv.slice(2).filter((a) => a !== '--explain');
  if (args.length === 0) {
    process.stderr.write('usage: npm run --silent replay -- [--explain] FILE.json|DIR ...\n');
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
  for (const line of lines) process.stdout.write(`${explain ? explained(line) : JSON.stringify(line)}\n`);
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
