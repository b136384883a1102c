/**
 * Start-up A/B: the production build of a git revision (A) against the working tree's (B), profiled by
 * `wrangler check startup` in alternation on the same machine, so load from other processes falls on both alike.
 * Each build is bundled once (`wrangler deploy --dry-run --outfile`), then profiled RUNS times each, A B A B ….
 * Reports the fastest and the median of each, and the ratio B / A of each.
 *
 *   npx tsx bench/startup-ab.ts [revision=HEAD] [runs=8]
 */
import { execFileSync, execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { busyMs } from './startup';
import { median, OFFLINE_ENV, ROOT, WRANGLER_BIN } from './lib/util';

const env = { ...process.env, ...OFFLINE_ENV, NO_COLOR: '1' };

/** The bundle wrangler would upload, built from `dir` (production config, no network). */
function bundle(dir: string, out: string): void {
  execFileSync(WRANGLER_BIN, ['deploy', '--dry-run', '--env=', '--outfile', out], { cwd: dir, stdio: 'ignore', env });
}

/** Start-up CPU of one prebuilt bundle, in ms (the profile's non-idle samples). */
function profile(bundleFile: string, outfile: string): number {
  execFileSync(WRANGLER_BIN, ['check', 'startup', '--env=', '--worker', bundleFile, '--outfile', outfile], { cwd: ROOT, stdio: 'ignore', env });
  return busyMs(JSON.parse(readFileSync(outfile, 'utf8')) as Parameters<typeof busyMs>[0]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const revision = process.argv[2] ?? 'HEAD';
  const runs = Number(process.argv[3] ?? 8);
  const dir = mkdtempSync(join(tmpdir(), 'tollwatch-startup-ab-'));
  try {
    const oldTree = join(dir, 'a');
    mkdirSync(oldTree);
    execSync(`git archive ${revision} | tar -x -C ${oldTree}`, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    symlinkSync(join(ROOT, 'node_modules'), join(oldTree, 'node_modules'));
    const a = join(dir, 'a.bundle');
    const b = join(dir, 'b.bundle');
    bundle(oldTree, a);
    bundle(ROOT, b);
    const times: { a: number[]; b: number[] } = { a: [], b: [] };
    for (let i = 0; i < runs; i++) {
      times.a.push(profile(a, join(dir, `a-${i}.cpuprofile`)));
      times.b.push(profile(b, join(dir, `b-${i}.cpuprofile`)));
    }
    const fmt = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(', ');
    const [minA, minB, medA, medB] = [Math.min(...times.a), Math.min(...times.b), median(times.a), median(times.b)];
    console.log(`A (${revision}): fastest ${minA.toFixed(1)} ms, median ${medA.toFixed(1)} ms; runs ${fmt(times.a)}`);
    console.log(`B (working tree): fastest ${minB.toFixed(1)} ms, median ${medB.toFixed(1)} ms; runs ${fmt(times.b)}`);
    console.log(`B / A: fastest ${(minB / minA).toFixed(2)}, median ${(medB / medA).toFixed(2)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
