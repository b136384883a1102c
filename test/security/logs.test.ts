// Logs: one structured JSON line per request, and no secret or destination URL in any of them.
import { exports } from 'cloudflare:workers';
import { createExecutionContext, createMessageBatch } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import worker from '../../src/index';
import { webhookHeaders } from '../../src/lib/standard-webhooks';
import { captureOutbound, postArticle, READ_TOKEN, sendToArticles, SLACK_URL, TEST_SECRET } from '../helpers';
import { article, settle } from './articles';
import { env } from './state';

afterEach(() => vi.restoreAllMocks());

const SECRETS = [TEST_SECRET, TEST_SECRET.slice('whsec_'.length), 'test-ingest-token', READ_TOKEN, SLACK_URL, 'T000/B000/XXXX'];
const SENTENCE = 'The quartermaster Zebulon Fairweather confirmed the figures at the riverside depot';

function captureLogs(): { lines: () => string[] } {
  const lines: string[] = [];
  const push = (...args: unknown[]) => void lines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
  vi.spyOn(console, 'log').mockImplementation(push);
  vi.spyOn(console, 'info').mockImplementation(push);
  vi.spyOn(console, 'warn').mockImplementation(push);
  vi.spyOn(console, 'error').mockImplementation(push);
  return { lines: () => lines };
}

function assertClean(lines: string[], extra: string[] = []): void {
  for (const line of lines) {
    for (const secret of [...SECRETS, ...extra]) expect(line, 'a secret reached the logs').not.toContain(secret);
    expect(line, 'article text reached the logs').not.toContain('Zebulon');
    expect(line).not.toContain('riverside depot');
  }
}

describe('logs', () => {
  it('one structured JSON line per request with route, status, incident and latency; no secrets or article text', async () => {
    const spy = captureOutbound();
    const logs = captureLogs();
    const payload = article(23, { place: 'Lagos', extra: `${SENTENCE}. Rescue teams were still searching.` });
    const body = JSON.stringify(payload);
    const signed = await webhookHeaders(TEST_SECRET, 'msg_log_1', body);
    const ok = await sendToArticles({ method: 'POST', headers: { 'content-type': 'application/json', ...signed }, body });
    expect(ok.status).toBe(200);
    const { incident } = await ok.json<{ incident: string }>();
    await sendToArticles({
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer test-ingest-token' },
      body: JSON.stringify({ ...payload, id: 'log-bearer', text: `${payload.text} Later: 24 people were killed.` }),
    });
    await sendToArticles({ method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer not-the-token-9f8e' }, body });
    await postArticle('{"text": "Zebulon riverside depot', {}); // invalid JSON, echoed in the answer, never logged
    await exports.default.fetch('http://tollwatch.test/v1/dead-letters', { headers: { authorization: `Bearer ${READ_TOKEN}` } });
    await settle(spy);

    const lines = logs.lines();
    const requests = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request');
    expect(requests.length).toBeGreaterThanOrEqual(5);
    for (const r of requests) {
      expect(r).toEqual(expect.objectContaining({ t: expect.any(String), method: expect.any(String), route: expect.any(String), status: expect.any(Number), ms: expect.any(Number) }));
    }
    expect(requests[0]).toMatchObject({ method: 'POST', route: '/v1/articles', status: 200, incident });
    expect(requests.map((r) => r.status)).toEqual(expect.arrayContaining([200, 401, 400]));
    for (const l of lines) expect(() => JSON.parse(l), l).not.toThrow();
    assertClean(lines, [signed['webhook-signature']!.slice(3), 'not-the-token-9f8e']);
  });

  it('delivery failures are logged and recorded without the destination URL or token', async () => {
    const logs = captureLogs();
    const TELEGRAM_TOKEN = '123456789:AAHsecretTokenValue_abcdefghijklmnop';
    // A failing fetch whose error message and response body carry the URL (some proxies and runtimes do).
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.includes('telegram')) return new Response(`404 page not found: ${url}`, { status: 404 });
      throw new TypeError(`connect ECONNREFUSED while fetching ${url}`);
    });
    const alert = {
      v: 1 as const,
      alert_id: 'log-test:v1',
      incident_key: 'log-test',
      incident_title: 'Log test',
      incident_type: null,
      places: [],
      is_new_incident: true,
      changes: [{ kind: 'casualty' as const, category: 'killed', from: null, to: { value: 1, qualifier: 'exact' as const }, change: 'new' as const, quote: 'One person was killed.' }],
      outlet: 'x',
      published_ms: 0,
      created_ms: 0,
      corroboration: {},
    };
    const batch = createMessageBatch('tollwatch-alerts', [
      { id: 'a', timestamp: new Date(), attempts: 1, body: { v: 1, destination: 'slack', alert } },
      { id: 'b', timestamp: new Date(), attempts: 1, body: { v: 1, destination: 'telegram', alert } },
    ]);
    createExecutionContext();
    await worker.queue(batch, { ...env, TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN, TELEGRAM_CHAT_ID: '-100123', TELEGRAM_API_BASE: 'https://api.telegram.test' } as typeof env);
    await new Promise((r) => setTimeout(r, 300));
    const health = await (await exports.default.fetch('http://tollwatch.test/health')).text();
    const letters = await (await exports.default.fetch('http://tollwatch.test/v1/dead-letters', { headers: { authorization: `Bearer ${READ_TOKEN}` } })).text();
    const lines = logs.lines();
    expect(lines.some((l) => l.includes('retried'))).toBe(true);
    assertClean([...lines, health, letters], [TELEGRAM_TOKEN, 'AAHsecretTokenValue']);
  });
});
