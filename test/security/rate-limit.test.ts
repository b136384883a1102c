// The per-sender rate limit: a bucket per named sender, rotation, and the 429 answer.
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it } from 'vitest';
import { app } from '../../src/index';
import { webhookHeaders } from '../../src/lib/standard-webhooks';
import { captureOutbound, noteFiled, TEST_SECRET } from '../helpers';
import { article, settle, type ErrorJson } from './articles';

const OTHER_SECRET = 'whsec_8F0rY1y2cW3qkq3b1oO4sT0JcQ9Q6m4rVJmW0pZpQeA=';
const URL_ = 'http://tollwatch.test/v1/articles';

/** Rate-limit buckets live in Durable Objects for the whole run: each test uses sender names of its own. */
const unique = (name: string) => `${name}-${crypto.randomUUID().slice(0, 8)}`;

/** Each article raises an alert; wait for its queued delivery so none is still in flight when the file ends. */
let spy: ReturnType<typeof captureOutbound> | null = null;
afterEach(async () => {
  if (spy) await settle(spy);
  spy = null;
});

let n = 0;
async function send(overrides: Record<string, unknown>, secret: string): Promise<Response> {
  n++;
  const body = JSON.stringify(article(100 + n, { place: 'Ratelimit', incident_id: `rate-${n}` }));
  const headers = await webhookHeaders(secret, `msg_rate_${crypto.randomUUID()}`, body);
  return noteFiled(app.request(URL_, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }, { ...env, ...overrides }));
}

describe('per-sender rate limit', () => {
  it('gives each named sender its own bucket: one sender over its limit gets 429 with Retry-After, the other still gets through', async () => {
    spy = captureOutbound();
    const [a, b] = [unique('newsroom'), unique('ngo')];
    const config = { RATE_LIMIT_PER_MINUTE: '2', WEBHOOK_SECRETS: `${a}:${TEST_SECRET} ${b}:${OTHER_SECRET}` };
    expect((await send(config, TEST_SECRET)).status).toBe(200);
    expect((await send(config, TEST_SECRET)).status).toBe(200);
    const refused = await send(config, TEST_SECRET);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await refused.json<ErrorJson>()).error.code).toBe('rate_limited');
    expect((await send(config, OTHER_SECRET)).status).toBe(200);
    expect((await send(config, OTHER_SECRET)).status).toBe(200);
    expect((await send(config, OTHER_SECRET)).status).toBe(429);
  });

  it('treats two secrets with one name as one sender mid-rotation (one bucket)', async () => {
    spy = captureOutbound();
    const a = unique('rotating');
    const config = { RATE_LIMIT_PER_MINUTE: '2', WEBHOOK_SECRETS: `${a}:${TEST_SECRET},${a}:${OTHER_SECRET}` };
    expect((await send(config, TEST_SECRET)).status).toBe(200);
    expect((await send(config, OTHER_SECRET)).status).toBe(200);
    expect((await send(config, TEST_SECRET)).status).toBe(429);
    expect((await send(config, OTHER_SECRET)).status).toBe(429);
  });

  it('knows unnamed secrets apart by the secret itself', async () => {
    spy = captureOutbound();
    // Fresh secrets, so no earlier test has used their buckets.
    const fresh = () => `whsec_${btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))}`;
    const [s1, s2] = [fresh(), fresh()];
    const config = { RATE_LIMIT_PER_MINUTE: '1', WEBHOOK_SECRETS: `${s1} ${s2}` };
    expect((await send(config, s1)).status).toBe(200);
    expect((await send(config, s1)).status).toBe(429);
    expect((await send(config, s2)).status).toBe(200);
  });

  it('names a malformed secret entry in /health without echoing the secret, and refuses articles with a configuration error', async () => {
    const config = { WEBHOOK_SECRETS: `good:${TEST_SECRET} bad:not*base64` };
    const health = await app.request('http://tollwatch.test/health', {}, { ...env, ...config });
    expect(health.status).toBe(503);
    const json = await health.json<{ ok: boolean; config_error: string }>();
    expect(json.ok).toBe(false);
    expect(json.config_error).toContain('WEBHOOK_SECRETS');
    expect(json.config_error).not.toContain('not*base64');
    expect(json.config_error).not.toContain(TEST_SECRET.slice(6));
    const res = await send(config, TEST_SECRET);
    expect(res.status).toBe(500);
    expect((await res.json<ErrorJson>()).error.code).toBe('configuration_error');
  });
});

describe('sender-chosen ids', () => {
  it('keeps two named senders’ webhook-ids apart: the same id with different bodies is two articles, not a 409', async () => {
    spy = captureOutbound();
    const [a, b] = [unique('wire'), unique('desk')];
    const config = { WEBHOOK_SECRETS: `${a}:${TEST_SECRET} ${b}:${OTHER_SECRET}` };
    const post = async (secret: string, killed: number) => {
      const body = JSON.stringify(article(killed, { place: 'Samecounter', incident_id: `ids-${a}` }));
      const headers = await webhookHeaders(secret, 'msg_1', body);
      return noteFiled(app.request(URL_, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }, { ...env, ...config }));
    };
    const first = await post(TEST_SECRET, 7);
    expect(first.status).toBe(200);
    expect((await first.json<{ article_id: string }>()).article_id).toBe(`${a}/msg_1`);
    const second = await post(OTHER_SECRET, 9);
    expect(second.status).toBe(200);
    expect((await second.json<{ article_id: string }>()).article_id).toBe(`${b}/msg_1`);
    // Within one sender the id still means one message: another body under it is refused.
    expect((await post(TEST_SECRET, 8)).status).toBe(409);
  });
});
