/**
 * Every CLI keeps every line when its stdout is a pipe that is read slowly (`npm run --silent replay -- DIR |
 * wc -l`): process.exit() right after a write drops what the pipe has not taken yet, so the CLIs set an exit
 * code and let Node end by itself.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from './harness';

const run = promisify(execFile);

/**
 * Runs `command` in a shell with its stdout through a pipe whose reader takes the first line, then waits half a
 * second before reading on: a CLI that exits without draining loses whatever did not fit in the pipe. Output
 * over the pipe's 64 KiB shows it every time (replay's did, before the fix); the exit status comes back on stderr.
 */
async function throughSlowPipe(command: string): Promise<{ lines: string[]; exit: number }> {
  const script = `{ ${command}; echo "exit $?" >&2; } | { IFS= read -r first; sleep 0.5; printf '%s\\n' "$first"; cat; }`;
  const { stdout, stderr } = await run('sh', ['-c', script], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  const exit = Number(/exit (\d+)\s*$/.exec(stderr)?.[1] ?? NaN);
  return { lines: stdout.split('\n').slice(0, -1), exit };
}

const corpus = 'fixtures/corpus-dev';
const corpusFiles = readdirSync(path.join(ROOT, corpus)).filter((n) => n.endsWith('.json'));

describe('CLIs through a pipe', () => {
  it('replay: one JSON line per article, all of them (output well over a pipe buffer)', async () => {
    const { lines, exit } = await throughSlowPipe(`npm run --silent replay -- ${corpus}`);
    expect(exit).toBe(0);
    expect(lines.join('\n').length).toBeGreaterThan(64 * 1024);
    expect(lines).toHaveLength(corpusFiles.length);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('extract: exactly one JSON line', async () => {
    const { lines, exit } = await throughSlowPipe('npm run --silent extract -- fixtures/kerman-stampede/01-seed.json');
    expect(exit).toBe(0);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toHaveProperty('casualties');
  });

  it('eval: every section, down to the closing JSON summary', async () => {
    const { lines, exit } = await throughSlowPipe('npm run --silent eval -- --json');
    expect(exit).toBe(0);
    expect(lines[0]).toBe(`## Extraction (${corpusFiles.length} articles)`);
    expect(Object.keys(JSON.parse(lines.at(-1)!) as object)).toEqual(['extraction', 'grouping']);
  });

  it('send: one line per article in a dry run', async () => {
    const { lines, exit } = await throughSlowPipe(`npm run --silent send -- --dry-run ${corpus}`);
    expect(exit).toBe(0);
    expect(lines).toHaveLength(corpusFiles.length);
  });

  it('no TypeScript CLI calls process.exit() (it would drop piped output)', () => {
    // scripts/dev.mjs is the one exception: it must stop with wrangler still winding down, so it exits hard,
    // but only after a synchronous stderr write or once stdout and stderr have drained.
    const sources = (dir: string): string[] =>
      readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
        .filter((n) => n.endsWith('.ts'))
        .map((n) => path.join(dir, n));
    // Comments may name process.exit() (to say why it is not used); code may not.
    const code = (file: string) => readFileSync(path.join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const offenders = [...sources('scripts'), ...sources('bench')].filter((file) => /process\.exit\(/.test(code(file)));
    expect(offenders).toEqual([]);
  });
});
