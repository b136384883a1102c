/**
 * Threads end to end: the real worker (`[env.dev]`, local workerd) sends the Kerman stampede reports to a Slack
 * bot, a Discord webhook and a Telegram bot with threads on, all answered by the chat sink on 127.0.0.1. Each
 * platform must get one first message, replies naming it, and edits of it; a post the sink refuses once (500)
 * is retried without a second first message.
 */
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadArticles } from '../../scripts/lib/articles';
import { sendOne } from '../../scripts/lib/send';
import type { SinkRequest } from '../../scripts/chat-sink';
import { ROOT, sleep, startE2E, type E2E } from './harness';

const KERMAN = path.join(ROOT, 'fixtures/kerman-stampede');

let e2e: E2E | undefined;
afterAll(async () => {
  await e2e?.stop();
});

beforeAll(async () => {
  e2e = await startE2E({
    vars: (sink) => ({
      // Only the threaded destinations: the single-URL ones of [env.dev] are blanked (blank = unset).
      SLACK_WEBHOOK_URL: '',
      DISCORD_WEBHOOK_URL: '',
      TEAMS_WEBHOOK_URL: '',
      ALERT_WEBHOOK_URL: '',
      ALERT_WEBHOOK_SECRET: '',
      TELEGRAM_BOT_TOKEN: '',
      TELEGRAM_CHAT_ID: '',
      SLACK_API_BASE: `${sink}/slack/api`,
      SLACK_BOT_TOKEN_DESK: 'xoxb-dev-sink-not-a-real-token',
      DISCORD_DESK_URL: `${sink}/discord/desk`,
      TG_DESK_TOKEN: '123456:dev-local-sink-not-a-real-token',
      RETRY_BASE_SECONDS: '0',
      DESTINATIONS: JSON.stringify([
        { platform: 'slack', name: 'desk', secret: 'SLACK_BOT_TOKEN_DESK', channel: 'C0SINK', threads: true },
        { platform: 'discord', name: 'discord-desk', secret: 'DISCORD_DESK_URL', threads: true },
        { platform: 'telegram', name: 'tg-desk', secret: 'TG_DESK_TOKEN', chat_id: '-100123', threads: true },
      ]),
    }),
  });
}, 300_000);

/** Waits until the sink has seen no new request for `quietMs` (catches late or duplicate deliveries). */
async function settle(count: () => number, quietMs = 2500): Promise<void> {
  let last = -1;
  while (last !== count()) {
    last = count();
    await sleep(quietMs);
  }
}

const kind = (r: SinkRequest) => `${r.method} ${r.path.split('?')[0]}`;

it('each platform gets one first message, replies under it, and edits of it to the current figures; a refused post is retried once', async () => {
  const run = e2e!;
  // The sink refuses the first Slack call once (HTTP 500, nothing stored): the first message's retry must post it once.
  await fetch(`${run.sink.url}/_sink/fail`, { method: 'POST', body: JSON.stringify({ destination: 'slack', status: 500, count: 1 }) });
  for (const item of await loadArticles([KERMAN])) {
    const result = await sendOne(item, { url: run.url });
    expect(result.ok, JSON.stringify(result.error)).toBe(true);
  }
  // Three alerts per platform: a first message, then per update a reply and an edit.
  await run.sink.waitFor(15, { timeoutMs: 120_000 });
  await settle(() => run.sink.requests.length);

  const slack = run.sink.byDestination('slack');
  const posts = slack.filter((r) => kind(r) === 'POST /slack/api/chat.postMessage');
  expect(posts).toHaveLength(3);
  const firstTs = posts.find((p) => p.json?.thread_ts === undefined);
  expect(posts.filter((p) => p.json?.thread_ts === undefined)).toHaveLength(1);
  const edits = slack.filter((r) => kind(r) === 'POST /slack/api/chat.update');
  expect(edits.length).toBeGreaterThanOrEqual(2);
  expect(firstTs?.text).toContain('New incident: Kerman stampede (Iran)');
  expect(edits.at(-1)?.text).toContain('Kerman stampede (Iran)');
  expect(edits.at(-1)?.text).not.toContain('New incident');
  // Replies name one thread, and the edits are of that thread's first message.
  const threadTs = new Set(posts.map((p) => p.json?.thread_ts).filter((t) => t !== undefined));
  expect(threadTs.size).toBe(1);
  expect(new Set(edits.map((e) => e.json?.ts))).toEqual(threadTs);

  const discord = run.sink.byDestination('discord');
  expect(discord.filter((r) => r.method === 'POST')).toHaveLength(3);
  const patches = discord.filter((r) => r.method === 'PATCH');
  expect(patches.length).toBeGreaterThanOrEqual(2);
  expect(new Set(patches.map((r) => r.path)).size).toBe(1);

  const telegram = run.sink.byDestination('telegram');
  const sends = telegram.filter((r) => r.path.endsWith('/sendMessage'));
  expect(sends).toHaveLength(3);
  const firstId = sends.filter((s) => s.json?.reply_parameters === undefined);
  expect(firstId).toHaveLength(1);
  expect(new Set(sends.filter((s) => s.json?.reply_parameters !== undefined).map((s) => s.json.reply_parameters.message_id)).size).toBe(1);
  expect(telegram.filter((r) => r.path.endsWith('/editMessageText')).length).toBeGreaterThanOrEqual(2);
}, 240_000);
