/**
 * Local chat sink: stands in for Slack, Discord, Telegram, Teams and the generic alert webhook during
 * `npm run dev` and the end-to-end test. Answers like the real services, prints each alert readably and keeps
 * an in-memory log. Programmable failures (500s, 429s with Retry-After) support fault tests.
 *
 *   npx tsx scripts/chat-sink.ts [--port 8788] [--quiet] [--only slack,telegram]
 *
 * With --feed PATH[,PATH…] (article JSON files or directories) it also serves them as an RSS 2.0 feed at
 * GET /feed.xml, with ETag/Last-Modified and 304s, for FEEDS to poll offline.
 *
 * Control endpoints (for poking it by hand): GET /_sink (log as JSON), DELETE /_sink (clear log and
 * failures), POST /_sink/fail with a FailureRule as JSON body, GET /health.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { verifyWebhook } from '../src/lib/standard-webhooks';
import { alertText, stripHtml, type SinkDestination } from './lib/alert-text';
import { feedArticles, ServedFeed } from './lib/sample-feed';

export type { SinkDestination } from './lib/alert-text';
export const SINK_DESTINATIONS: readonly SinkDestination[] = ['slack', 'discord', 'telegram', 'teams', 'webhook'];
export const DEFAULT_SINK_PORT = 8788;
/** ALERT_WEBHOOK_SECRET of `env.dev` in wrangler.jsonc: used to check signatures on /webhook. */
export const DEV_ALERT_WEBHOOK_SECRET = 'whsec_ZGV2LW9ubHktc2lnbmluZy1zZWNyZXQtMTIzNDU2';

export interface SinkRequest {
  destination: SinkDestination;
  path: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  /** Parsed body, or null when not JSON. */
  json: any;
  /** Readable alert text (what the terminal shows). */
  text: string;
  /** Status the sink answered with. */
  status: number;
  /** Date.now() when received. */
  at: number;
  /** /webhook only: Standard Webhooks signature check against the configured secret. */
  signature?: 'valid' | 'invalid' | 'missing';
}

export interface FailureRule {
  /** Status to answer with, e.g. 500 or 429. */
  status: number;
  /** Seconds, sent as `Retry-After` (and in the service's JSON where it has one). */
  retryAfter?: number;
  /** Fail this many requests, then answer normally again. Default 1 unless `untilMs`/`forMs` is given. */
  count?: number;
  /** Fail every request until this epoch-ms time. */
  untilMs?: number;
  /** Fail for this many ms from now. */
  forMs?: number;
  /** Only requests to this destination (default: all). */
  destination?: SinkDestination;
}

export interface ChatSinkOptions {
  port?: number;
  host?: string;
  /** No terminal output. */
  quiet?: boolean;
  /** Only print these destinations (all are still answered and logged). */
  only?: readonly SinkDestination[];
  /** Failures active from the start. */
  failures?: FailureRule[];
  /** Secret(s) to verify /webhook signatures with (default: the dev secret, or ALERT_WEBHOOK_SECRET env). */
  webhookSecret?: string | string[];
  /** Where output goes (default console.log). */
  log?: (line: string) => void;
  /** A feed to serve at GET /feed.xml. */
  feed?: ServedFeed;
}

export interface ChatSink {
  url: string;
  port: number;
  /** Accepted deliveries (2xx answers), in arrival order. */
  received: SinkRequest[];
  /** Every request, including the ones the sink failed on purpose. */
  requests: SinkRequest[];
  fail(rule: FailureRule): void;
  clearFailures(): void;
  /** Empties `received` and `requests` (failures stay). */
  clear(): void;
  byDestination(destination: SinkDestination): SinkRequest[];
  /** The feed served at /feed.xml, when one was given. */
  feed?: ServedFeed;
  /** Resolves once `received` holds `count` deliveries (optionally of one destination), rejects on timeout. */
  waitFor(count: number, opts?: { destination?: SinkDestination; timeoutMs?: number }): Promise<SinkRequest[]>;
  close(): Promise<void>;
}

interface ActiveRule extends FailureRule {
  remaining: number;
  until: number;
}

function route(path: string): SinkDestination | null {
  const p = path.split('?')[0]!;
  if (/^\/slack(\/|$)/.test(p)) return 'slack';
  if (/^\/discord(\/|$)/.test(p)) return 'discord';
  if (/^\/telegram\/bot[^/]+\/[A-Za-z]+$/.test(p)) return 'telegram';
  if (/^\/teams(\/|$)/.test(p)) return 'teams';
  if (/^\/webhook(\/|$)/.test(p)) return 'webhook';
  return null;
}

const useColor = !process.env.NO_COLOR && process.stdout.isTTY;
const COLORS: Record<SinkDestination, string> = { slack: '35', discord: '34', telegram: '36', teams: '33', webhook: '32' };
const paint = (code: string, s: string) => (useColor ? `\x1b[${code}m${s}\x1b[0m` : s);

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: string | object | null, headers: Record<string, string> = {}): void {
  const text = body === null ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  const type = body === null ? {} : { 'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json' };
  res.writeHead(status, { ...type, ...headers });
  res.end(text);
}

