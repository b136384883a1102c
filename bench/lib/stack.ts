/**
 * The real worker under `unstable_startWorker` (wrangler.jsonc, env dev, nothing persisted) plus a trivial chat
 * sink on 127.0.0.1 that answers 200 and counts what it got. The sink takes a free port and the worker's
 * destinations are pointed at it: env.dev's fixed 127.0.0.1:8788 is where every other engineer's dev server and
 * test run on this machine posts its alerts too, which the counts (and duplicate checks) would take for ours.
 */
import { accessSync, constants } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { OFFLINE_ENV, ROOT, sleep } from './util';
import { disposeWorker } from './dispose-worker';
import { join } from 'node:path';

export interface Sink {
  /** Base URL (http://127.0.0.1:<port>) the destinations post under. */
  url: string;
  /** Requests received, by first path segment (slack, discord, telegram, teams, webhook). */
  byPath: Map<string, number>;
  /** alert_id → deliveries, from the signed generic webhook destination's JSON bodies (to spot duplicates). */
  webhookAlertIds: Map<string, number>;
  total(): number;
  reset(): void;
  close(): Promise<void>;
}

export async function startSink(port = 0): Promise<Sink> {
  const byPath = new Map<string, number>();
  const webhookAlertIds = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const seg = (req.url ?? '/').split('/')[1] ?? '';
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      if (seg === 'webhook') chunks.push(c);
    });
    req.on('end', () => {
      byPath.set(seg, (byPath.get(seg) ?? 0) + 1);
      if (seg === 'webhook') {
        try {
          // The generic webhook posts an envelope ({type, timestamp, data: alert}); older builds posted the alert bare.
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { alert_id?: unknown; data?: { alert_id?: unknown } };
          const id = body.data?.alert_id ?? body.alert_id;
          if (id === undefined) throw new Error('no alert_id');
          webhookAlertIds.set(String(id), (webhookAlertIds.get(String(id)) ?? 0) + 1);
        } catch {
          // not JSON, or no alert in it: counted by path only
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      // Telegram's sendMessage answers {ok:true,...}; the others only look at the status.
      res.end('{"ok":true,"result":{}}');
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) => reject(new Error(`chat sink cannot listen on 127.0.0.1:${port} (${String(err)}); is \`npm run dev\`'s sink running?`)));
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`,
    byPath,
    webhookAlertIds,
    reset: () => {
      byPath.clear();
      webhookAlertIds.clear();
    },
    total: () => [...byPath.values()].reduce((a, b) => a + b, 0),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export interface StackOptions {
  /** Sets WEBHOOK_SECRETS, so every request's Standard Webhooks signature is verified (env.dev has none). */
  secret?: string | null;
  /** Overrides env.dev's RATE_LIMIT_PER_MINUTE (6000 = 100/s per sender). */
  rateLimitPerMinute?: number;
  /** The sink every chat destination (env.dev's five) posts to; default env.dev's 127.0.0.1:8788. */
  sink?: Pick<Sink, 'url'>;
  /** More plain-text bindings (e.g. OUTBOX_RECHECK_SECONDS, so outbox alarms fire within a benchmark phase). */
  vars?: Record<string, string>;
  /** Another entry module (the cost benchmark's counting wrapper); default src/index.ts from wrangler.jsonc. */
  entrypoint?: string;
  /**
   * Where the local simulator keeps Durable Object SQLite files, KV and queue state (persist off = a temporary
   * directory). Default 'tmpfs' (/dev/shm when present): on this machine's disk, creating one object's database
   * costs 25-37 ms of wall time of fsyncs that block workerd's one thread, a cost of the simulator, not of the
   * Worker and not of production storage (bench/object-creation.ts measures both). 'disk' keeps os.tmpdir().
   */
  storage?: 'tmpfs' | 'disk';
  /** Opens workerd's inspector on this port of 127.0.0.1 (0: a free one), for CPU profiles of the worker's isolate. */
  inspectorPort?: number;
}

const TMPFS = '/dev/shm';

/** env.dev's destination settings and the sink path each posts under (the sink counts by first path segment). */
const DESTINATION_PATHS = {
  SLACK_WEBHOOK_URL: 'slack',
  DISCORD_WEBHOOK_URL: 'discord',
  TELEGRAM_API_BASE: 'telegram',
  TEAMS_WEBHOOK_URL: 'teams',
  ALERT_WEBHOOK_URL: 'webhook',
} as const;

/** env.dev's destination settings, blanked ("empty means unset"): a worker started with these as `vars` alerts nobody. */
export const NO_DESTINATIONS: Readonly<Record<string, string>> = Object.fromEntries(
  ['SLACK_WEBHOOK_URL', 'DISCORD_WEBHOOK_URL', 'TELEGRAM_API_BASE', 'TELEGRAM_BOT_TOKEN', 'TELEGRAM_CHAT_ID', 'TEAMS_WEBHOOK_URL', 'ALERT_WEBHOOK_URL', 'ALERT_WEBHOOK_SECRET'].map((k) => [k, '']),
);

/** The directory the simulator's storage goes to for this choice (null: the default os.tmpdir()). */
export function storageDir(storage: 'tmpfs' | 'disk' = (process.env.BENCH_STORAGE as 'disk' | undefined) ?? 'tmpfs'): string | null {
  if (storage === 'disk') return null;
  try {
    accessSync(TMPFS, constants.W_OK);
    return TMPFS;
  } catch {
    return null;
  }
}

export interface Stack {
  url: URL;
  /** The inspector's URL when `inspectorPort` was given. */
  inspectorUrl?: URL | undefined;
  dispose(): Promise<void>;
}

export async function startWorker(opts: StackOptions = {}): Promise<Stack> {
  for (const [k, v] of Object.entries(OFFLINE_ENV)) process.env[k] = v;
  // wrangler's own logger (e.g. one "[wrangler:info] QUEUE …" line per batch) writes to stdout, where the
  // benchmarks print Markdown; keep it to errors unless asked.
  process.env.WRANGLER_LOG ??= process.env.BENCH_WRANGLER_LOG ?? 'error';
  const { unstable_startWorker } = await import('wrangler');
  const bindings: Record<string, { type: 'plain_text'; value: string }> = {};
  if (opts.secret) bindings.WEBHOOK_SECRETS = { type: 'plain_text', value: opts.secret };
  if (opts.sink) for (const [k, path] of Object.entries(DESTINATION_PATHS)) bindings[k] = { type: 'plain_text', value: `${opts.sink.url}/${path}` };
  for (const [k, v] of Object.entries(opts.vars ?? {})) bindings[k] = { type: 'plain_text', value: v };
  if (opts.rateLimitPerMinute !== undefined) bindings.RATE_LIMIT_PER_MINUTE = { type: 'plain_text', value: String(opts.rateLimitPerMinute) };
  // Miniflare takes os.tmpdir() (which reads TMPDIR) when it builds the runtime; restored once the worker is up.
  const dir = storageDir(opts.storage);
  const savedTmp = process.env.TMPDIR;
  if (dir) process.env.TMPDIR = dir;
  const worker = await unstable_startWorker({
    config: join(ROOT, 'wrangler.jsonc'),
    env: 'dev',
    ...(opts.entrypoint ? { entrypoint: opts.entrypoint } : {}),
    bindings,
    // BENCH_MINIFY=0: readable function names in a CPU profile taken through `inspectorPort` (wrangler.jsonc minifies).
    ...(process.env.BENCH_MINIFY === '0' ? { build: { minify: false, keepNames: true } } : {}),
    dev: { persist: false, inspector: opts.inspectorPort === undefined ? false : { hostname: '127.0.0.1', port: opts.inspectorPort }, watch: false, logLevel: (process.env.BENCH_WRANGLER_LOG as 'error' | 'log' | undefined) ?? 'error', server: { hostname: '127.0.0.1', port: 0 } },
  });
  const url = await worker.url.finally(() => {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
  });
  // First request compiles and instantiates the isolate; keep it out of any measurement.
  await fetch(new URL('/health', url)).then((r) => r.text());
  return {
    url,
    ...(opts.inspectorPort === undefined ? {} : { inspectorUrl: await worker.inspectorUrl }),
    dispose: () => disposeWorker(worker),
  };
}

export { disposeWorker } from './dispose-worker';

/** Waits until `count()` stops growing for `quietMs` (or `maxMs` passes); returns the final count and when it settled. */
export async function settle(count: () => number, quietMs = 2_500, maxMs = 60_000, atLeast = 0): Promise<{ value: number; ms: number }> {
  const start = Date.now();
  let last = count();
  let lastChange = Date.now();
  while (Date.now() - start < maxMs) {
    await sleep(100);
    const now = count();
    if (now !== last) {
      last = now;
      lastChange = Date.now();
    } else if (Date.now() - lastChange >= quietMs && last >= atLeast) break;
  }
  return { value: last, ms: lastChange - start };
}
