// Standard Webhooks signatures: valid, wrong secret, the 5-minute window, rotation and malformed headers.
import { env, exports } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { app } from '../../src/index';
import { signWebhook, TOLERANCE_SECONDS, verifyWebhook, webhookHeaders } from '../../src/lib/standard-webhooks';
import { captured, captureOutbound, noteFiled, postArticle, READ_TOKEN, sendToArticles, TEST_SECRET } from '../helpers';
import { article, type ErrorJson } from './articles';
import { lastStateParts, partsDiff, quietStateDigest, stateDigest } from './state';

/*
 * What a refused request must not change: KV, the index and the trackers. The delivery ledger is left out: only
 * the queue consumer writes it, and an earlier test's alert, retried after its fetch mock was restored, can
 * write it at any moment.
 */
const STORED = { withoutLedger: true } as const;

// A second, different secret (base64 of 32 random bytes) for wrong-secret and rotation cases.
const OTHER_SECRET = 'whsec_8F0rY1y2cW3qkq3b1oO4sT0JcQ9Q6m4rVJmW0pZpQeA=';
const URL_ = 'http://tollwatch.test/v1/articles';

afterEach(() => vi.restoreAllMocks());

/** Posts through the Hono app with an overridden env (rotation, no secrets, …). */
async function postWithEnv(overrides: Record<string, unknown>, body: string, headers: Record<string, string>): Promise<Response> {
  return noteFiled(app.request(URL_, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }, { ...env, ...overrides }));
}

async function expectRefused(res: Response, status: number, code?: string): Promise<ErrorJson> {
  expect(res.status).toBe(status);
  const json = await res.json<ErrorJson>();
  expect(typeof json.error.code).toBe('string');
  expect(typeof json.error.message).toBe('string');
  if (code) expect(json.error.code).toBe(code);
  return json;
}

