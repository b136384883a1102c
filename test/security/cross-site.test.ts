// Issue 14 item 4: incident care and dead-letter re-drive take JSON only, a complete body, and no cross-site cookie.
import { exports } from 'cloudflare:workers';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { issueSession } from '../../src/lib/session';
import { captureOutbound, postArticle, READ_TOKEN } from '../helpers';
import { article, type ErrorJson } from './articles';
import { env } from './state';

const BASE = 'http://tollwatch.test';
const KEY = 'cross-site-care';
let cookie = '';

beforeAll(async () => {
  captureOutbound();
  expect((await postArticle(article(6, { place: 'Gandia', incident_id: KEY }))).status).toBe(200);
  expect((await postArticle(article(2, { place: 'Gandia', incident_id: `${KEY}-other` }))).status).toBe(200);
  cookie = `tollwatch_session=${await issueSession(READ_TOKEN, Date.now(), 3_600)}`;
  vi.restoreAllMocks();
});
afterEach(() => vi.restoreAllMocks());

const post = (path: string, headers: Record<string, string>, body?: string) => exports.default.fetch(`${BASE}${path}`, { method: 'POST', headers, ...(body === undefined ? {} : { body }) });
const bearer = { authorization: `Bearer ${READ_TOKEN}` };
const json = { 'content-type': 'application/json' };
const state = () => env.INCIDENT_TRACKER.get(env.INCIDENT_TRACKER.idFromName(KEY)).state();

async function refused(res: Response, status: number, code: string): Promise<void> {
  const body = await res.json<ErrorJson>();
  expect(res.status, JSON.stringify(body)).toBe(status);
  expect(body.error.code).toBe(code);
}

describe('incident care and re-drive refuse what a forged form could send', () => {
  it('a cookie-authenticated request from another origin is refused (403), however well formed', async () => {
    const body = JSON.stringify({ muted: true });
    await refused(await post(`/v1/incidents/${KEY}/mute`, { ...json, cookie, origin: 'http://evil.example' }, body), 403, 'cross_site');
    await refused(await post(`/v1/incidents/${KEY}/mute`, { ...json, cookie, 'sec-fetch-site': 'cross-site' }, body), 403, 'cross_site');
    await refused(await post(`/v1/incidents/${KEY}/mute`, { ...json, cookie }, body), 403, 'cross_site');
    await refused(await post(`/v1/dead-letters/1/redrive`, { ...json, cookie, origin: 'http://evil.example' }, '{}'), 403, 'cross_site');
    expect((await state())?.muted).toBe(false);
    // From the dashboard itself it works.
    expect((await post(`/v1/incidents/${KEY}/mute`, { ...json, cookie, origin: BASE }, JSON.stringify({ muted: false }))).status).toBe(200);
    expect((await post(`/v1/incidents/${KEY}/mute`, { ...json, cookie, 'sec-fetch-site': 'same-origin' }, JSON.stringify({ muted: false }))).status).toBe(200);
  });

  it('anything but application/json is refused (415): a form post cannot act', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      await refused(await post(`/v1/incidents/${KEY}/close`, { ...bearer, 'content-type': type }, '{"closed":true}'), 415, 'unsupported_media_type');
      await refused(await post(`/v1/dead-letters/1/redrive`, { ...bearer, 'content-type': type }, '{}'), 415, 'unsupported_media_type');
    }
    await refused(await post(`/v1/incidents/${KEY}/mute`, bearer), 415, 'unsupported_media_type');
    expect((await state())?.closed).toBe(false);
  });

  it('an empty or incomplete body is refused (400), never read as "mute" or "close"', async () => {
    await refused(await post(`/v1/incidents/${KEY}/mute`, { ...bearer, ...json }, ''), 400, 'empty_body');
    await refused(await post(`/v1/incidents/${KEY}/mute`, { ...bearer, ...json }, '{}'), 400, 'invalid_request');
    await refused(await post(`/v1/incidents/${KEY}/close`, { ...bearer, ...json }, '{}'), 400, 'invalid_request');
    await refused(await post(`/v1/incidents/${KEY}/close`, { ...bearer, ...json }, '{"closed":"yes"}'), 400, 'invalid_request');
    await refused(await post(`/v1/incidents/${KEY}/merge`, { ...bearer, ...json }, '{}'), 400, 'invalid_request');
    await refused(await post(`/v1/incidents/${KEY}/reports/x/move`, { ...bearer, ...json }, '{}'), 400, 'invalid_request');
    await refused(await post(`/v1/dead-letters/1/redrive`, { ...bearer, ...json }, ''), 400, 'empty_body');
    const s = await state();
    expect(s?.muted).toBe(false);
    expect(s?.closed).toBe(false);
  });
});
