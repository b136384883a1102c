// The queue consumer sends each destination exactly the request its formatter builds, and acks what was delivered.
import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import worker from '../src/index';
import { buildDeliveryRequest, destinationsFromEnv } from '../src/notify';
import { DESTINATIONS, type AlertMessage } from '../src/schema';
import { kermanUpdate } from './notify/fixtures';
import { captured, captureOutbound } from './helpers';

// Every destination configured at once, as a deploy with all five would be.
const allDestinations = {
  ...env,
  SLACK_WEBHOOK_URL: 'https://hooks.slack.test/services/T1/B1/all',
  DISCORD_WEBHOOK_URL: 'https://discord.test/api/webhooks/1/abc',
  TELEGRAM_BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  TELEGRAM_CHAT_ID: '-1001234',
  TELEGRAM_API_BASE: 'https://telegram.test',
  TEAMS_WEBHOOK_URL: 'https://teams.test/workflows/1',
  ALERT_WEBHOOK_URL: 'https://receiver.test/tollwatch',
  ALERT_WEBHOOK_SECRET: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
};

afterEach(() => vi.restoreAllMocks());

describe('the queue consumer posts exactly what each formatter builds', () => {
  it('sends one request per destination, byte for byte, and acks all', async () => {
    const spy = captureOutbound(() => new Response('ok'));
    const alert = { ...kermanUpdate, alert_id: `dest-${Date.now()}` };
    const batch = createMessageBatch<AlertMessage>(
      'tollwatch-alerts',
      DESTINATIONS.map((destination, i) => ({ id: `m${i}`, timestamp: new Date(), attempts: 1, body: { v: 1, destination, alert } })),
    );
    const ctx = createExecutionContext();
    await worker.queue(batch as MessageBatch<unknown>, allDestinations);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks.sort()).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    expect(result.retryMessages).toEqual([]);

    const sent = captured(spy);
    expect(sent.map((r) => r.url)).toEqual([
      'https://hooks.slack.test/services/T1/B1/all',
      'https://discord.test/api/webhooks/1/abc',
      'https://telegram.test/bot123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ/sendMessage',
      'https://teams.test/workflows/1',
      'https://receiver.test/tollwatch',
    ]);
    for (const [i, dest] of destinationsFromEnv(allDestinations).entries()) {
      const expected = await buildDeliveryRequest(dest, alert, Date.now());
      if (dest.name === 'webhook') {
        // The signature covers a timestamp taken at send time; the body is identical.
        expect(sent[i]?.body).toBe(expected.init.body);
        expect(sent[i]?.headers['webhook-id']).toBe(alert.alert_id);
      } else {
        expect(sent[i]?.body).toBe(expected.init.body);
      }
    }
    expect(JSON.parse(sent[0]?.body ?? '{}').text).toBe('Kerman stampede (Iran) — killed 35 → 56 (+21)');
  });
});
