// A Discord bot (Create Message with an enforced nonce): one thread per incident, and a post whose answer was lost is not posted twice.
import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import worker from '../../../src/index';
import { destinationsFromEnv } from '../../../src/notify';
import { buildDigestRequest } from '../../../src/notify/digest-request';
import { DISCORD_NONCE_MAX, discordNonce, deliveryMode, editFirstRequest, firstMessageRequest, replyRequest, type ApiDestination } from '../../../src/notify/threads';
import { ledger } from '../../../src/queue/consumer';
import type { Alert, AlertMessage } from '../../../src/schema';
import { captureOutbound } from '../../helpers';
import { configError, kermanNew, kermanUpdate } from '../fixtures';
import { DISCORD_BOT_API, DISCORD_BOT_TOKEN, DISCORD_CHANNEL, FakeChat, type FakeMessage } from './fake-chat';

afterEach(() => vi.restoreAllMocks());

const list = (...entries: unknown[]) => JSON.stringify(entries);
const bots = {
  ...env,
  DESTINATIONS: list(
    { platform: 'discord', name: 'discord-bot', secret: 'DISCORD_BOT_TOKEN_DESK', channel: DISCORD_CHANNEL, threads: true, api_base: DISCORD_BOT_API },
    { platform: 'discord', name: 'discord-bot-flat', secret: 'DISCORD_BOT_TOKEN_DESK', channel: DISCORD_CHANNEL, api_base: DISCORD_BOT_API },
  ),
  DISCORD_BOT_TOKEN_DESK: DISCORD_BOT_TOKEN,
};

/** A configured destination by its DESTINATIONS name (the test env may configure single-URL ones too). */
function named(name: string) {
  const dest = destinationsFromEnv(bots).find((d) => d.id === name);
  if (!dest) throw new Error(`${name} is not configured`);
  return dest;
}

let seq = 0;
function kerman(): { first: Alert; update: Alert } {
  const incident_key = `inc_discord_bot_${++seq}_${Date.now()}`;
  return { first: { ...kermanNew, incident_key, alert_id: `${incident_key}:1` }, update: { ...kermanUpdate, incident_key, alert_id: `${incident_key}:2` } };
}

async function consume(destination: string, alerts: Alert[], attempts = 1) {
  const batch = createMessageBatch<AlertMessage>('tollwatch-alerts', alerts.map((alert, i) => ({ id: `m${i}`, timestamp: new Date(), attempts, body: { v: 1, destination, alert } })));
  const ctx = createExecutionContext();
  await worker.queue(batch as MessageBatch<unknown>, bots);
  const result = await getQueueResult(batch, ctx);
  return { acked: result.explicitAcks, retried: result.retryMessages.map((r: { msgId: string }) => r.msgId) };
}

const title = (m: FakeMessage | undefined) => ((m?.versions.at(-1)?.embeds as Array<{ title?: string }> | undefined)?.[0]?.title ?? '');

describe('a Discord bot destination', () => {
  it('channel makes secret a bot token: alerts go to Create Message in that channel', () => {
    expect(named('discord-bot')).toEqual({ name: 'discord', id: 'discord-bot', url: `${DISCORD_BOT_API}/channels/${DISCORD_CHANNEL}/messages`, token: DISCORD_BOT_TOKEN, channel: DISCORD_CHANNEL, api_base: DISCORD_BOT_API, threads: true });
    const public_ = destinationsFromEnv({ DESTINATIONS: list({ platform: 'discord', name: 'd', secret: 'T', channel: DISCORD_CHANNEL }), T: DISCORD_BOT_TOKEN })[0];
    expect(public_).toMatchObject({ api_base: 'https://discord.com/api/v10', url: `https://discord.com/api/v10/channels/${DISCORD_CHANNEL}/messages` });
    expect(deliveryMode(public_!)?.mode).toBe('flat');
  });

  it('a webhook URL where the bot token belongs, a channel name, or a forum are refused, naming the field', () => {
    const hook = configError({ DESTINATIONS: list({ platform: 'discord', name: 'd', secret: 'U', channel: DISCORD_CHANNEL }), U: 'https://discord.com/api/webhooks/1/SECRETPART' });
    expect(hook.message).toContain('DESTINATIONS.0.secret: U must be a Discord bot token');
    expect(hook.message).not.toContain('SECRETPART');
    expect(configError({ DESTINATIONS: list({ platform: 'discord', name: 'd', secret: 'T', channel: '#desk' }), T: DISCORD_BOT_TOKEN }).message).toContain('DESTINATIONS.0.channel: must be a Discord channel id');
    expect(configError({ DESTINATIONS: list({ platform: 'discord', name: 'd', secret: 'T', channel: DISCORD_CHANNEL, threads: true, forum: true }), T: DISCORD_BOT_TOKEN }).message).toContain(
      'DESTINATIONS.0.forum: is only for a discord webhook',
    );
  });
});

