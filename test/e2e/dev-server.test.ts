/**
 * The local development loop, end to end: the real worker (`[env.dev]`, local workerd, queues and Durable
 * Objects) + the chat sink + the send CLI's library. Sends fixtures/kerman-stampede and checks every alert
 * each destination received; then re-sends (via the actual CLI) and checks nothing new is alerted.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unstable_readConfig } from 'wrangler';
import { destinationsFromEnv } from '../../src/notify';
import { loadArticles, parseArticleFile } from '../../scripts/lib/articles';
import { formatResult, formatSummary, sendOne, summarize, type SendResult } from '../../scripts/lib/send';
import type { SinkDestination } from '../../scripts/chat-sink';
import { ROOT, sleep, startE2E, type E2E } from './harness';

const run = promisify(execFile);
const KERMAN = path.join(ROOT, 'fixtures/kerman-stampede');

/** Destinations `[env.dev]` configures; each alert goes to every one of them. */
const DESTINATIONS: SinkDestination[] = ['slack', 'discord', 'telegram', 'teams', 'webhook'];

/** What `npm run send -- fixtures/kerman-stampede` prints for a fresh worker, one line per article. */
const FIRST_SEND_LINES = [
  '01-seed.json → 2020-01-07-kerman-stampede  NEW killed 35, injured 48, threat: 13 revenge scenarios  [alert]',
  '02-toll-rises-state-media.json → 2020-01-07-kerman-stampede  killed 35 → 56 (+21), injured 48 → 213 (+165)  [alert]',
  '03-coroner-irna-59.json → 2020-01-07-kerman-stampede  killed 56 → 59 (+3), threat: at least 12 ballistic missiles (new), threat: 2 bases (new)  [alert]',
];

/** The Slack `text` fallback of each alert, in order. */
const SLACK_TEXTS = [
  'New incident: Kerman stampede (Iran) — killed 35, injured 48',
  'Kerman stampede (Iran) — killed 35 → 56 (+21), injured 48 → 213 (+165)',
  'Kerman stampede (Iran) — killed 56 → 59 (+3)',
];

/** Waits until the sink has seen no new request for `quietMs` (catches stray or duplicate deliveries). */
async function settle(e2e: E2E, quietMs = 2500): Promise<void> {
  let last = -1;
  while (last !== e2e.sink.requests.length) {
    last = e2e.sink.requests.length;
    await sleep(quietMs);
  }
}

describe('env.dev in wrangler.jsonc', () => {
  it('configures every destination with settings the worker accepts', () => {
    const config = unstable_readConfig({ config: path.join(ROOT, 'wrangler.jsonc'), env: 'dev' });
    // Throws DestinationConfigError naming the bad setting (then `npm run dev` would answer 500 to every article).
    const destinations = destinationsFromEnv(config.vars as Record<string, unknown>);
    expect(destinations.map((d) => d.name).sort()).toEqual([...DESTINATIONS].sort());
  });
});

