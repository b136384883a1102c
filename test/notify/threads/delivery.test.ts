// One thread per incident, end to end through the queue consumer, against stand-ins for Slack, Discord and Telegram.
import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import worker from '../../../src/index';
import { ledger } from '../../../src/queue/consumer';
import type { Alert, AlertMessage } from '../../../src/schema';
import { captureOutbound } from '../../helpers';
import { kermanNew, kermanUpdate } from '../fixtures';
import { DISCORD_FORUM_HOOK, DISCORD_TEXT_HOOK, FakeChat, SLACK_API, SLACK_TOKEN, TELEGRAM_API, TELEGRAM_TOKEN, type FakeMessage } from './fake-chat';

afterEach(() => vi.restoreAllMocks());

const threaded = {
  ...env,
  DESTINATIONS: JSON.stringify([
    { platform: 'slack', name: 'desk', secret: 'SLACK_BOT_TOKEN_DESK', channel: 'C0THREADS', threads: true },
    { platform: 'discord', name: 'discord-text', secret: 'DISCORD_TEXT_URL', threads: true },
    { platform: 'discord', name: 'discord-forum', secret: 'DISCORD_FORUM_URL', threads: true, forum: true },
    { platform: 'telegram', name: 'tg-desk', secret: 'TG_DESK_TOKEN', chat_id: '-100777', threads: true },
    { platform: 'slack', name: 'desk-flat', secret: 'SLACK_BOT_TOKEN_DESK', channel: 'C0THREADS' },
  ]),
  SLACK_BOT_TOKEN_DESK: SLACK_TOKEN,
  SLACK_API_BASE: SLACK_API,
  DISCORD_TEXT_URL: DISCORD_TEXT_HOOK,
  DISCORD_FORUM_URL: DISCORD_FORUM_HOOK,
  TG_DESK_TOKEN: TELEGRAM_TOKEN,
  TELEGRAM_API_BASE: TELEGRAM_API,
};

let seq = 0;
/** The Kerman pair (35 killed and 48 injured, then killed 35 → 56) under a fresh incident key. */
function kerman(): { first: Alert; update: Alert } {
  const n = ++seq;
  const incident_key = `inc_thread_${n}_${Date.now()}`;
  return { first: { ...kermanNew, incident_key, alert_id: `${incident_key}:1` }, update: { ...kermanUpdate, incident_key, alert_id: `${incident_key}:2` } };
}

/** Runs the real queue handler on one batch; answers which messages were acked and which retried. */
async function consume(destination: string, alerts: Alert[], attempts = 1) {
  const batch = createMessageBatch<AlertMessage>(
    'tollwatch-alerts',
    alerts.map((alert, i) => ({ id: `m${i}`, timestamp: new Date(), attempts, body: { v: 1, destination, alert } })),
  );
  // getQueueResult (pool 0.15.1) drops a retry's delay: kept here.
  for (const m of batch.messages) {
    const original = m.retry.bind(m);
    m.retry = (options?: QueueRetryOptions) => {
      lastDelays.set(m.id, options?.delaySeconds);
      original(options);
    };
  }
  const ctx = createExecutionContext();
  await worker.queue(batch as MessageBatch<unknown>, threaded);
  const result = await getQueueResult(batch, ctx);
  return { acked: result.explicitAcks, retried: result.retryMessages.map((r: { msgId: string }) => r.msgId) };
}
const lastDelays = new Map<string, number | undefined>();

/** The text a message shows in its latest version, whatever the platform calls it. */
function shown(m: FakeMessage | undefined): string {
  const v = m?.versions.at(-1) ?? {};
  if (typeof v.text === 'string') return v.text;
  const embeds = v.embeds as Array<{ title?: string }> | undefined;
  return embeds?.[0]?.title ?? '';
}

const PLATFORMS = [
  { destination: 'desk', platform: 'slack', threads: true },
  { destination: 'discord-forum', platform: 'discord', threads: true },
  { destination: 'discord-text', platform: 'discord', threads: false },
  { destination: 'tg-desk', platform: 'telegram', threads: true },
] as const;

