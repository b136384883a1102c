// Bundle hygiene: every Worker source file imports zod as a namespace, which keeps the bundle from carrying it twice.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('bundle hygiene', () => {
  // `import { z } from 'zod'` makes esbuild keep all of Zod, locales included: 80 → 165 KiB gzipped.
  // One such file anywhere in the Worker undoes the namespace imports everywhere else.
  it('imports zod as a namespace in every Worker source file', () => {
    const offenders = sources('src').filter((file) => /import\s*\{\s*z\s*\}\s*from\s*['"]zod['"]/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
