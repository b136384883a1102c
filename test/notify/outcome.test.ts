// What a destination's answer means for delivery: delivered, retry after a delay, or dead.
import { describe, expect, it } from 'vitest';
import { classifyDeliveryResponse, classifyNetworkError } from '../../src/notify';

const NOW = Date.UTC(2026, 4, 1, 12, 0, 0);
const h = (init: Record<string, string> = {}) => new Headers(init);
const classify = (status: number, headers = h(), body = '', attempts = 1) => classifyDeliveryResponse(status, headers, body, attempts, NOW);

describe('classifyDeliveryResponse', () => {
  it('treats every 2xx as delivered (Slack 200 "ok", Discord 204, Teams 202)', () => {
    for (const s of [200, 202, 204, 299]) expect(classify(s, h(), 'ok')).toEqual({ kind: 'delivered' });
  });

  it('429 honours Retry-After in seconds and as an HTTP date', () => {
    expect(classify(429, h({ 'retry-after': '30' }))).toMatchObject({ kind: 'retry', delaySeconds: 30 });
    expect(classify(429, h({ 'Retry-After': 'Fri, 01 May 2026 12:02:00 GMT' }))).toMatchObject({ kind: 'retry', delaySeconds: 120 });
    expect(classify(429, h({ 'retry-after': 'Fri, 01 May 2026 11:00:00 GMT' }))).toMatchObject({ kind: 'retry', delaySeconds: 1 });
  });

  it('429 reads Discord’s float retry_after (rounded up) and Telegram’s parameters.retry_after', () => {
    expect(classify(429, h(), '{"message":"You are being rate limited.","retry_after":64.57,"global":false}')).toEqual({
      kind: 'retry',
      delaySeconds: 65,
      reason: 'HTTP 429: You are being rate limited.',
    });
    expect(classify(429, h(), '{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7","parameters":{"retry_after":7}}')).toEqual({
      kind: 'retry',
      delaySeconds: 7,
      reason: 'HTTP 429: Too Many Requests: retry after 7',
    });
    // Both present (Discord sends both): the longer wait wins.
    expect(classify(429, h({ 'retry-after': '2' }), '{"retry_after":1.2}')).toMatchObject({ delaySeconds: 2 });
  });

  it('429 without a hint backs off; every delay is capped at 12 hours', () => {
    expect(classify(429, h(), 'slow down', 3)).toEqual({ kind: 'retry', delaySeconds: 40, reason: 'HTTP 429: slow down' });
    expect(classify(429, h({ 'retry-after': '999999' }))).toMatchObject({ delaySeconds: 43_200 });
    expect(classify(429, h(), '{"retry_after":1e9}')).toMatchObject({ delaySeconds: 43_200 });
  });

  it('408, 409, 425 and 5xx retry with exponential backoff min(2^attempts × 5, 3600)', () => {
    expect(classify(500, h(), '', 1)).toEqual({ kind: 'retry', delaySeconds: 10, reason: 'HTTP 500' });
    expect(classify(502, h(), '<html>Bad gateway</html>', 2)).toMatchObject({ kind: 'retry', delaySeconds: 20 });
    expect(classify(408, h(), '', 5)).toMatchObject({ kind: 'retry', delaySeconds: 160 });
    expect(classify(409, h(), '', 1)).toMatchObject({ kind: 'retry' });
    expect(classify(425, h(), '', 9)).toMatchObject({ kind: 'retry', delaySeconds: 2_560 });
    expect(classify(504, h(), '', 10)).toMatchObject({ kind: 'retry', delaySeconds: 3_600 });
    expect(classify(503, h(), '', 1_000)).toMatchObject({ kind: 'retry', delaySeconds: 3_600 });
    expect(classify(503, h(), '', 0)).toMatchObject({ kind: 'retry', delaySeconds: 10 });
  });

  it('503 honours Retry-After', () => {
    expect(classify(503, h({ 'retry-after': '90' }), '', 1)).toMatchObject({ kind: 'retry', delaySeconds: 90 });
  });

  it('other 4xx are permanent: dead, with the platform’s explanation', () => {
    expect(classify(400, h(), 'invalid_payload')).toEqual({ kind: 'dead', reason: 'HTTP 400: invalid_payload' });
    expect(classify(403, h(), 'action_prohibited')).toEqual({ kind: 'dead', reason: 'HTTP 403: action_prohibited' });
    expect(classify(404, h(), '{"message": "Unknown Webhook", "code": 10015}')).toEqual({ kind: 'dead', reason: 'HTTP 404: Unknown Webhook' });
    expect(classify(401, h(), '{"ok":false,"error_code":401,"description":"Unauthorized"}')).toEqual({ kind: 'dead', reason: 'HTTP 401: Unauthorized' });
    expect(classify(410, h(), 'channel_is_archived')).toEqual({ kind: 'dead', reason: 'HTTP 410: channel_is_archived' });
    for (const s of [405, 413, 415, 422, 451]) expect(classify(s)).toMatchObject({ kind: 'dead' });
  });

  it('tells how to fix a Telegram group that migrated to a supergroup', () => {
    const body = '{"ok":false,"error_code":400,"description":"Bad Request: group chat was upgraded to a supergroup chat","parameters":{"migrate_to_chat_id":-1001234567890}}';
    expect(classify(400, h(), body)).toEqual({
      kind: 'dead',
      reason: 'HTTP 400: Bad Request: group chat was upgraded to a supergroup chat (the group became a supergroup: set TELEGRAM_CHAT_ID to -1001234567890)',
    });
  });

  it('keeps reasons short and on one line', () => {
    const out = classify(500, h(), `line\n${'x'.repeat(10_000)}`);
    expect(out.kind === 'retry' && out.reason.length).toBeLessThanOrEqual(300);
    expect(out.kind === 'retry' && out.reason.includes('\n')).toBe(false);
  });

  it('an unfollowed redirect is a configuration problem; an unknown status retries', () => {
    expect(classify(301, h({ location: 'https://elsewhere' }))).toMatchObject({ kind: 'dead' });
    expect(classify(0)).toMatchObject({ kind: 'retry', delaySeconds: 10 });
  });
});

describe('classifyNetworkError', () => {
  it('always retries with backoff', () => {
    expect(classifyNetworkError(1)).toEqual({ kind: 'retry', delaySeconds: 10, reason: 'network error' });
    expect(classifyNetworkError(4, new TypeError('Network connection lost.'))).toEqual({ kind: 'retry', delaySeconds: 80, reason: 'network error: Network connection lost.' });
    expect(classifyNetworkError(30)).toMatchObject({ delaySeconds: 3_600 });
  });
});
