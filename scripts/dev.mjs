#!/usr/bin/env node
/**
 * npm run dev — the local development loop:
 *   - a chat sink on 127.0.0.1:8788 standing in for Slack, Discord, Telegram, Teams and the alert webhook
 *     (alerts are printed in this terminal);
 *   - a sample RSS feed of fixtures/kerman-stampede at 127.0.0.1:8788/feed.xml, which the dev FEEDS setting
 *     polls whenever the Cron Trigger is fired by hand: curl http://127.0.0.1:8787/__scheduled (--test-scheduled);
 *   - `wrangler dev --env dev` on 127.0.0.1:8787 (local KV and Durable Objects persisted under
 *     .wrangler/state; queued messages live in memory, so the trackers' outboxes re-offer them after a restart).
 * Ctrl-C (or SIGTERM) stops both.
 *
 * Options (anything else is passed to `wrangler dev`):
 *   --port N        worker port (default 8787, env PORT)
 *   --sink-port N   chat sink port (default 8788, env SINK_PORT); destinations are re-pointed when it changes
 *   --only LIST     only print these destinations in the sink, e.g. --only slack
 */
import { existsSync, writeSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const DEFAULT_SINK_PORT = 8788;

// A synchronous write, so process.exit() cannot drop the message when stderr is a pipe.
function fail(message) {
  writeSync(2, `\n✘ ${message}\n\n`);
  process.exit(1);
}

/** Resolves once stdout and stderr have handed everything written so far to the OS. */
const drained = () => Promise.all([process.stdout, process.stderr].map((s) => new Promise((resolve) => s.write('', () => resolve()))));

// --- preflight -------------------------------------------------------------------------------------
{
  const [major, minor] = process.versions.node.split('.').map(Number);
  const ok = (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major > 22;
  if (!ok) fail(`tollwatch needs Node 20.19+ or 22.12+ (wrangler and workerd require it); this is Node ${process.versions.node}.\n  Install a current LTS (e.g. \`nvm install 22\`), then \`npm install\` again.`);
}

function resolveOrNull(id) {
  try {
    return require.resolve(id);
  } catch {
    return null;
  }
}
const wranglerBin = resolveOrNull('wrangler/bin/wrangler.js');
const tsxApi = resolveOrNull('tsx/esm/api');
if (!wranglerBin || !tsxApi || !existsSync(join(root, 'node_modules'))) {
  fail('dependencies are not installed — run `npm install` (or `npm ci`) in the project root first.');
}

// --- arguments ---------------------------------------------------------------------------------------
const passthrough = [];
let port = Number(process.env.PORT || 8787);
let sinkPort = Number(process.env.SINK_PORT || DEFAULT_SINK_PORT);
let only;
{
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === '--port') port = Number(value());
    else if (flag === '--sink-port') sinkPort = Number(value());
    else if (flag === '--only') only = value().split(',').map((s) => s.trim());
    else if (flag === '-h' || flag === '--help') {
      writeSync(1, 'usage: npm run dev [-- --port 8787] [--sink-port 8788] [--only slack,discord,…] [other wrangler dev flags]\n');
      process.exit(0);
    } else passthrough.push(a);
  }
  if (!Number.isInteger(port) || port <= 0 || port > 65535) fail(`--port must be a TCP port, got ${port}`);
  if (!Number.isInteger(sinkPort) || sinkPort <= 0 || sinkPort > 65535) fail(`--sink-port must be a TCP port, got ${sinkPort}`);
  if (port === sinkPort) fail('the worker and the chat sink need different ports');
}

function portFree(p) {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(p, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

if (!(await portFree(port))) {
  fail(`port ${port} is already in use — is another \`npm run dev\` (or wrangler dev) running?\n  Stop it (see \`lsof -i :${port}\`), or pick another port: npm run dev -- --port 8790`);
}

// --- chat sink (in this process, TypeScript via tsx) --------------------------------------------------
const { tsImport } = await import('tsx/esm/api');
const { startChatSink, sinkStartError } = await tsImport('./chat-sink.ts', import.meta.url);
const { feedArticles, ServedFeed } = await tsImport('./lib/sample-feed.ts', import.meta.url);
const feed = new ServedFeed({ title: 'tollwatch sample feed', link: `http://127.0.0.1:${sinkPort}/` }, await feedArticles([join(root, 'fixtures/kerman-stampede')]));
let sink;
try {
  sink = await startChatSink({ port: sinkPort, only, feed });
} catch (err) {
  fail(sinkStartError(err, sinkPort) + (sinkPort === DEFAULT_SINK_PORT ? '\n  Or run the sink elsewhere: npm run dev -- --sink-port 8799' : ''));
}

// --- wrangler dev -------------------------------------------------------------------------------------
const vars = [];
if (sinkPort !== DEFAULT_SINK_PORT) {
  const s = `http://127.0.0.1:${sinkPort}`;
  vars.push(
    `SLACK_WEBHOOK_URL:${s}/slack`,
    `DISCORD_WEBHOOK_URL:${s}/discord`,
    `TELEGRAM_API_BASE:${s}/telegram`,
    `TEAMS_WEBHOOK_URL:${s}/teams`,
    `ALERT_WEBHOOK_URL:${s}/webhook`,
    `FEEDS:${JSON.stringify([{ url: `${s}/feed.xml`, name: 'Sample feed' }])}`,
  );
}
const args = [
  wranglerBin,
  'dev',
  '--env',
  'dev',
  '--show-interactive-dev-session=false',
  // GET /__scheduled fires the Cron Trigger (feed poll; ?cron=0+*+*+*+* for the digest).
  '--test-scheduled',
  '--port',
  String(port),
  '--ip',
  '127.0.0.1',
  ...vars.flatMap((v) => ['--var', v]),
  ...passthrough,
];
const child = spawn(process.execPath, args, {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' },
});

let stopping = false;
let childExited = false;
const childDone = new Promise((resolve) => {
  child.once('exit', (code, signal) => {
    childExited = true;
    resolve({ code, signal });
  });
});

async function stop(signal, exitCode) {
  if (stopping) return;
  stopping = true;
  if (exitCode !== 1) console.log('\nstopping tollwatch dev (wrangler + chat sink)…');
  if (!childExited) {
    child.kill(signal);
    const timer = setTimeout(() => {
      if (!childExited) child.kill('SIGKILL');
    }, 8000);
    await childDone;
    clearTimeout(timer);
  }
  await sink.close();
  await drained();
  process.exit(exitCode);
}

process.on('SIGINT', () => void stop('SIGINT', 130));
process.on('SIGTERM', () => void stop('SIGTERM', 143));
process.on('SIGHUP', () => void stop('SIGTERM', 129));

childDone.then(({ code, signal }) => {
  if (stopping) return;
  console.error(`\nwrangler dev exited (${signal ?? `code ${code}`}); stopping the chat sink.`);
  void stop('SIGTERM', code || 1);
});

// --- banner once the worker answers ---------------------------------------------------------------------
const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 240 && !stopping; i++) {
  try {
    // Waits as long as the first start takes (9 s on a busy machine): a request given up on and answered later
    // makes workerd print "disconnected: … Broken pipe" with a stack trace. Only a refused connection is retried.
    await fetch(`${base}/health`, { signal: AbortSignal.timeout(120_000) });
    console.log(
      `\n  tollwatch on http://localhost:${port} — chat sink on :${sink.port} — try: npm run send -- fixtures/kerman-stampede\n` +
        `  or poll the sample feed: curl http://localhost:${port}/__scheduled\n`,
    );
    break;
  } catch {
    await new Promise((r) => setTimeout(r, 500));
  }
}
