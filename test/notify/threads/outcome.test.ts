// What Slack's, Discord's and Telegram's answers mean for threaded delivery: delivered, retry or dead.
import { describe, expect, it } from 'vitest';
import { classifyApiResponse, SLACK_RETRYABLE_ERRORS } from '../../../src/notify/threads';

const none = new Headers();
const slack200 = (body: unknown) => classifyApiResponse('slack', 'post', 200, none, JSON.stringify(body), 1);

describe('Slack Web API: HTTP 200 is not yet a delivery', () => {
  it('ok:true is delivered', () => {
    expect(slack200({ ok: true, channel: 'C1', ts: '1.2' })).toEqual({ kind: 'delivered' });
  });

  for (const row of SLACK_RETRYABLE_ERRORS) {
    it(`ok:false "${row.error}" is retried (${row.why})`, () => {
      expect(slack200({ ok: false, error: row.error }).kind).toBe('retry');
    });
  }

  for (const error of ['invalid_auth', 'token_revoked', 'channel_not_found', 'not_in_channel', 'is_archived', 'msg_too_long', 'invalid_blocks']) {
    it(`ok:false "${error}" needs a person: dead-lettered with the code`, () => {
      expect(slack200({ ok: false, error })).toEqual({ kind: 'dead', reason: `Slack chat.postMessage: ${error}` });
    });
  }

  it('an edit names chat.update in its reason', () => {
    expect(classifyApiResponse('slack', 'edit', 200, none, '{"ok":false,"error":"edit_window_closed"}', 1)).toEqual({ kind: 'dead', reason: 'Slack chat.update: edit_window_closed' });
  });

  it('a 200 that is not Web API JSON (a proxy\u2019s page) is not taken for a delivery', () => {
    expect(slack200('<html>hello</html>').kind).toBe('dead');
  });

  it('HTTP 429 ratelimited waits the Retry-After Slack sent', () => {
    expect(classifyApiResponse('slack', 'post', 429, new Headers({ 'retry-after': '30' }), '{"ok":false,"error":"ratelimited"}', 1)).toMatchObject({ kind: 'retry', delaySeconds: 30 });
  });

  it('HTTP 5xx is retried', () => {
    expect(classifyApiResponse('slack', 'post', 503, none, 'down', 1).kind).toBe('retry');
  });
});

describe('Telegram', () => {
  const notModified = '{"ok":false,"error_code":400,"description":"Bad Request: message is not modified: specified new message content and reply markup are exactly the same"}';

  it('an edit answered "message is not modified" already shows what we sent: done', () => {
    expect(classifyApiResponse('telegram', 'edit', 400, none, notModified, 2)).toEqual({ kind: 'delivered' });
  });

  it('any other 400 is dead, for a post as for an edit', () => {
    expect(classifyApiResponse('telegram', 'post', 400, none, notModified, 1).kind).toBe('dead');
    expect(classifyApiResponse('telegram', 'edit', 400, none, '{"ok":false,"description":"Bad Request: message to edit not found"}', 1).kind).toBe('dead');
  });
});

describe('Discord', () => {
  it('reads as every webhook answer does: 2xx delivered, 404 dead, 429 retried after retry_after', () => {
    expect(classifyApiResponse('discord', 'post', 200, none, '{"id":"1"}', 1)).toEqual({ kind: 'delivered' });
    expect(classifyApiResponse('discord', 'edit', 404, none, '{"message":"Unknown Message","code":10008}', 1).kind).toBe('dead');
    expect(classifyApiResponse('discord', 'post', 429, none, '{"retry_after":2.5}', 1)).toMatchObject({ kind: 'retry', delaySeconds: 3 });
  });
});