describe('local dev loop: worker + chat sink + send', () => {
  let e2e: E2E;
  const countByDestination = () => Object.fromEntries(DESTINATIONS.map((d) => [d, e2e.sink.byDestination(d).length]));

  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.stop();
  });

  it('starts with every destination pointed at the sink', async () => {
    const res = await fetch(`${e2e.url}/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; destinations: Array<{ destination: string }> };
    expect(body.ok).toBe(true);
    expect(body.destinations.map((d) => d.destination).sort()).toEqual([...DESTINATIONS].sort());
  });

  it('sends the Kerman stampede in published order and alerts every destination once per change', async () => {
    const articles = await loadArticles([KERMAN]);
    expect(articles.map((a) => a.label)).toEqual(['01-seed.json', '02-toll-rises-state-media.json', '03-coroner-irna-59.json']);

    const results: SendResult[] = [];
    for (const article of articles) {
      const before = e2e.sink.received.length;
      const result = await sendOne(article, { url: e2e.url });
      results.push(result);
      // One article at a time, so alerts arrive in a known order.
      if (result.alert) await e2e.sink.waitFor(before + DESTINATIONS.length, { timeoutMs: 30_000 });
    }
    await settle(e2e);

    expect(results.map(formatResult)).toEqual(FIRST_SEND_LINES);
    expect(formatSummary(summarize(results))).toBe('sent 3, changed 3, duplicates 0, errors 0');
    expect(new Set(results.map((r) => r.incident))).toEqual(new Set(['2020-01-07-kerman-stampede']));

    // Exactly one delivery per alert per destination; no failures, no retries.
    expect(countByDestination()).toEqual(Object.fromEntries(DESTINATIONS.map((d) => [d, SLACK_TEXTS.length])));
    expect(e2e.sink.requests.length).toBe(e2e.sink.received.length);
    expect(e2e.sink.byDestination('slack').map((r) => r.json?.text)).toEqual(SLACK_TEXTS);

    // Every destination got the same alerts in the same order: its readable text opens with the Slack headline.
    for (const d of DESTINATIONS) {
      expect(e2e.sink.byDestination(d).map((r) => r.text.split('\n')[0]), d).toEqual(SLACK_TEXTS);
    }
    // Destination-specific wiring from [env.dev]: Telegram bot path and chat, signed generic webhook.
    for (const r of e2e.sink.byDestination('telegram')) {
      expect(r.path).toMatch(/^\/telegram\/bot[^/]+\/sendMessage$/);
      expect(String(r.json?.chat_id)).toBe('-100123');
    }
    expect(e2e.sink.byDestination('webhook').map((r) => r.signature)).toEqual(SLACK_TEXTS.map(() => 'valid'));
  });

  it('re-sending the same files (with the real CLI) is a no-op: duplicates, no new alerts', async () => {
    const before = countByDestination();
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/send.ts', '--url', e2e.url, 'fixtures/kerman-stampede'], {
      cwd: ROOT,
      env: { ...process.env, TOLLWATCH_WEBHOOK_SECRET: '', TOLLWATCH_TOKEN: '' },
      timeout: 60_000,
    });
    expect(stdout.trim().split('\n')).toEqual([
      `sending 3 articles to ${e2e.url}/v1/articles — unsigned`,
      '01-seed.json → 2020-01-07-kerman-stampede  (duplicate, no change)',
      '02-toll-rises-state-media.json → 2020-01-07-kerman-stampede  (duplicate, no change)',
      '03-coroner-irna-59.json → 2020-01-07-kerman-stampede  (duplicate, no change)',
      'sent 3, changed 0, duplicates 3, errors 0',
    ]);
    await settle(e2e);
    expect(countByDestination()).toEqual(before);
  });

  it('files the invented earthquake as its own incident, one alert per report, the missing count revised down', async () => {
    const before = countByDestination();
    const results: SendResult[] = [];
    for (const article of await loadArticles([path.join(ROOT, 'fixtures/dolores-alta-earthquake')])) {
      const received = e2e.sink.received.length;
      const result = await sendOne(article, { url: e2e.url });
      results.push(result);
      if (result.alert) await e2e.sink.waitFor(received + DESTINATIONS.length, { timeoutMs: 30_000 });
    }
    await settle(e2e);
    expect(results.every((r) => r.ok && !r.duplicate && r.alert)).toBe(true);
    const keys = new Set(results.map((r) => r.incident));
    expect(keys.size).toBe(1);
    expect(keys.has('2020-01-07-kerman-stampede')).toBe(false);
    expect(results.at(-1)!.changes.map((c) => [c.category, c.change])).toEqual([
      ['killed', 'up'],
      ['injured', 'up'],
      ['missing', 'down'],
      ['displaced', 'new'],
    ]);
    expect(countByDestination()).toEqual(Object.fromEntries(DESTINATIONS.map((d) => [d, before[d]! + 3])));
  });

  it('reports API errors with status and message', async () => {
    const [bad] = parseArticleFile('bad.json', JSON.stringify({ title: 'no text here' }));
    const result = await sendOne(bad!, { url: e2e.url });
    expect(result.ok).toBe(false);
    expect(result.status).toBe(400);
    expect(result.error?.code).toBe('invalid_article');
    expect(formatResult(result)).toMatch(/^bad\.json ✗ 400 invalid_article: .*text/);
  });

  it("runs the README's read-API curls as written (only the port differs): the dev token it names is accepted", async () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const block = /```sh\n(READ_TOKEN=[\s\S]*?)```/.exec(readme)?.[1];
    expect(block, 'the README block that sets READ_TOKEN and curls the read API').toBeDefined();
    // Each curl also prints its status on a line of its own, after the body.
    const script = block!.replaceAll('http://localhost:8787', e2e.url).replaceAll('curl -s ', `curl -s -w '\\n%{http_code}\\n' `);
    const { stdout } = await run('sh', ['-c', script], { cwd: ROOT, env: { ...process.env, READ_TOKEN: '' }, timeout: 60_000 });
    const statuses = stdout.split('\n').filter((line) => /^\d{3}$/.test(line)).map(Number);
    // incidents, one incident, mute, dead letters, redrive of a dead letter that does not exist, health.
    expect(statuses).toEqual([200, 200, 200, 200, 404, 200]);
  });
});