/** The failure answer each service gives. */
function failureResponse(res: ServerResponse, destination: SinkDestination, rule: FailureRule): void {
  const headers: Record<string, string> = rule.retryAfter !== undefined ? { 'retry-after': String(rule.retryAfter) } : {};
  const limited = rule.status === 429;
  switch (destination) {
    case 'slack':
      return send(res, rule.status, limited ? 'rate_limited' : 'internal_error', headers);
    case 'discord':
      return send(
        res,
        rule.status,
        limited ? { message: 'You are being rate limited.', retry_after: rule.retryAfter ?? 1, global: false } : { message: 'Internal Server Error', code: 0 },
        headers,
      );
    case 'telegram':
      return send(
        res,
        rule.status,
        limited
          ? { ok: false, error_code: 429, description: `Too Many Requests: retry after ${rule.retryAfter ?? 1}`, parameters: { retry_after: rule.retryAfter ?? 1 } }
          : { ok: false, error_code: rule.status, description: 'Internal Server Error' },
        headers,
      );
    default:
      return send(res, rule.status, limited ? 'Too Many Requests' : 'Internal Server Error', headers);
  }
}

let telegramMessageId = 1000;
let slackSeq = 0;

/** The success answer each service gives. */
function okResponse(res: ServerResponse, destination: SinkDestination, path: string, json: any): void {
  switch (destination) {
    case 'slack': {
      // A bot token's Web API calls (DESTINATIONS entries with `channel`, SLACK_API_BASE=<sink>/slack/api)
      // answer like Slack's, so threads run offline; anything else is an incoming webhook.
      const method = /^\/slack\/api\/([a-z]+\.[A-Za-z]+)/.exec(path)?.[1];
      if (method === 'chat.postMessage') return send(res, 200, { ok: true, channel: json?.channel ?? 'C0SINK', ts: `${Math.floor(Date.now() / 1000)}.${String(++slackSeq).padStart(6, '0')}` });
      if (method === 'chat.update') return send(res, 200, { ok: true, channel: json?.channel, ts: json?.ts });
      if (method?.startsWith('conversations.')) return send(res, 200, { ok: true, messages: [], has_more: false });
      return send(res, 200, 'ok');
    }
    case 'discord':
      if (/[?&]wait=true/.test(path)) return send(res, 200, { id: String(Date.now()), type: 0, content: json?.content ?? '', embeds: json?.embeds ?? [] });
      return send(res, 204, null);
    case 'telegram':
      return send(res, 200, {
        ok: true,
        result: {
          message_id: ++telegramMessageId,
          date: Math.floor(Date.now() / 1000),
          chat: { id: Number(json?.chat_id) || json?.chat_id || 0, type: 'supergroup', title: 'tollwatch dev' },
          text: typeof json?.text === 'string' ? stripHtml(json.text) : '',
        },
      });
    case 'teams':
      return send(res, 202, null);
    case 'webhook':
      return send(res, 200, 'ok');
  }
}