describe('Standard Webhooks signatures', () => {
  it('accepts a valid signature', async () => {
    captureOutbound();
    const res = await postArticle(article(3, { place: 'Valida' }));
    expect(res.status).toBe(200);
  });

  it('refuses a signature made with another secret, and stores nothing', async () => {
    const before = await quietStateDigest(STORED);
    const res = await postArticle(article(4, { place: 'Wrongkey' }), { secret: OTHER_SECRET });
    const json = await expectRefused(res, 401, 'unauthorized');
    expect(json.error.details).toEqual({ reason: 'bad_signature' });
    expect(await stateDigest(STORED)).toBe(before);
  });

  it('refuses timestamps more than 5 minutes in the past or the future (signature otherwise valid)', async () => {
    // The worker reads its own clock, which may have moved on a few seconds since this line under load (a margin of
    // one second once let "now + 301" pass as 300 s ahead): the exact edge is checked on verifyWebhook below.
    const now = Math.floor(Date.now() / 1000);
    for (const ts of [now - TOLERANCE_SECONDS - 30, now + TOLERANCE_SECONDS + 30, now - 86_400, 0]) {
      const res = await postArticle(article(5, { place: 'Stale' }), { nowSeconds: ts });
      const json = await expectRefused(res, 401);
      expect(json.error.details).toEqual({ reason: 'stale_timestamp' });
    }
    // Inside the window either way is fine (clock skew).
    captureOutbound();
    expect((await postArticle(article(5, { place: 'Skewed' }), { nowSeconds: now - TOLERANCE_SECONDS + 30 })).status).toBe(200);
    expect((await postArticle(article(6, { place: 'Skewed' }), { nowSeconds: now + TOLERANCE_SECONDS - 30 })).status).toBe(200);
  });

  it('the window is exactly 5 minutes either way, on a given clock', async () => {
    const body = new TextEncoder().encode('{}');
    const now = 1_800_000_000;
    const verdict = async (ts: number) => {
      const headers = await webhookHeaders(TEST_SECRET, 'msg_edge', body, ts);
      const r = await verifyWebhook([TEST_SECRET], { id: headers['webhook-id']!, timestamp: headers['webhook-timestamp']!, signature: headers['webhook-signature']! }, body, now);
      return r.ok ? 'ok' : r.reason;
    };
    expect(TOLERANCE_SECONDS).toBe(300);
    expect(await verdict(now - 300)).toBe('ok');
    expect(await verdict(now + 300)).toBe('ok');
    expect(await verdict(now - 301)).toBe('stale_timestamp');
    expect(await verdict(now + 301)).toBe('stale_timestamp');
  });

  it('refuses a non-numeric timestamp and a garbage signature header', async () => {
    const body = JSON.stringify(article(7, { place: 'Garbage' }));
    const good = await webhookHeaders(TEST_SECRET, 'msg_garbage', body);
    for (const [name, value, reason] of [
      ['webhook-timestamp', '12abc', 'bad_timestamp'],
      ['webhook-timestamp', '-5', 'bad_timestamp'],
      ['webhook-signature', 'v1,not base64!!', 'bad_signature'],
      ['webhook-signature', 'v2,' + good['webhook-signature']!.slice(3), 'bad_signature'],
      ['webhook-signature', good['webhook-signature']!.slice(0, -4) + 'AAA=', 'bad_signature'],
    ] as const) {
      const res = await sendToArticles({ method: 'POST', headers: { 'content-type': 'application/json', ...good, [name]: value }, body });
      const json = await expectRefused(res, 401);
      expect(json.error.details).toEqual({ reason });
    }
  });

  it('refuses a valid signature over a different body (tampering) and a changed webhook-id', async () => {
    const body = JSON.stringify(article(8, { place: 'Tamper' }));
    const headers = await webhookHeaders(TEST_SECRET, 'msg_tamper', body);
    const tampered = body.replace('8 people', '800 people');
    await expectRefused(await sendToArticles({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: tampered }), 401);
    await expectRefused(
      await sendToArticles({ method: 'POST', headers: { 'content-type': 'application/json', ...headers, 'webhook-id': 'msg_other' }, body }),
      401,
    );
  });

  it('answers a retried webhook-id with the same body with the stored result and sends no second alert', async () => {
    const spy = captureOutbound();
    const payload = article(12, { place: 'Retryville' });
    const first = await postArticle(payload, { webhookId: 'msg_retry_1' });
    expect(first.status).toBe(200);
    const firstJson = await first.json<Record<string, unknown>>();
    expect(firstJson.duplicate).toBe(false);
    const retryAlerts = () => captured(spy).filter((r) => r.body.includes('Retryville')).length;
    await vi.waitUntil(() => retryAlerts() === 1, { timeout: 5000 });
    const before = await quietStateDigest(STORED); // after the delivery was recorded, not just sent
    const beforeParts = lastStateParts();

    // The sender retries (new timestamp, new signature, same id and body) — twice.
    for (let i = 0; i < 2; i++) {
      const again = await postArticle(payload, { webhookId: 'msg_retry_1', nowSeconds: Math.floor(Date.now() / 1000) + 1 + i });
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({ ...firstJson, duplicate: true });
    }
    await new Promise((r) => setTimeout(r, 1500));
    expect(retryAlerts()).toBe(1);
    const after = await stateDigest(STORED);
    expect(after, partsDiff(beforeParts, lastStateParts())).toBe(before);
  });

  it('refuses a reused webhook-id with another body (409) and stores nothing', async () => {
    captureOutbound();
    expect((await postArticle(article(13, { place: 'Reuse' }), { webhookId: 'msg_reuse' })).status).toBe(200);
    const before = await quietStateDigest(STORED);
    const res = await postArticle(article(99, { place: 'Reuse' }), { webhookId: 'msg_reuse' });
    await expectRefused(res, 409, 'id_conflict');
    expect(await stateDigest(STORED)).toBe(before);
  });

  it('accepts both the old and the new secret during a rotation, and only the new one afterwards', async () => {
    captureOutbound();
    const during = { WEBHOOK_SECRETS: `${TEST_SECRET} ${OTHER_SECRET}` };
    const after = { WEBHOOK_SECRETS: OTHER_SECRET };
    for (const [secret, overrides, status] of [
      [TEST_SECRET, during, 200],
      [OTHER_SECRET, during, 200],
      [OTHER_SECRET, after, 200],
      [TEST_SECRET, after, 401],
    ] as const) {
      const body = JSON.stringify(article(20 + status + (secret === TEST_SECRET ? 1 : 2), { place: 'Rotation' }));
      const res = await postWithEnv(overrides, body, await webhookHeaders(secret, `msg_rot_${crypto.randomUUID()}`, body));
      expect(res.status, `${secret === TEST_SECRET ? 'old' : 'new'} secret with ${overrides.WEBHOOK_SECRETS.includes(' ') ? 'both' : 'new only'}`).toBe(status);
    }
    // Comma-separated lists work too.
    const body = JSON.stringify(article(31, { place: 'Rotation' }));
    const res = await postWithEnv({ WEBHOOK_SECRETS: `${OTHER_SECRET},${TEST_SECRET}` }, body, await webhookHeaders(TEST_SECRET, 'msg_rot_comma', body));
    expect(res.status).toBe(200);
  });

  it('accepts a sender that signs with several secrets (space-separated v1 entries)', async () => {
    captureOutbound();
    const body = JSON.stringify(article(32, { place: 'Multisig' }));
    const ts = Math.floor(Date.now() / 1000);
    const sigs = [await signWebhook(OTHER_SECRET, 'msg_multi', ts, body), await signWebhook(TEST_SECRET, 'msg_multi', ts, body)];
    const res = await sendToArticles({
      method: 'POST',
      headers: { 'content-type': 'application/json', 'webhook-id': 'msg_multi', 'webhook-timestamp': String(ts), 'webhook-signature': sigs.join(' ') },
      body,
    });
    expect(res.status).toBe(200);
  });

  it('costs at most one HMAC per configured secret however many signatures a request carries', async () => {
    // An unauthenticated sender could otherwise put hundreds of `v1,` entries in the header and make the
    // worker HMAC a 1 MiB body once per entry (CPU exhaustion before authentication).
    const body = JSON.stringify(article(33, { place: 'Flood', extra: 'x'.repeat(900_000) }));
    const junk = Array.from({ length: 600 }, () => `v1,${btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))}`).join(' ');
    const verify = vi.spyOn(crypto.subtle, 'verify');
    const sign = vi.spyOn(crypto.subtle, 'sign');
    const res = await sendToArticles({
      method: 'POST',
      headers: { 'content-type': 'application/json', 'webhook-id': 'msg_flood', 'webhook-timestamp': String(Math.floor(Date.now() / 1000)), 'webhook-signature': junk },
      body,
    });
    await expectRefused(res, 401);
    expect(verify.mock.calls.length + sign.mock.calls.length).toBeLessThanOrEqual(1);
  });

  it('refuses requests with missing signature headers', async () => {
    const body = JSON.stringify(article(9, { place: 'Missing' }));
    const full = await webhookHeaders(TEST_SECRET, 'msg_missing', body);
    for (const drop of ['webhook-id', 'webhook-timestamp', 'webhook-signature', 'all'] as const) {
      const headers: Record<string, string> = drop === 'all' ? {} : { ...full };
      if (drop !== 'all') delete headers[drop];
      const res = await sendToArticles({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      const json = await expectRefused(res, 401, 'unauthorized');
      expect(json.error.details).toEqual({ reason: 'missing_headers' });
    }
  });
});

describe('bearer tokens', () => {
  const send = (token: string | null, extra: Record<string, string> = {}) =>
    sendToArticles({
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: token }), ...extra },
      body: JSON.stringify(article(40, { place: 'Tokenia', id: `tok-${crypto.randomUUID()}` })),
    });

  it('accepts a configured ingest token', async () => {
    captureOutbound();
    expect((await send('Bearer test-ingest-token')).status).toBe(200);
    expect((await send('bearer   test-ingest-token')).status).toBe(200);
  });

  it('refuses wrong, empty, prefixed and non-Bearer tokens', async () => {
    const before = await quietStateDigest(STORED);
    for (const token of ['Bearer wrong', 'Bearer test-ingest-token-x', 'Bearer test-ingest-toke', 'Bearer ', 'Basic dGVzdC1pbmdlc3QtdG9rZW4=', 'test-ingest-token', 'Bearer test-read-token']) {
      await expectRefused(await send(token), 401, 'unauthorized');
    }
    expect(await stateDigest(STORED)).toBe(before);
  });

  it('does not let a valid token bypass a bad signature sent alongside it', async () => {
    const res = await send('Bearer test-ingest-token', { 'webhook-id': 'msg_x', 'webhook-timestamp': String(Math.floor(Date.now() / 1000)), 'webhook-signature': 'v1,AAAA' });
    await expectRefused(res, 401);
  });
});