describe('one thread per incident', () => {
  for (const p of PLATFORMS) {
    it(`${p.destination}: the first alert opens a message, the update ${p.threads ? 'replies under it' : 'follows it'} and the first message is edited to the current figures`, async () => {
      const chat = new FakeChat();
      captureOutbound(chat.respond);
      const { first, update } = kerman();

      expect(await consume(p.destination, [first])).toEqual({ acked: ['m0'], retried: [] });
      expect(chat.of(p.platform)).toHaveLength(1);
      expect(shown(chat.of(p.platform)[0])).toContain('New incident: Kerman stampede (Iran) \u2014 killed 35, injured 48');

      expect(await consume(p.destination, [update])).toEqual({ acked: ['m0'], retried: [] });
      const [opening, reply] = chat.of(p.platform);
      expect(chat.of(p.platform)).toHaveLength(2);
      expect(shown(reply)).toContain('Kerman stampede (Iran) \u2014 killed 35 \u2192 56 (+21)');
      // Under the first message where the platform can thread; a Discord text channel webhook cannot.
      expect(reply?.parent).toBe(p.threads ? (opening?.id ?? 'missing') : null);
      // The first message now reads as the incident stands: both figures, current values, no "New incident".
      expect(opening?.versions).toHaveLength(2);
      expect(shown(opening)).toContain('Kerman stampede (Iran) \u2014 killed 56, injured 48');
      expect(shown(opening)).not.toContain('New incident');
      expect(await ledger(threaded).isDelivered(update.alert_id, p.destination)).toBe(true);
    });
  }

  it('a Discord forum post is named after the incident, and replies and edits name that post', async () => {
    const chat = new FakeChat();
    captureOutbound(chat.respond);
    const { first, update } = kerman();
    await consume('discord-forum', [first, update]);
    const posts = chat.requests.filter((r) => r.url.startsWith(DISCORD_FORUM_HOOK));
    expect(posts.map((r) => r.method)).toEqual(['post', 'post', 'edit']);
    expect(posts[0]?.body.thread_name).toBe('Kerman stampede (Iran)');
    const postId = chat.of('discord')[0]?.id ?? 'missing';
    expect(new URL(posts[1]?.url ?? '').searchParams.get('thread_id')).toBe(postId);
    expect(posts[1]?.body.thread_name).toBeUndefined();
    expect(new URL(posts[2]?.url ?? '').searchParams.get('thread_id')).toBe(postId);
  });

  it('a Slack bot without threads posts each alert on its own through chat.postMessage', async () => {
    const chat = new FakeChat();
    captureOutbound(chat.respond);
    const { first, update } = kerman();
    expect(await consume('desk-flat', [first, update])).toEqual({ acked: ['m0', 'm1'], retried: [] });
    expect(chat.requests.map((r) => r.method)).toEqual(['post', 'post']);
    expect(chat.of('slack').map((m) => m.parent)).toEqual([null, null]);
  });
});

describe('a reply never goes out before its first message', () => {
  it('an update that arrives while the first alert is still retrying waits, then replies under it', async () => {
    const chat = new FakeChat();
    captureOutbound(chat.respond);
    const { first, update } = kerman();
    chat.fail({ method: 'post', kind: '500-before' });
    expect(await consume('desk', [first])).toEqual({ acked: [], retried: ['m0'] });
    const openerDelay = lastDelays.get('m0') ?? 0;
    // The first alert holds the thread while it retries: the update is sent back to wait, posting nothing, and
    // comes back after the first alert's retry, not before it.
    expect(await consume('desk', [update])).toEqual({ acked: [], retried: ['m0'] });
    expect(chat.of('slack')).toHaveLength(0);
    expect(lastDelays.get('m0')).toBeGreaterThan(openerDelay);
    expect(lastDelays.get('m0')).toBeLessThanOrEqual(openerDelay + 2);

    expect(await consume('desk', [first], 2)).toEqual({ acked: ['m0'], retried: [] });
    expect(await consume('desk', [update], 2)).toEqual({ acked: ['m0'], retried: [] });
    const [opening, reply] = chat.of('slack');
    expect(chat.of('slack')).toHaveLength(2);
    expect(reply?.parent).toBe(opening?.id);
  });

  it('a first alert refused for good (dead-lettered) hands the thread to the next alert, which opens it', async () => {
    const chat = new FakeChat();
    captureOutbound(chat.respond);
    const { first, update } = kerman();
    chat.fail({ method: 'post', kind: '400' });
    expect(await consume('tg-desk', [first])).toEqual({ acked: ['m0'], retried: [] });
    expect(await consume('tg-desk', [update])).toEqual({ acked: ['m0'], retried: [] });
    expect(chat.of('telegram').map((m) => m.parent)).toEqual([null]);
    expect(shown(chat.of('telegram')[0])).toContain('killed 35 \u2192 56 (+21)');
  });

  it('an update delivered before the first alert opens the thread itself, and the first alert then replies', async () => {
    const chat = new FakeChat();
    captureOutbound(chat.respond);
    const { first, update } = kerman();
    await consume('tg-desk', [update]);
    await consume('tg-desk', [first]);
    const [opening, reply] = chat.of('telegram');
    expect(reply?.parent).toBe(opening?.id);
    // The older alert's figures do not roll the first message back: killed stays 56.
    expect(shown(opening)).toContain('killed 56, injured 48');
  });
});

