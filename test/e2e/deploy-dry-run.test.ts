/** The README's deploy command, as written plus `--dry-run`: it builds the top level without a warning line. */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { ROOT } from './harness';

const run = promisify(execFile);

it('`npx wrangler deploy --env=""` from the README builds without a warning', async () => {
  const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
  const command = /^(npx wrangler deploy\b[^#\n]*?)\s*(?:#.*)?$/m.exec(readme)?.[1];
  expect(command).toBe('npx wrangler deploy --env=""');
  const outdir = await mkdtemp(path.join(tmpdir(), 'tw-deploy-'));
  try {
    const { stdout, stderr } = await run('sh', ['-c', `${command} --dry-run --outdir "${outdir}"`], { cwd: ROOT, timeout: 120_000 });
    const output = `${stdout}\n${stderr}`;
    expect(output).toContain('--dry-run: exiting now.');
    expect(output).not.toMatch(/WARNING|▲|ERROR|✘/);
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
});
