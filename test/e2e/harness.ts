/**
 * Starts the real worker (wrangler `unstable_startWorker`, `env.dev` of wrangler.jsonc, local workerd with
 * in-memory storage) and a chat sink on free ports, with every alert destination re-pointed at the sink.
 */
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unstable_startWorker } from 'wrangler';
import { disposeWorker } from '../../bench/lib/dispose-worker';
import { startChatSink, type ChatSink } from '../../scripts/chat-sink';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface E2E {
  /** Worker base URL, e.g. http://127.0.0.1:54321 */
  url: string;
  sink: ChatSink;
  stop(): Promise<void>;
}

type Worker = Awaited<ReturnType<typeof unstable_startWorker>>;

/** Destination variables of `[env.dev]`, pointed at a sink. */
export function destinationVars(sinkUrl: string): Record<string, string> {
  return {
    SLACK_WEBHOOK_URL: `${sinkUrl}/slack`,
    DISCORD_WEBHOOK_URL: `${sinkUrl}/discord`,
    TELEGRAM_API_BASE: `${sinkUrl}/telegram`,
    TEAMS_WEBHOOK_URL: `${sinkUrl}/teams`,
    ALERT_WEBHOOK_URL: `${sinkUrl}/webhook`,
  };
}

/**
 * `testScheduled`: serve GET /__scheduled, which fires the Cron Trigger (wrangler dev's --test-scheduled).
 * `vars` may be a function of the sink's URL, for settings that point at one of its routes.
 */
export async function startE2E(opts: { vars?: Record<string, string> | ((sinkUrl: string) => Record<string, string>); testScheduled?: boolean } = {}): Promise<E2E> {
  process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= 'false';
  process.env.WRANGLER_SEND_METRICS ??= 'false';
  const sink = await startChatSink({ port: 0, quiet: !process.env.E2E_VERBOSE });
  let worker: Worker | undefined;
  try {
    const vars = { ...destinationVars(sink.url), ...(typeof opts.vars === 'function' ? opts.vars(sink.url) : opts.vars) };
    worker = await unstable_startWorker({
      // E2E_WRANGLER_CONFIG lets the harness be pointed at another config (e.g. a stub worker) while debugging.
      config: path.resolve(ROOT, process.env.E2E_WRANGLER_CONFIG ?? 'wrangler.jsonc'),
      env: 'dev',
      // A nonexistent env file: keeps a developer's own .dev.vars / .env out of the test.
      envFiles: ['.e2e-no-such-env-file'],
      bindings: Object.fromEntries(Object.entries(vars).map(([k, value]) => [k, { type: 'plain_text' as const, value }])),
      sendMetrics: false,
      dev: {
        remote: false,
        persist: false,
        inspector: false,
        watch: false,
        liveReload: false,
        ...(opts.testScheduled ? { testScheduled: true } : {}),
        logLevel: process.env.E2E_VERBOSE ? 'log' : 'warn',
        server: { hostname: '127.0.0.1', port: 0 },
      },
    });
    await worker.ready;
    const url = (await worker.url).toString().replace(/\/$/, '');
    const w = worker;
    return {
      url,
      sink,
      stop: async () => {
        // As the bench does: awaited, and wrangler's teardown race (an esbuild rebuild of a deleted entry) kept quiet.
        await disposeWorker(w).catch(() => {});
        await sink.close();
      },
    };
  } catch (err) {
    if (worker) await disposeWorker(worker).catch(() => {});
    await sink.close();
    throw err;
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A TCP port free on 127.0.0.1 right now, for a server the test starts itself. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
