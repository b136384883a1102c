/**
 * Bundle size: what `wrangler deploy --dry-run` would upload for the production (top-level) environment,
 * raw and gzipped (zlib level 9, and the figure wrangler prints), with the largest contributors from the
 * esbuild metafile. In full mode it also measures two candidate fixes on a throw-away copy of src/ (never
 * the working tree): `--minify`, and `import * as z from 'zod'` instead of `import { z } from 'zod'`.
 *
 *   npx tsx bench/bundle.ts [--quick]
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { kib, machineLine, ROOT, table, WRANGLER_BIN } from './lib/util';

export const GOAL_GZIP_BYTES = 64 * 1024;

export interface BundleMeasure {
  label: string;
  rawBytes: number;
  gzip9Bytes: number;
  /** "Total Upload: x KiB / gzip: y KiB" as wrangler printed it. */
  wranglerLine: string;
  /** Bytes in the output per group (package sub-path or src/ directory), largest first. */
  groups: Array<[string, number]>;
  /** Largest single input files, largest first. */
  files: Array<[string, number]>;
}

interface Metafile {
  outputs: Record<string, { inputs?: Record<string, { bytesInOutput: number }> }>;
}

/** node_modules/zod/v4/core/schemas.js → zod/v4/core; src/notify/slack.ts → src/notify; src/env.ts → src/env.ts */
export function groupOf(input: string): string {
  const nm = input.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = input.slice(nm + 'node_modules/'.length).split('/');
    const pkgLen = parts[0]?.startsWith('@') ? 2 : 1;
    const pkg = parts.slice(0, pkgLen).join('/');
    const rest = parts.slice(pkgLen, -1);
    // zod's interesting split is zod/v4/{core,classic,locales}; hono's is hono/dist/{router,utils,...}
    return [pkg, ...rest.slice(0, 2)].join('/');
  }
  const p = input.replace(/^(\.\.\/)+/, '');
  const src = p.indexOf('src/');
  const rel = src >= 0 ? p.slice(src) : p;
  const parts = rel.split('/');
  return parts.length > 2 ? parts.slice(0, 2).join('/') : rel;
}

/** Runs the dry-run build in `cwd` and measures it. */
export function measureBuild(cwd: string, label: string, extraArgs: string[] = []): BundleMeasure {
  const outdir = mkdtempSync(join(tmpdir(), 'tollwatch-bundle-'));
  const metafile = join(outdir, 'meta.json');
  try {
    const out = execFileSync(WRANGLER_BIN, ['deploy', '--dry-run', '--env=', '--outdir', join(outdir, 'dist'), '--metafile', metafile, ...extraArgs], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const wranglerLine = /Total Upload:[^\n]*/.exec(out)?.[0]?.trim() ?? '(not printed)';
    const dist = join(outdir, 'dist');
    const js = readdirSync(dist).filter((f) => f.endsWith('.js') || f.endsWith('.mjs'));
    const code = Buffer.concat(js.map((f) => readFileSync(join(dist, f))));
    const meta = JSON.parse(readFileSync(metafile, 'utf8')) as Metafile;
    const groups = new Map<string, number>();
    const files: Array<[string, number]> = [];
    for (const output of Object.values(meta.outputs)) {
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs ?? {})) {
        if (bytesInOutput === 0) continue;
        const name = input.includes('node_modules/') ? input.slice(input.lastIndexOf('node_modules/') + 'node_modules/'.length) : relative(cwd, join(cwd, input)).replace(/^(\.\.\/)+/, '');
        files.push([name, bytesInOutput]);
        const g = groupOf(input);
        groups.set(g, (groups.get(g) ?? 0) + bytesInOutput);
      }
    }
    return {
      label,
      rawBytes: code.length,
      gzip9Bytes: gzipSync(code, { level: 9 }).length,
      wranglerLine,
      groups: [...groups].sort((a, b) => b[1] - a[1]),
      files: files.sort((a, b) => b[1] - a[1]),
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** A throw-away copy of the worker (src, config) sharing node_modules, optionally rewritten. */
function variantCopy(rewrite: (source: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tollwatch-variant-'));
  for (const f of ['src', 'wrangler.jsonc', 'package.json', 'tsconfig.json']) cpSync(join(ROOT, f), join(dir, f), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(p)) writeFileSync(p, rewrite(readFileSync(p, 'utf8')));
    }
  };
  walk(join(dir, 'src'));
  return dir;
}

export const zodNamespaceImport = (s: string) => s.replace(/import \{ z \} from 'zod';/g, "import * as z from 'zod';");

export function measureAll(quick: boolean): BundleMeasure[] {
  const results = [measureBuild(ROOT, 'as configured (wrangler.jsonc)')];
  if (quick) return results;
  results.push(measureBuild(ROOT, 'with --minify', ['--minify']));
  const copy = variantCopy(zodNamespaceImport);
  try {
    results.push(measureBuild(copy, "`import * as z from 'zod'` (copy of src)"));
    results.push(measureBuild(copy, "`import * as z from 'zod'` + --minify", ['--minify']));
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
  return results;
}

export function bundleMarkdown(results: BundleMeasure[]): string {
  const base = results[0]!;
  const lines: string[] = [];
  lines.push(`Measured ${machineLine()} \`wrangler deploy --dry-run --env= --outdir … --metafile …\` (production config; no network).`);
  lines.push('');
  lines.push(
    table(
      ['build', 'raw', 'gzip -9', 'wrangler says', `≤ ${kib(GOAL_GZIP_BYTES)} gz?`],
      results.map((r) => [r.label, kib(r.rawBytes), kib(r.gzip9Bytes), r.wranglerLine.replace('Total Upload: ', ''), r.gzip9Bytes <= GOAL_GZIP_BYTES ? 'yes' : 'no']),
    ),
  );
  lines.push('');
  lines.push(`Largest contributors, as configured (bytes of the unminified output, esbuild metafile):`);
  lines.push('');
  const total = base.groups.reduce((s, [, b]) => s + b, 0);
  lines.push(table(['package / directory', 'bytes', 'share'], base.groups.slice(0, 14).map(([g, b]) => [g, kib(b), `${((100 * b) / total).toFixed(1)} %`])));
  lines.push('');
  lines.push('Largest single files: ' + base.files.slice(0, 8).map(([f, b]) => `\`${f}\` ${kib(b)}`).join(', ') + '.');
  const fixed = results.find((r) => r.label.includes('* as z') && r.label.includes('minify'));
  if (fixed) {
    lines.push('');
    lines.push('With both fixes, the remaining contributors: ' + fixed.groups.slice(0, 8).map(([g, b]) => `${g} ${kib(b)}`).join(', ') + '.');
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = measureAll(process.argv.includes('--quick'));
  console.log(bundleMarkdown(results));
}
