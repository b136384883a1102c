/**
 * The deploy configuration: the README's deploy command builds the top level without a warning line, that level
 * uploads source maps, and the generated Env type (worker-configuration.d.ts) matches wrangler.jsonc.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { unstable_readConfig } from 'wrangler';
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

it('production uploads source maps, so its stack traces name src/ files', () => {
  const config = unstable_readConfig({ config: path.join(ROOT, 'wrangler.jsonc'), env: undefined });
  expect(config.upload_source_maps).toBe(true);
  expect(config.name).toBe('tollwatch');
});

it('worker-configuration.d.ts is what `npm run cf-typegen` generates from wrangler.jsonc', async () => {
  const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const typegen = pkg.scripts['cf-typegen'];
  expect(typegen).toMatch(/^wrangler types\b/);
  // --check regenerates in memory and exits non-zero when the committed file differs.
  const { stdout } = await run('sh', ['-c', `npx ${typegen} --check`], { cwd: ROOT, timeout: 120_000 });
  expect(stdout).toContain('up to date');
});
