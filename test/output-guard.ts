// Keeps a passing `npm test` free of runtime noise: drops workerd's benign teardown line and records every
// other workerd error line, so the run can fail when a passing test made the runtime print one.

/**
 * Printed by workerd each time the pool closes its socket to a test file's runner: nothing failed. The pool
 * filters it itself from @cloudflare/vitest-pool-workers 0.16 (cloudflare/workers-sdk#13833), which bundles a
 * wrangler that needs Node 22; until the project moves off Node 20 it is dropped here, and only this line.
 */
const BENIGN = ['disconnected: WebSocket peer disconnected'];

/** What workerd prints when something really went wrong (an exception, its stack, a refused header or lookup). */
const NOISE: Array<[RegExp, string]> = [
  [/^stack: /m, 'a stack trace'],
  [/uncaught exception/i, 'an uncaught exception'],
  [/DNS lookup failed/, 'a DNS failure (a test reached for a host that does not resolve)'],
  [/^(?:e|exception) = \S+\.c\+\+:\d+/m, 'a workerd exception'],
  [/contains non-ASCII characters/, 'a header workerd had to send as raw UTF-8 (KV metadata?)'],
];

export interface OutputGuard {
  /** One entry per noisy write: what it was and its first line. */
  readonly noise: string[];
}

type Write = typeof process.stdout.write;

/**
 * Wraps stdout and stderr of this (the main Vitest) process, where Miniflare prints workerd's logs. Vitest's
 * own reports of a failing test go through the same streams, so only workerd's line shapes are matched.
 */
export function guardOutput(): OutputGuard {
  const noise: string[] = [];
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write;
    const guarded = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]): boolean {
      const text = typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk).toString('utf8') : '';
      if (BENIGN.some((line) => text.includes(line))) {
        // Still call back, as a completed write would.
        const done = rest.find((r): r is () => void => typeof r === 'function');
        done?.();
        return true;
      }
      const kind = NOISE.find(([pattern]) => pattern.test(text));
      if (kind) noise.push(`${kind[1]}: ${text.split('\n')[0]!.slice(0, 160)}`);
      return (original as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    };
    stream.write = guarded as Write;
  }
  return { noise };
}
