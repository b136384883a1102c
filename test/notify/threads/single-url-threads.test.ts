// THREADS: the single-URL settings (DISCORD_WEBHOOK_URL, the Telegram bot) asking for one thread per incident without DESTINATIONS.
import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import worker from '../../../src/index';
import { destinationsFromEnv } from '../../../src/notify';
import { deliveryMode } from '../../../src/notify/threads';
import type { Alert, AlertMessage } from '../../../src/schema';
import { captureOutbound } from '../../helpers';
import { configError, kermanNew, kermanUpdate } from '../fixtures';
import { DISCORD_FORUM_HOOK, FakeChat, TELEGRAM_API, TELEGRAM_TOKEN } from './fake-chat';

afterEach(() => vi.restoreAllMocks());

const DISCORD = 'https://discord.com/api/webhooks/1/hooktoken';
const TELEGRAM = { TELEGRAM_BOT_TOKEN: '1:ABCDEFGHIJKLMNOPQRSTUVWXYZ', TELEGRAM_CHAT_ID: '-100123' };

describe('THREADS threads the single-URL settings', () => {
  it('"discord" and "telegram" make those destinations threaded, under their platform names', () => {
    const dests = destinationsFromEnv({ DISCORD_WEBHOOK_URL: DISCORD, ...TELEGRAM, THREADS: '["discord","telegram"]' });
    expect(dests.map((d) => ({ name: d.name, id: d.id, threads: 'threads' in d ? d.threads : undefined, forum: 'forum' in d ? d.forum : undefined }))).toEqual([
      { name: 'discord', id: undefined, threads: true, forum: undefined },
      { name: 'telegram', id: undefined, threads: true, forum: undefined },
    ]);
    expect(dests.map((d) => deliveryMode(d)?.mode)).toEqual(['thread', 'thread']);
  });

  it('"discord-forum" says the webhook posts into a forum: each incident opens a post', () => {
    const [discord] = destinationsFromEnv({ DISCORD_WEBHOOK_URL: DISCORD, THREADS: '["discord-forum"]' });
    expect(discord).toEqual({ name: 'discord', url: DISCORD, threads: true, forum: true });
  });

  it('a platform left out of THREADS, or no THREADS at all, posts one message per alert as before', () => {
    const dests = destinationsFromEnv({ DISCORD_WEBHOOK_URL: DISCORD, ...TELEGRAM, THREADS: '["telegram"]' });
    expect(deliveryMode(dests[0]!)).toBeNull();
    expect(deliveryMode(dests[1]!)?.mode).toBe('thread');
    expect(destinationsFromEnv({ DISCORD_WEBHOOK_URL: DISCORD, ...TELEGRAM }).map((d) => deliveryMode(d))).toEqual([null, null]);
    expect(destinationsFromEnv({ DISCORD_WEBHOOK_URL: DISCORD, THREADS: '  ' }).map((d) => deliveryMode(d))).toEqual([null]);
  });

  it('the filter from DESTINATION_FILTERS still applies to a threaded single-URL destination', () => {
    const [discord] = destinationsFromEnv({ DISCORD_WEBHOOK_URL: DISCORD, THREADS: '["discord"]', DESTINATION_FILTERS: '{"discord":{"min_toll":10}}' });
    expect(discord).toEqual({ name: 'discord', url: DISCORD, threads: true, filter: { min_toll: 10 } });
  });

  it('leaves DESTINATIONS entries alone: they ask for threads themselves', () => {
    const dests = destinationsFromEnv({
      ...TELEGRAM,
      THREADS: '["telegram"]',
      DESTINATIONS: JSON.stringify([{ platform: 'telegram', name: 'tg-desk', secret: 'TG_DESK', chat_id: '-1' }]),
      TG_DESK: TELEGRAM.TELEGRAM_BOT_TOKEN,
    });
    expect(dests.map((d) => [d.id ?? d.name, 'threads' in d ? d.threads : undefined])).toEqual([
      ['telegram', true],
      ['tg-desk', undefined],
    ]);
  });
});

