// Alert delivery by the queue consumer: acks, retries after Retry-After and with backoff, dead letters and re-drives, each alert once per destination.
import { exports } from 'cloudflare:workers';
import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import worker, { app } from '../../src/index';
import { ledger, MAX_ATTEMPTS } from '../../src/queue/consumer';
import type { Alert, AlertMessage } from '../../src/schema';
import { captured, captureOutbound, READ_TOKEN, SLACK_URL } from '../helpers';
import { env } from '../security/state';

const DISCORD_URL = 'https://discord.test/api/webhooks/123/abc';
afterEach(() => vi.restoreAllMocks());

let seq = 0;
function alertMessage(destination: AlertMessage['destination'] = 'slack', alertId = `delivery-test:v${++seq}`): AlertMessage {
  const alert: Alert = {
    v: 1,
    alert_id: alertId,
    incident_key: 'delivery-test',
    incident_title: 'Delivery test explosion',
    incident_type: 'explosion',
    places: ['Testville'],
    is_new_incident: false,
    changes: [{ kind: 'casualty', category: 'killed', from: { value: 3, qualifier: 'exact' }, to: { value: 5, qualifier: 'exact' }, change: 'up', quote: '5 people were killed.' }],
    outlet: 'Example Wire',
    published_ms: Date.parse('2026-03-02T08:00:00Z'),
    created_ms: Date.parse('2026-03-02T08:00:01Z'),
    corroboration: { killed: 1 },
  };
  return { v: 1, destination, alert };
}

/** Runs the real queue handler on a hand-made batch and returns what it did with each message. */
async function consume(messages: Array<{ body: unknown; attempts?: number }>, overrides: Record<string, unknown> = {}) {
  const batch = createMessageBatch(
    'tollwatch-alerts',
    messages.map((m, i) => ({ id: `m${i}`, timestamp: new Date(), attempts: m.attempts ?? 1, body: m.body })),
  );
  // getQueueResult (pool 0.15.1) reports which messages were retried but drops the delay: record it here.
  const delays = new Map<string, number | undefined>();
  for (const m of batch.messages) {
    const original = m.retry.bind(m);
    m.retry = (options?: QueueRetryOptions) => {
      delays.set(m.id, options?.delaySeconds);
      original(options);
    };
  }
  const ctx = createExecutionContext();
  await worker.queue(batch as MessageBatch<unknown>, { ...env, ...overrides } as typeof env);
  const result = await getQueueResult(batch, ctx);
  return { ...result, retryMessages: result.retryMessages.map((r: { msgId: string }) => ({ msgId: r.msgId, delaySeconds: delays.get(r.msgId) })) };
}

async function deadLetters(): Promise<Array<{ id: number; alert_id: string; destination: string; reason: string }>> {
  const res = await exports.default.fetch('http://tollwatch.test/v1/dead-letters', { headers: { authorization: `Bearer ${READ_TOKEN}` } });
  expect(res.status).toBe(200);
  return (await res.json<{ dead_letters: Array<{ id: number; alert_id: string; destination: string; reason: string }> }>()).dead_letters;
}

const deadLetterFor = async (alertId: string) => (await deadLetters()).find((d) => d.alert_id === alertId);