export async function startChatSink(opts: ChatSinkOptions = {}): Promise<ChatSink> {
  const host = opts.host ?? '127.0.0.1';
  const log = opts.log ?? ((line: string) => console.log(line));
  const secrets = ([] as string[]).concat(opts.webhookSecret ?? process.env.ALERT_WEBHOOK_SECRET ?? DEV_ALERT_WEBHOOK_SECRET);
  const received: SinkRequest[] = [];
  const requests: SinkRequest[] = [];
  let rules: ActiveRule[] = [];
  const waiters = new Set<() => void>();

  const addRule = (rule: FailureRule) => {
    const until = rule.untilMs ?? (rule.forMs !== undefined ? Date.now() + rule.forMs : Infinity);
    const remaining = rule.count ?? (until === Infinity ? 1 : Infinity);
    rules.push({ ...rule, remaining, until });
  };
  for (const r of opts.failures ?? []) addRule(r);

  const takeFailure = (destination: SinkDestination): FailureRule | null => {
    const now = Date.now();
    rules = rules.filter((r) => r.remaining > 0 && r.until > now);
    const rule = rules.find((r) => !r.destination || r.destination === destination);
    if (!rule) return null;
    rule.remaining -= 1;
    return rule;
  };

  const print = (entry: SinkRequest) => {
    if (opts.quiet) return;
    if (opts.only && !opts.only.includes(entry.destination)) return;
    const time = new Date(entry.at).toTimeString().slice(0, 8);
    const label = paint(COLORS[entry.destination], `[${entry.destination}]`);
    if (entry.status >= 300) {
      log(`${time} ${label} ${paint('31', `answered ${entry.status} (simulated failure)`)}`);
      return;
    }
    const sig = entry.signature ? `  signature ${entry.signature === 'valid' ? '✓' : `✗ ${entry.signature}`}` : '';
    const lines = entry.text.split('\n').filter((l) => l.trim() !== '');
    log(`${time} ${label}${sig}`);
    for (const l of lines) log(`    ${l}`);
  };

  const server = createServer(async (req, res) => {
    const path = req.url ?? '/';
    try {
      const body = await readBody(req);
      if (path === '/health') return send(res, 200, { ok: true });
      if (opts.feed && path.split('?')[0] === '/feed.xml' && (req.method === 'GET' || req.method === 'HEAD')) return opts.feed.serve(req, res);
      if (path === '/_sink' || path.startsWith('/_sink/')) {
        if (req.method === 'GET' && path === '/_sink') return send(res, 200, { received, requests: requests.length });
        if (req.method === 'DELETE' && path === '/_sink') {
          received.length = 0;
          requests.length = 0;
          rules = [];
          return send(res, 200, { ok: true });
        }
        if (req.method === 'POST' && path === '/_sink/fail') {
          addRule(JSON.parse(body) as FailureRule);
          return send(res, 200, { ok: true });
        }
        return send(res, 404, { error: 'unknown control endpoint' });
      }
      const destination = route(path);
      // Discord edits a webhook's message with PATCH (threads: the first message shows the current figures).
      if (!destination || !(req.method === 'POST' || (req.method === 'PATCH' && destination === 'discord'))) {
        if (!opts.quiet) log(paint('31', `chat sink: ${req.method} ${path} — not a known destination (404)`));
        return send(res, 404, { error: `chat sink has no ${req.method} ${path}` });
      }
      let json: any = null;
      try {
        json = body ? JSON.parse(body) : null;
      } catch {
        /* not JSON */
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
      const entry: SinkRequest = { destination, path, method: req.method, headers, body, json, text: alertText(destination, json, body), status: 0, at: Date.now() };
      if (destination === 'webhook') {
        const h = { id: headers['webhook-id'] ?? null, timestamp: headers['webhook-timestamp'] ?? null, signature: headers['webhook-signature'] ?? null };
        if (!h.id || !h.timestamp || !h.signature) entry.signature = 'missing';
        else {
          const v = await verifyWebhook(secrets, h, new TextEncoder().encode(body), Math.floor(Date.now() / 1000));
          entry.signature = v.ok ? 'valid' : 'invalid';
        }
      }
      const failure = takeFailure(destination);
      if (failure) {
        entry.status = failure.status;
        requests.push(entry);
        print(entry);
        return failureResponse(res, destination, failure);
      }
      okResponse(res, destination, path, json);
      entry.status = res.statusCode;
      requests.push(entry);
      received.push(entry);
      print(entry);
      for (const w of waiters) w();
    } catch (err) {
      if (!opts.quiet) log(paint('31', `chat sink: error handling ${path}: ${(err as Error).message}`));
      if (!res.headersSent) send(res, 500, { error: 'chat sink error' });
    }
  });
  server.keepAliveTimeout = 1000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? DEFAULT_SINK_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  const matching = (destination?: SinkDestination) => (destination ? received.filter((r) => r.destination === destination) : received);

  return {
    url: `http://${host}:${port}`,
    port,
    received,
    requests,
    fail: addRule,
    clearFailures: () => {
      rules = [];
    },
    clear: () => {
      received.length = 0;
      requests.length = 0;
    },
    byDestination: (d) => received.filter((r) => r.destination === d),
    ...(opts.feed ? { feed: opts.feed } : {}),
    waitFor: (count, o = {}) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const got = matching(o.destination);
          if (got.length >= count) {
            cleanup();
            resolve([...got]);
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`chat sink: waited ${o.timeoutMs ?? 30_000} ms for ${count} ${o.destination ?? ''} deliveries, got ${matching(o.destination).length}`));
        }, o.timeoutMs ?? 30_000);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Friendly message for a sink that could not start. */
export function sinkStartError(err: unknown, port: number): string {
  if ((err as { code?: string })?.code === 'EADDRINUSE')
    return `chat sink: port ${port} is already in use — another \`npm run dev\` (or chat sink) is probably running. Stop it, or free the port (lsof -i :${port}).`;
  return `chat sink: could not start: ${(err as Error)?.message ?? String(err)}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, quiet: { type: 'boolean' }, only: { type: 'string' }, feed: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log('usage: tsx scripts/chat-sink.ts [--port 8788] [--quiet] [--only slack,discord,telegram,teams,webhook] [--feed fixtures/kerman-stampede]  (env SINK_PORT)');
    return;
  }
  const port = Number(values.port ?? process.env.SINK_PORT ?? DEFAULT_SINK_PORT);
  const only = values.only ? (values.only.split(',').map((s) => s.trim()) as SinkDestination[]) : undefined;
  let sink: ChatSink;
  const feed = values.feed ? new ServedFeed({ title: 'tollwatch sample feed', link: 'http://127.0.0.1/' }, await feedArticles(values.feed.split(','))) : undefined;
  try {
    sink = await startChatSink({ port, quiet: values.quiet, only, ...(feed ? { feed } : {}) });
  } catch (err) {
    console.error(sinkStartError(err, port));
    process.exitCode = 1;
    return;
  }
  console.log(`chat sink listening on ${sink.url} (/slack /discord /telegram/bot<token>/sendMessage /teams /webhook${feed ? ' /feed.xml' : ''})`);
  // Closing the server (and its connections) leaves nothing to wait for: Node ends once stdout has drained.
  const stop = () => void sink.close();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