describe('nothing configured', () => {
  it('refuses every article (4xx) when no secret or token is set and the dev flag is off', async () => {
    const body = JSON.stringify(article(50, { place: 'Unset' }));
    const none = { WEBHOOK_SECRETS: '', INGEST_TOKENS: '', LOCAL_DEV_INSECURE: undefined };
    const signed = await webhookHeaders(TEST_SECRET, 'msg_unset', body);
    for (const headers of [{}, signed, { authorization: 'Bearer test-ingest-token' }, { authorization: 'Bearer anything' }]) {
      const res = await postWithEnv(none, body, headers);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      const json = await res.json<ErrorJson>();
      expect(['ingest_not_configured', 'unauthorized']).toContain(json.error.code);
    }
    // "false" is off too.
    const res = await postWithEnv({ ...none, LOCAL_DEV_INSECURE: 'false' }, body, {});
    await expectRefused(res, 403, 'ingest_not_configured');
  });

  it('accepts unsigned articles only when LOCAL_DEV_INSECURE is on ([env.dev])', async () => {
    captureOutbound();
    const body = JSON.stringify(article(51, { place: 'Devland' }));
    const res = await postWithEnv({ WEBHOOK_SECRETS: '', INGEST_TOKENS: '', LOCAL_DEV_INSECURE: 'true' }, body, {});
    expect(res.status).toBe(200);
  });

  it('refuses a malformed dev flag as a configuration error, without details in the answer', async () => {
    const res = await postWithEnv({ LOCAL_DEV_INSECURE: 'yes please' }, JSON.stringify(article(52)), {});
    expect(res.status).toBe(500);
    const json = await res.json<ErrorJson>();
    expect(json.error.code).toBe('configuration_error');
    expect(JSON.stringify(json)).not.toContain('yes please');
  });
});

describe('read endpoints', () => {
  const reads = ['/v1/dead-letters'];
  it('need the READ_TOKEN', async () => {
    for (const path of reads) {
      await expectRefused(await exports.default.fetch(`http://tollwatch.test${path}`), 401, 'unauthorized');
      await expectRefused(await exports.default.fetch(`http://tollwatch.test${path}`, { headers: { authorization: 'Bearer nope' } }), 401);
      await expectRefused(await exports.default.fetch(`http://tollwatch.test${path}`, { headers: { authorization: 'Bearer test-ingest-token' } }), 401);
      const ok = await exports.default.fetch(`http://tollwatch.test${path}`, { headers: { authorization: `Bearer ${READ_TOKEN}` } });
      expect(ok.status).toBe(200);
    }
    await expectRefused(await exports.default.fetch('http://tollwatch.test/v1/dead-letters/1/redrive', { method: 'POST' }), 401);
  });

  it('are closed when no READ_TOKEN is configured', async () => {
    const res = await app.request('http://tollwatch.test/v1/dead-letters', { headers: { authorization: 'Bearer ' } }, { ...env, READ_TOKEN: '' });
    await expectRefused(res, 401);
  });
});