describe('alert delivery (queue consumer)', () => {
  it('2xx → acked and marked delivered; a redelivery is acked without a second request', async () => {
    const spy = captureOutbound(() => new Response('ok'));
    const msg = alertMessage();
    const first = await consume([{ body: msg }]);
    expect(first.explicitAcks).toEqual(['m0']);
    expect(first.retryMessages).toEqual([]);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]?.[0]).toBe(SLACK_URL);
    expect(await ledger(env).isDelivered(msg.alert.alert_id, 'slack')).toBe(true);

    const again = await consume([{ body: msg, attempts: 2 }]);
    expect(again.explicitAcks).toEqual(['m0']);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('429 with Retry-After → retried after exactly that delay, not dead-lettered', async () => {
    captureOutbound(() => new Response('rate_limited', { status: 429, headers: { 'retry-after': '7' } }));
    const msg = alertMessage();
    const result = await consume([{ body: msg }]);
    expect(result.explicitAcks).toEqual([]);
    expect(result.retryMessages).toEqual([{ msgId: 'm0', delaySeconds: 7 }]);
    expect(await ledger(env).isDelivered(msg.alert.alert_id, 'slack')).toBe(false);
  });

  it('429 with an HTTP-date Retry-After and Discord-style JSON retry_after are honoured too', async () => {
    captureOutbound(() => new Response(JSON.stringify({ message: 'You are being rate limited.', retry_after: 2.5, global: false }), { status: 429, headers: { 'content-type': 'application/json' } }));
    const discord = await consume([{ body: alertMessage('discord') }], { DISCORD_WEBHOOK_URL: DISCORD_URL });
    expect(discord.retryMessages).toEqual([{ msgId: 'm0', delaySeconds: 3 }]);

    vi.restoreAllMocks();
    captureOutbound(() => new Response('', { status: 429, headers: { 'retry-after': new Date(Date.now() + 30_000).toUTCString() } }));
    const dated = await consume([{ body: alertMessage() }]);
    expect(dated.retryMessages[0]?.delaySeconds).toBeGreaterThanOrEqual(28);
    expect(dated.retryMessages[0]?.delaySeconds).toBeLessThanOrEqual(31);
  });

  it('500 → retried with exponential backoff (10 s, 20 s, 40 s …; base settable for drills)', async () => {
    captureOutbound(() => new Response('oops', { status: 500 }));
    const delays: number[] = [];
    for (const attempts of [1, 2, 3, 4]) {
      const r = await consume([{ body: alertMessage(), attempts }]);
      expect(r.explicitAcks).toEqual([]);
      delays.push(r.retryMessages[0]?.delaySeconds ?? -1);
    }
    expect(delays).toEqual([10, 20, 40, 80]);
    const fast: number[] = [];
    for (const attempts of [1, 2, 3]) fast.push((await consume([{ body: alertMessage(), attempts }], { RETRY_BASE_SECONDS: '0.5' })).retryMessages[0]?.delaySeconds ?? -1);
    expect(fast).toEqual([1, 2, 4]);
    // A service's own delay is never rescaled.
    vi.restoreAllMocks();
    captureOutbound(() => new Response('', { status: 429, headers: { 'retry-after': '7' } }));
    expect((await consume([{ body: alertMessage() }], { RETRY_BASE_SECONDS: '0.5' })).retryMessages).toEqual([{ msgId: 'm0', delaySeconds: 7 }]);
  });

  it('network error (fetch throws) → retried with backoff', async () => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Network connection lost.'));
    const msg = alertMessage();
    const r = await consume([{ body: msg, attempts: 2 }]);
    expect(r.explicitAcks).toEqual([]);
    expect(r.retryMessages).toEqual([{ msgId: 'm0', delaySeconds: 20 }]);
    expect(await deadLetterFor(msg.alert.alert_id)).toBeUndefined();
  });

  it('404, 410, 403, 400 → dead-lettered at once with the reason, visible in GET /v1/dead-letters', async () => {
    for (const status of [404, 410, 403, 400]) {
      vi.restoreAllMocks();
      captureOutbound(() => new Response(status === 404 ? 'channel_not_found' : 'no', { status }));
      const msg = alertMessage();
      const r = await consume([{ body: msg }]);
      expect(r.explicitAcks, String(status)).toEqual(['m0']);
      expect(r.retryMessages).toEqual([]);
      await vi.waitUntil(() => deadLetterFor(msg.alert.alert_id), { timeout: 5000, interval: 50 });
      expect((await deadLetterFor(msg.alert.alert_id))?.reason).toContain(`HTTP ${status}`);
    }
  });

  it(`attempts exhausted (${MAX_ATTEMPTS}) → dead-lettered, not retried`, async () => {
    captureOutbound(() => new Response('down', { status: 503 }));
    const msg = alertMessage();
    const r = await consume([{ body: msg, attempts: MAX_ATTEMPTS }]);
    expect(r.explicitAcks).toEqual(['m0']);
    expect(r.retryMessages).toEqual([]);
    await vi.waitUntil(() => deadLetterFor(msg.alert.alert_id), { timeout: 5000, interval: 50 });
    expect((await deadLetterFor(msg.alert.alert_id))?.reason).toMatch(new RegExp(`gave up after ${MAX_ATTEMPTS} attempts: HTTP 503`));
    // The limit is a setting for drills.
    const quick = await consume([{ body: alertMessage(), attempts: 3 }], { MAX_DELIVERY_ATTEMPTS: '3' });
    expect(quick.explicitAcks).toEqual(['m0']);
  });

  it('a batch to two destinations: each destination gets its alerts once and in batch order, all marked delivered', async () => {
    const spy = captureOutbound(async (url) => {
      // Slack answers slowly: Discord's posts must not wait behind it, nor Slack's own order change.
      if (url === SLACK_URL) await new Promise((r) => setTimeout(r, 20));
      return new Response('ok');
    });
    const ids = [1, 2, 3].map((n) => `delivery-order-${seq}:v${n}`);
    const messages = ids.flatMap((id, n) =>
      (['slack', 'discord'] as const).map((d) => {
        const m = alertMessage(d, id);
        m.alert.incident_title = `Order marker ${n}`;
        return m;
      }),
    );
    const r = await consume(messages.map((body) => ({ body })), { DISCORD_WEBHOOK_URL: DISCORD_URL });
    expect(r.explicitAcks.sort()).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5']);
    const posted = (u: string) => captured(spy).filter((c) => c.url === u).map((c) => [0, 1, 2].find((n) => c.body.includes(`Order marker ${n}`)));
    expect(posted(SLACK_URL)).toEqual([0, 1, 2]);
    expect(posted(DISCORD_URL)).toEqual([0, 1, 2]);
    for (const id of ids) for (const d of ['slack', 'discord']) expect(await ledger(env).isDelivered(id, d)).toBe(true);
  });

  it('one failing message does not hold back or duplicate the others in its batch', async () => {
    const spy = captureOutbound((_url, init) => (String(init?.body).includes('BADMARKER') ? new Response('x', { status: 500 }) : new Response('ok')));
    const good1 = alertMessage();
    const bad = alertMessage();
    bad.alert.incident_title = 'BADMARKER';
    const good2 = alertMessage();
    const r = await consume([{ body: good1 }, { body: bad }, { body: good2 }, { body: { not: 'an alert' } }]);
    expect(r.explicitAcks.sort()).toEqual(['m0', 'm2', 'm3']);
    expect(r.retryMessages.map((m: { msgId: string }) => m.msgId)).toEqual(['m1']);
    expect(r.retryBatch.retry).toBe(false);
    expect(spy).toHaveBeenCalledTimes(3);
  });

  it('re-drive through the real queue delivers once; a second re-drive finds nothing', async () => {
    captureOutbound(() => new Response('gone', { status: 410 }));
    const msg = alertMessage();
    await consume([{ body: msg }]);
    await vi.waitUntil(() => deadLetterFor(msg.alert.alert_id), { timeout: 5000, interval: 50 });
    const letter = (await deadLetterFor(msg.alert.alert_id))!;

    vi.restoreAllMocks();
    const spy = captureOutbound(() => new Response('ok'));
    const redrive = () =>
      exports.default.fetch(`http://tollwatch.test/v1/dead-letters/${letter.id}/redrive`, { method: 'POST', headers: { authorization: `Bearer ${READ_TOKEN}`, 'content-type': 'application/json' }, body: '{}' });
    expect((await redrive()).status).toBe(202);
    await vi.waitUntil(() => spy.mock.calls.length === 1, { timeout: 8000, interval: 50 });
    await vi.waitUntil(() => ledger(env).isDelivered(msg.alert.alert_id, 'slack'), { timeout: 5000, interval: 50 });
    expect(await deadLetterFor(msg.alert.alert_id)).toBeUndefined();
    expect((await redrive()).status).toBe(404);
    await new Promise((r) => setTimeout(r, 1500));
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('a re-drive the queue refuses keeps the dead letter (503), so nothing is lost', async () => {
    captureOutbound(() => new Response('bad', { status: 400 }));
    const msg = alertMessage();
    await consume([{ body: msg }]);
    await vi.waitUntil(() => deadLetterFor(msg.alert.alert_id), { timeout: 5000, interval: 50 });
    const letter = (await deadLetterFor(msg.alert.alert_id))!;
    const brokenQueue = { send: async () => Promise.reject(new Error('Queue send failed: internal error')), sendBatch: async () => Promise.reject(new Error('x')) };
    const res = await app.request(
      `http://tollwatch.test/v1/dead-letters/${letter.id}/redrive`,
      { method: 'POST', headers: { authorization: `Bearer ${READ_TOKEN}`, 'content-type': 'application/json' }, body: '{}' },
      { ...env, ALERTS: brokenQueue },
    );
    expect(res.status).toBe(503);
    expect((await res.json<{ error: { code: string } }>()).error.code).toBe('queue_unavailable');
    expect(await deadLetterFor(msg.alert.alert_id)).toBeDefined();
  });

  it('/health shows the dead-letter depth and the last delivery per destination', async () => {
    captureOutbound(() => new Response('ok'));
    const msg = alertMessage();
    await consume([{ body: msg }]);
    const health = await (await exports.default.fetch('http://tollwatch.test/health')).json<{
      ok: boolean;
      dead_letters: number;
      destinations: Array<{ destination: string; last_delivered: string | null; last_alert_id: string | null; last_failure_reason: string | null }>;
    }>();
    expect(health.ok).toBe(true);
    expect(health.dead_letters).toBe((await deadLetters()).length);
    expect(health.dead_letters).toBeGreaterThan(0);
    const slack = health.destinations.find((d) => d.destination === 'slack');
    expect(slack?.last_alert_id).toBe(msg.alert.alert_id);
    expect(Date.now() - Date.parse(slack?.last_delivered ?? '')).toBeLessThan(60_000);
    // Nothing secret in the public health answer: no destination URL.
    expect(JSON.stringify(health)).not.toContain(new URL(SLACK_URL).host);
  });
});