describe('THREADS refused, naming the field and why', () => {
  it('a Slack incoming webhook cannot thread: pointed at a Slack bot in DESTINATIONS', () => {
    const e = configError({ SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T/B/X', THREADS: '["slack"]' });
    expect(e.message).toContain('THREADS.0: "slack" cannot thread: SLACK_WEBHOOK_URL is an incoming webhook');
    expect(e.message).toContain('DESTINATIONS with channel');
    expect(e.settings).toEqual(['THREADS']);
  });

  it('Teams and the signed webhook have no threads', () => {
    expect(configError({ TEAMS_WEBHOOK_URL: 'https://teams.example/x', THREADS: '["teams"]' }).message).toContain('THREADS.0: "teams" cannot thread');
    expect(configError({ ALERT_WEBHOOK_URL: 'https://hooks.example/x', THREADS: '["webhook"]' }).message).toContain('THREADS.0: "webhook" cannot thread');
  });

  it('a platform whose setting is not set is a typo, not a choice', () => {
    expect(configError({ DISCORD_WEBHOOK_URL: DISCORD, THREADS: '["discord","telegram"]' }).message).toContain('THREADS.1: "telegram" needs TELEGRAM_BOT_TOKEN, which is not set');
    expect(configError({ ...TELEGRAM, THREADS: '["discord-forum"]' }).message).toContain('THREADS.0: "discord-forum" needs DISCORD_WEBHOOK_URL, which is not set');
  });

  it('an unknown value lists the ones there are; a Discord webhook is a text channel or a forum, not both', () => {
    expect(configError({ DISCORD_WEBHOOK_URL: DISCORD, THREADS: '["Discord"]' }).message).toContain('THREADS.0: "Discord" is not one of discord, discord-forum, telegram');
    expect(configError({ DISCORD_WEBHOOK_URL: DISCORD, THREADS: '["discord","discord-forum"]' }).message).toContain('THREADS.1: DISCORD_WEBHOOK_URL posts into a text channel ("discord") or a forum ("discord-forum"), not both');
    expect(configError({ DISCORD_WEBHOOK_URL: DISCORD, THREADS: '["discord","discord"]' }).message).toContain('THREADS.1: "discord" is listed twice');
  });

  it('/health answers 503 with the field and why, and never quotes the webhook URL', async () => {
    const res = await worker.fetch(new Request('http://tollwatch.test/health'), { ...env, DISCORD_WEBHOOK_URL: `${DISCORD}SECRETPART`, THREADS: '["slack","discord"]' }, createExecutionContext());
    expect(res.status).toBe(503);
    const body = (await res.json()) as { ok: boolean; config_error: string };
    expect(body.ok).toBe(false);
    expect(body.config_error).toContain('THREADS.0: "slack" cannot thread');
    expect(body.config_error).not.toContain('SECRETPART');
  });

  it('THREADS is a JSON list: a bare word or an object is refused with an example', () => {
    expect(configError({ DISCORD_WEBHOOK_URL: DISCORD, THREADS: 'discord' }).message).toContain('THREADS: must be valid JSON, e.g. ["discord","telegram"]');
    expect(configError({ DISCORD_WEBHOOK_URL: DISCORD, THREADS: '{"discord":true}' }).message).toContain('THREADS: ');
  });
});

describe('a threaded single-URL destination delivers as a DESTINATIONS entry with threads does', () => {
  const single = { ...env, DISCORD_WEBHOOK_URL: DISCORD_FORUM_HOOK, TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN, TELEGRAM_CHAT_ID: '-100555', TELEGRAM_API_BASE: TELEGRAM_API, THREADS: '["discord-forum","telegram"]' };

  async function consume(destination: string, alerts: Alert[]) {
    const batch = createMessageBatch<AlertMessage>('tollwatch-alerts', alerts.map((alert, i) => ({ id: `m${i}`, timestamp: new Date(), attempts: 1, body: { v: 1, destination, alert } })));
    const ctx = createExecutionContext();
    await worker.queue(batch as MessageBatch<unknown>, single);
    return (await getQueueResult(batch, ctx)).explicitAcks;
  }

  for (const [destination, platform] of [['discord', 'discord'], ['telegram', 'telegram']] as const) {
    it(`${destination}: the Kerman update replies under the first alert, whose message is edited to killed 56`, async () => {
      const chat = new FakeChat();
      captureOutbound(chat.respond);
      const incident_key = `inc_single_${destination}_${Date.now()}`;
      expect(await consume(destination, [{ ...kermanNew, incident_key, alert_id: `${incident_key}:1` }])).toEqual(['m0']);
      expect(await consume(destination, [{ ...kermanUpdate, incident_key, alert_id: `${incident_key}:2` }])).toEqual(['m0']);
      const [opening, reply] = chat.of(platform);
      expect(chat.of(platform)).toHaveLength(2);
      expect(reply?.parent).toBe(opening?.id);
      expect(opening?.versions).toHaveLength(2);
      const last = opening?.versions.at(-1) ?? {};
      const shown = typeof last.text === 'string' ? last.text : ((last.embeds as Array<{ title?: string }> | undefined)?.[0]?.title ?? '');
      expect(shown).toContain('Kerman stampede (Iran) \u2014 killed 56, injured 48');
    });
  }
});