describe('Create Message requests carry a nonce Discord enforces', () => {
  const bot = deliveryMode(named('discord-bot'))?.dest as ApiDestination;
  const other = deliveryMode(named('discord-bot-flat'))?.dest as ApiDestination;
  const body = (r: { init: { body: string } } | null) => JSON.parse(r?.init.body ?? '{}') as Record<string, unknown>;

  it('the same for every try of one alert to one destination, different for another alert or destination, at most 25 characters', () => {
    const a = body(firstMessageRequest(bot, kermanNew));
    expect(a.enforce_nonce).toBe(true);
    expect(a.nonce).toBe(body(firstMessageRequest(bot, kermanNew)).nonce);
    expect(a.nonce).toBe(discordNonce(kermanNew.alert_id, 'discord-bot'));
    expect(body(firstMessageRequest(other, kermanNew)).nonce).not.toBe(a.nonce);
    expect(body(firstMessageRequest(bot, kermanUpdate)).nonce).not.toBe(a.nonce);
    expect(String(a.nonce).length).toBeLessThanOrEqual(DISCORD_NONCE_MAX);
  });

  it('a reply references the first message (not failing if it was deleted); the edit is Edit Message; both authorise as the bot', () => {
    const reply = replyRequest(bot, { platform: 'discord', id: '555' }, kermanUpdate);
    expect(reply.url).toBe(`${DISCORD_BOT_API}/channels/${DISCORD_CHANNEL}/messages`);
    expect(reply.init.headers.authorization).toBe(`Bot ${DISCORD_BOT_TOKEN}`);
    expect(body(reply).message_reference).toEqual({ message_id: '555', fail_if_not_exists: false });
    const edit = editFirstRequest(bot, { platform: 'discord', id: '555' }, kermanUpdate);
    expect(edit?.init.method).toBe('PATCH');
    expect(edit?.url).toBe(`${DISCORD_BOT_API}/channels/${DISCORD_CHANNEL}/messages/555`);
    expect(body(edit).nonce).toBeUndefined();
  });

  it('the digest carries its own nonce', async () => {
    const digest = { end_ms: Date.UTC(2026, 11, 5, 7), incidents: [] };
    const req = await buildDigestRequest(named('discord-bot'), digest, 'digest:2026-12-05', Date.UTC(2026, 11, 5, 7));
    expect(req.url).toBe(`${DISCORD_BOT_API}/channels/${DISCORD_CHANNEL}/messages`);
    expect(body(req)).toMatchObject({ nonce: discordNonce('digest:2026-12-05', 'discord-bot'), enforce_nonce: true });
  });
});

describe('a Discord bot thread', () => {
  it('the first alert opens a message, the update replies to it and the first message is edited to the current figures', async () => {
    const chat = new FakeChat();
    captureOutbound(chat.respond);
    const { first, update } = kerman();
    expect(await consume('discord-bot', [first])).toEqual({ acked: ['m0'], retried: [] });
    expect(await consume('discord-bot', [update])).toEqual({ acked: ['m0'], retried: [] });
    const [opening, reply] = chat.of('discord');
    expect(chat.of('discord')).toHaveLength(2);
    expect(reply?.parent).toBe(opening?.id);
    expect(title(reply)).toContain('killed 35 \u2192 56 (+21)');
    expect(title(opening)).toContain('Kerman stampede (Iran) \u2014 killed 56, injured 48');
  });
});

describe('Discord bot: a post whose answer was lost is not posted again', () => {
  for (const kind of ['500-after', 'timeout-after'] as const) {
    it(`the first message (${kind}): the retry's Create Message answers the stored message, which the update then replies to`, async () => {
      const chat = new FakeChat();
      captureOutbound(chat.respond);
      const { first, update } = kerman();
      chat.fail({ method: 'post', kind });
      expect(await consume('discord-bot', [first])).toEqual({ acked: [], retried: ['m0'] });
      expect(chat.of('discord')).toHaveLength(1);
      expect(await consume('discord-bot', [first], 2)).toEqual({ acked: ['m0'], retried: [] });
      expect(chat.of('discord')).toHaveLength(1);
      await consume('discord-bot', [update]);
      const [opening, reply] = chat.of('discord');
      expect(chat.of('discord')).toHaveLength(2);
      expect(reply?.parent).toBe(opening?.id);
      expect(title(opening)).toContain('killed 56, injured 48');
    });

    it(`a reply (${kind}): the retry gets the stored reply back and only edits the first message`, async () => {
      const chat = new FakeChat();
      captureOutbound(chat.respond);
      const { first, update } = kerman();
      await consume('discord-bot', [first]);
      chat.fail({ method: 'post', kind });
      expect(await consume('discord-bot', [update])).toEqual({ acked: [], retried: ['m0'] });
      expect(await consume('discord-bot', [update], 2)).toEqual({ acked: ['m0'], retried: [] });
      expect(chat.of('discord')).toHaveLength(2);
      expect(title(chat.of('discord')[0])).toContain('killed 56, injured 48');
      expect(await ledger(bots).isDelivered(update.alert_id, 'discord-bot')).toBe(true);
    });
  }

  it('without threads too: each alert is one Create Message, and a lost answer is not a second message', async () => {
    const chat = new FakeChat();
    captureOutbound(chat.respond);
    const { first } = kerman();
    chat.fail({ method: 'post', kind: '500-after' });
    expect(await consume('discord-bot-flat', [first])).toEqual({ acked: [], retried: ['m0'] });
    expect(await consume('discord-bot-flat', [first], 2)).toEqual({ acked: ['m0'], retried: [] });
    expect(chat.of('discord')).toHaveLength(1);
  });

  it('a retry later than Discord keeps the nonce posts again: a repeat, never a loss', async () => {
    const chat = new FakeChat();
    captureOutbound(chat.respond);
    const { first } = kerman();
    chat.fail({ method: 'post', kind: '500-after' });
    await consume('discord-bot-flat', [first]);
    chat.ageDiscordNonces(chat.discordNonceWindowMs + 1);
    expect(await consume('discord-bot-flat', [first], 6)).toEqual({ acked: ['m0'], retried: [] });
    expect(chat.of('discord')).toHaveLength(2);
  });
});