describe('a retried delivery never posts twice', () => {
  for (const kind of ['500-after', 'timeout-after'] as const) {
    for (const p of PLATFORMS) {
      it(`${p.destination}: the first message's edit fails (${kind}); the retry edits again and posts no second reply`, async () => {
        const chat = new FakeChat();
        captureOutbound(chat.respond);
        const { first, update } = kerman();
        await consume(p.destination, [first]);
        chat.fail({ method: 'edit', kind });
        expect(await consume(p.destination, [update])).toEqual({ acked: [], retried: ['m0'] });
        expect(chat.of(p.platform)).toHaveLength(2);

        expect(await consume(p.destination, [update], 2)).toEqual({ acked: ['m0'], retried: [] });
        expect(chat.of(p.platform)).toHaveLength(2);
        expect(chat.requests.filter((r) => r.method === 'post')).toHaveLength(2);
        expect(shown(chat.of(p.platform)[0])).toContain('killed 56, injured 48');
      });
    }
  }

  it('a first message the platform failed to post (500) is posted once by the retry', async () => {
    const chat = new FakeChat();
    captureOutbound(chat.respond);
    const { first } = kerman();
    chat.fail({ method: 'post', kind: '500-before' });
    expect(await consume('discord-forum', [first])).toEqual({ acked: [], retried: ['m0'] });
    expect(await consume('discord-forum', [first], 2)).toEqual({ acked: ['m0'], retried: [] });
    expect(chat.of('discord')).toHaveLength(1);
  });

  it('a delivered alert offered again (queue redelivery, outbox re-offer) sends nothing', async () => {
    const chat = new FakeChat();
    captureOutbound(chat.respond);
    const { first, update } = kerman();
    await consume('desk', [first, update]);
    const sent = chat.requests.length;
    expect(await consume('desk', [update, first], 3)).toEqual({ acked: ['m0', 'm1'], retried: [] });
    expect(chat.requests).toHaveLength(sent);
  });

  it('two copies of one update in a batch give one reply', async () => {
    const chat = new FakeChat();
    captureOutbound(chat.respond);
    const { first, update } = kerman();
    await consume('tg-desk', [first]);
    expect((await consume('tg-desk', [update, update])).acked).toEqual(['m0', 'm1']);
    expect(chat.of('telegram')).toHaveLength(2);
  });

  it('Telegram: an edit that landed before its answer was lost counts as done when repeated ("message is not modified")', async () => {
    const chat = new FakeChat();
    captureOutbound(chat.respond);
    const { first, update } = kerman();
    await consume('tg-desk', [first]);
    chat.fail({ method: 'edit', kind: '500-after' });
    await consume('tg-desk', [update]);
    expect(await consume('tg-desk', [update], 2)).toEqual({ acked: ['m0'], retried: [] });
    expect(chat.of('telegram')[0]?.versions).toHaveLength(2);
  });
});

describe('Slack: a post whose answer was lost is found, not posted again', () => {
  for (const kind of ['500-after', 'timeout-after'] as const) {
    it(`the first message (${kind}): the retry reads the channel back, adopts the post it finds and replies under it`, async () => {
      const chat = new FakeChat();
      captureOutbound(chat.respond);
      const { first, update } = kerman();
      chat.fail({ method: 'post', kind });
      expect(await consume('desk', [first])).toEqual({ acked: [], retried: ['m0'] });
      expect(await consume('desk', [first], 2)).toEqual({ acked: ['m0'], retried: [] });
      expect(chat.of('slack')).toHaveLength(1);
      expect(chat.requests.filter((r) => r.method === 'lookup').map((r) => new URL(r.url).pathname)).toEqual(['/api/conversations.history']);

      await consume('desk', [update]);
      const [opening, reply] = chat.of('slack');
      expect(reply?.parent).toBe(opening?.id);
      expect(shown(opening)).toContain('killed 56, injured 48');
    });

    it(`a reply (${kind}): the retry reads the thread back and only edits the first message`, async () => {
      const chat = new FakeChat();
      captureOutbound(chat.respond);
      const { first, update } = kerman();
      await consume('desk', [first]);
      chat.fail({ method: 'post', kind });
      expect(await consume('desk', [update])).toEqual({ acked: [], retried: ['m0'] });
      expect(await consume('desk', [update], 2)).toEqual({ acked: ['m0'], retried: [] });
      expect(chat.of('slack')).toHaveLength(2);
      expect(chat.requests.filter((r) => r.method === 'lookup').map((r) => r.body.ts)).toEqual([chat.of('slack')[0]?.id]);
      expect(shown(chat.of('slack')[0])).toContain('killed 56, injured 48');
    });
  }

  it('a first try is not read back: nothing was sent before it', async () => {
    const chat = new FakeChat();
    captureOutbound(chat.respond);
    const { first, update } = kerman();
    await consume('desk', [first, update]);
    expect(chat.requests.filter((r) => r.method === 'lookup')).toEqual([]);
  });

  it('an app without channels:history cannot read back: the retry posts again (a repeat, never a loss)', async () => {
    const chat = new FakeChat();
    chat.slackCanRead = false;
    captureOutbound(chat.respond);
    const { first } = kerman();
    chat.fail({ method: 'post', kind: '500-after' });
    await consume('desk', [first]);
    expect(await consume('desk', [first], 2)).toEqual({ acked: ['m0'], retried: [] });
    expect(chat.of('slack')).toHaveLength(2);
  });

  it('a post that did not reach Slack (500 before storing) is looked for, not found, and posted once', async () => {
    const chat = new FakeChat();
    captureOutbound(chat.respond);
    const { first } = kerman();
    chat.fail({ method: 'post', kind: '500-before' });
    await consume('desk', [first]);
    await consume('desk', [first], 2);
    expect(chat.of('slack')).toHaveLength(1);
    expect(chat.requests.map((r) => r.method)).toEqual(['post', 'lookup', 'post']);
  });
});

