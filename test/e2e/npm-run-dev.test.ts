/**
 * `npm run dev` itself (scripts/dev.mjs) as a user runs it: banner, alerts printed by the chat sink, clean stop
 * on SIGTERM with both ports released. Uses free ports and a temporary --persist-to, so it never touches a
 * developer's running `npm run dev` or .wrangler/state.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadArticles } from '../../scripts/lib/articles';
import { sendOne } from '../../scripts/lib/send';
import { freePort, ROOT } from './harness';

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

async function until(check: () => boolean, timeoutMs: number, what: string, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; output so far:\n${output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

let child: ChildProcess | undefined;
let persist: string | undefined;
afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  if (persist) await rm(persist, { recursive: true, force: true });
});

it('npm run dev starts the worker and the chat sink, prints alerts, and stops cleanly on SIGTERM', async () => {
  const port = await freePort();
  let sinkPort = await freePort();
  while (sinkPort === port) sinkPort = await freePort();
  persist = await mkdtemp(path.join(tmpdir(), 'tollwatch-dev-'));

  let out = '';
  child = spawn(process.execPath, ['scripts/dev.mjs', '--port', String(port), '--sink-port', String(sinkPort), '--persist-to', persist], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child!.once('exit', (code, signal) => resolve({ code, signal })),
  );

  await until(() => out.includes('— try: npm run send'), 90_000, 'the banner', () => out);
  expect(out).toContain(`tollwatch on http://localhost:${port} — chat sink on :${sinkPort} — try: npm run send -- fixtures/kerman-stampede`);

  const [seed] = await loadArticles([path.join(ROOT, 'fixtures/kerman-stampede/01-seed.json')]);
  const result = await sendOne(seed!, { url: `http://127.0.0.1:${port}` });
  expect(result.ok, JSON.stringify(result.error)).toBe(true);
  expect(result.alert).toBeTruthy();

  // The sink (re-pointed with --var because --sink-port is not 8788) prints every destination's alert.
  await until(() => ['[slack]', '[discord]', '[telegram]', '[teams]', '[webhook]'].every((l) => out.includes(l)), 30_000, 'alerts in the sink output', () => out);
  expect(out).toMatch(/\[webhook\]  signature ✓/);
  expect(out).toContain('New incident: Kerman stampede (Iran) — killed 35, injured 48');
  // The alert quotes the article's headline after its outlet.
  expect(out).toContain('Seed desk: “Stampede at Soleimani funeral in Kerman kills dozens”');
  // The banner waits for one answer instead of giving up on requests the starting worker answers later (each
  // of those printed a workerd "Broken pipe" error with a stack trace).
  expect(out.match(/"route":"\/health"/g)).toHaveLength(1);
  expect(out).not.toMatch(/ERROR|Broken pipe|Connection reset|stack:/);

  child.kill('SIGTERM');
  const { code } = await exited;
  expect(code).toBe(143);
  expect(out).toContain('stopping tollwatch dev (wrangler + chat sink)');
  expect(await portIsFree(port)).toBe(true);
  expect(await portIsFree(sinkPort)).toBe(true);
});