describe('Discord webhooks and Telegram: a post whose answer was lost is posted again (at least once, never lost)', () => {
  // Neither Execute Webhook nor sendMessage takes an idempotency key, and neither can list what it posted.
  for (const p of [PLATFORMS[1], PLATFORMS[2], PLATFORMS[3]]) {
    it(`${p.destination}: a first message stored before its 500 is posted again; the thread continues under the second`, async () => {
      const chat = new FakeChat();
      captureOutbound(chat.respond);
      const { first, update } = kerman();
      chat.fail({ method: 'post', kind: '500-after' });
      expect(await consume(p.destination, [first])).toEqual({ acked: [], retried: ['m0'] });
      expect(await consume(p.destination, [first], 2)).toEqual({ acked: ['m0'], retried: [] });
      expect(chat.of(p.platform)).toHaveLength(2);
      expect(await consume(p.destination, [update])).toEqual({ acked: ['m0'], retried: [] });
      const [, opening, reply] = chat.of(p.platform);
      expect(reply?.parent).toBe(p.threads ? (opening?.id ?? 'missing') : null);
      expect(shown(opening)).toContain('killed 56, injured 48');
    });

    it(`${p.destination}: a reply stored before the answer timed out is posted again, once more, and the alert is delivered`, async () => {
      const chat = new FakeChat();
      captureOutbound(chat.respond);
      const { first, update } = kerman();
      await consume(p.destination, [first]);
      chat.fail({ method: 'post', kind: 'timeout-after' });
      expect(await consume(p.destination, [update])).toEqual({ acked: [], retried: ['m0'] });
      expect(await consume(p.destination, [update], 2)).toEqual({ acked: ['m0'], retried: [] });
      expect(chat.of(p.platform)).toHaveLength(3);
      expect(await consume(p.destination, [update], 3)).toEqual({ acked: ['m0'], retried: [] });
      expect(chat.of(p.platform)).toHaveLength(3);
    });
  }
});

describe('when the platform refuses', () => {
  it('a first message someone deleted cannot be edited: the reply still counts as delivered, and the refusal shows in the ledger', async () => {
    const chat = new FakeChat();
    captureOutbound(chat.respond);
    const { first, update } = kerman();
    await consume('discord-text', [first]);
    chat.messages.splice(0, chat.messages.length);
    expect(await consume('discord-text', [update])).toEqual({ acked: ['m0'], retried: [] });
    const status = (await ledger(threaded).status()).destinations.find((d) => d.destination === 'discord-text');
    expect(status?.last_failure).toContain('edit of the first message: HTTP 404: Unknown Message');
  });

  it('Slack answers 200 with ok:false: a revoked token is dead-lettered, not counted as delivered', async () => {
    captureOutbound(() => Response.json({ ok: false, error: 'token_revoked' }));
    const { first } = kerman();
    expect(await consume('desk', [first])).toEqual({ acked: ['m0'], retried: [] });
    expect(await ledger(threaded).isDelivered(first.alert_id, 'desk')).toBe(false);
    const letters = await ledger(threaded).listDeadLetters();
    expect(letters.find((l) => l.message.alert.alert_id === first.alert_id)?.reason).toBe('Slack chat.postMessage: token_revoked');
  });

  it('Slack rate limiting (429 ratelimited, Retry-After) is retried', async () => {
    captureOutbound(() => Response.json({ ok: false, error: 'ratelimited' }, { status: 429, headers: { 'retry-after': '3' } }));
    const { first } = kerman();
    expect(await consume('desk', [first])).toEqual({ acked: [], retried: ['m0'] });
  });
});
