// The read API: GET /v1/incidents and /v1/incidents/:key, their paging and their 4xx answers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { issueSession } from '../../src/lib/session';
import { ErrorBody } from '../../src/schema';
import { IncidentDetail, IncidentList } from '../../src/routes/incidents';
import { captureOutbound, postArticle, READ_TOKEN } from '../helpers';
import { AUTH, get, getJson, listAll, postStampede, unique, waitForDetail } from './support';

// Alerts go to the queue consumer in this isolate; answer its chat requests locally.
beforeEach(() => {
  captureOutbound();
});
afterEach(() => vi.restoreAllMocks());

describe('GET /v1/incidents and /v1/incidents/:key', () => {
  it('returns the stampede with its latest figures and the full timeline', async () => {
    const key = await postStampede();
    const detail = await waitForDetail(key, (d) => d.incident.figures.killed?.value === 56);

    expect(detail.incident.figures.killed).toMatchObject({ value: 56, qualifier: 'exact', outlet: 'Wire desk' });
    expect(detail.incident.figures.injured).toMatchObject({ value: 213, qualifier: 'exact' });
    expect(detail.incident.report_count).toBe(2);
    const reports = detail.timeline.filter((e) => e.kind === 'report');
    expect(reports).toHaveLength(2);
    const [first, second] = reports;
    expect(first).toMatchObject({ outlet: 'Seed desk', url: 'https://example.org/news/2020/01/07/kerman-stampede', published: '2020-01-07T00:00:00.000Z' });
    expect(first?.figures.killed?.value).toBe(35);
    expect(first?.figures.killed?.quote).toContain('35 people dead');
    expect(second).toMatchObject({ outlet: 'Wire desk', published: '2020-01-07T15:10:00.000Z' });
    expect(second?.changes.find((c) => c.category === 'killed')).toMatchObject({ from: { value: 35 }, to: { value: 56 }, change: 'up' });
    // MIN_SOURCES=1 in the test config: each report announced something.
    expect(first?.alert?.text).toBeTruthy();
    expect(second?.alert?.text).toContain('56');

    const list = await getJson('/v1/incidents?limit=100', IncidentList);
    const item = list.incidents.find((i) => i.key === key);
    expect(item).toMatchObject({ figures: { killed: { value: 56, qualifier: 'exact' }, injured: { value: 213, qualifier: 'exact' } } });
    expect(Date.parse(item?.last_received ?? '')).toBeGreaterThan(Date.now() - 60_000);
  });

  it('pages through more incidents than fit on one page, newest activity first, each exactly once', async () => {
    const prefix = unique('paging');
    const keys: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const res = await postArticle({
        title: `Flood in Testford, report ${i}`,
        published: `2024-03-0${i}T08:00:00Z`,
        source: 'Paging Post',
        incident_id: `${prefix}-${i}`,
        text: `At least ${10 + i} people were killed when a flood swept through Testford on Monday, local officials said. Rescue teams were still searching the river banks.`,
      });
      expect(res.status, await res.clone().text()).toBe(200);
      keys.push((await res.json<{ incident: string }>()).incident);
    }
    for (const key of keys) await waitForDetail(key, () => true);

    const { pages } = await listAll(2);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages.slice(0, -1)) expect(page.incidents).toHaveLength(2);
    expect(pages.at(-1)?.next_cursor).toBeNull();
    const all = pages.flatMap((p) => p.incidents);
    expect(new Set(all.map((i) => i.key)).size).toBe(all.length);
    for (const key of keys) expect(all.filter((i) => i.key === key)).toHaveLength(1);
    const times = all.map((i) => Date.parse(i.last_received));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // The newest of ours comes before the older ones.
    const mine = all.filter((i) => keys.includes(i.key)).map((i) => i.key);
    expect(mine).toEqual([...keys].reverse());
    expect(all.find((i) => i.key === keys[0])?.figures.killed).toEqual({ value: 11, qualifier: 'at_least' });
  });

  it('answers 400 for a bad limit or cursor', async () => {
    for (const qs of ['limit=0', 'limit=101', 'limit=abc', 'limit=1.5', 'limit=', 'cursor=not*base64', `cursor=${btoa('{"x":1}')}`, 'cursor=e30']) {
      const res = await get(`/v1/incidents?${qs}`);
      expect(res.status, qs).toBe(400);
      const body = ErrorBody.parse(await res.json());
      expect(body.error.code).toBe('invalid_query');
    }
    expect((await get('/v1/incidents?limit=100')).status).toBe(200);
    expect((await get('/v1/incidents?limit=1')).status).toBe(200);
  });

  it('answers 404 JSON for an unknown key', async () => {
    for (const key of ['no-such-incident', '%3Cscript%3E']) {
      const res = await get(`/v1/incidents/${key}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(ErrorBody.parse(await res.json()).error.code).toBe('not_found');
    }
  });

  it('answers 401 JSON without the read token, and accepts the session cookie', async () => {
    const attempts: Array<Record<string, string>> = [{}, { authorization: 'Bearer wrong-token' }, { cookie: 'tollwatch_session=wrong' }];
    for (const headers of attempts) {
      for (const path of ['/v1/incidents', '/v1/incidents/anything']) {
        const res = await get(path, headers);
        expect(res.status, `${path} ${JSON.stringify(headers)}`).toBe(401);
        expect(ErrorBody.parse(await res.json()).error.code).toBe('unauthorized');
      }
    }
    expect((await get('/v1/incidents', { cookie: `tollwatch_session=${await issueSession(READ_TOKEN, Date.now(), 3600)}` })).status).toBe(200);
    expect((await get('/v1/incidents', AUTH)).status).toBe(200);
  });

  it('accepts only a live session signed with a configured READ_TOKEN, never the token itself as a cookie', async () => {
    const now = Date.now();
    const live = await issueSession(READ_TOKEN, now, 3600);
    const [, expires, mac] = live.split('.');
    const refused = [
      READ_TOKEN, // the old cookie format: the bare token
      await issueSession(READ_TOKEN, now - 7_200_000, 3600), // expired an hour ago
      await issueSession('some-other-token', now, 3600), // signed with a token this worker does not have
      `v1.${Number(expires) + 86_400}.${mac}`, // expiry pushed out, MAC kept
      `v1.${expires}.${mac?.slice(0, -2)}`, // truncated MAC
      'v1..', 'v1.1.!!!', `v2.${expires}.${mac}`,
    ];
    for (const value of refused) {
      expect((await get('/v1/incidents', { cookie: `tollwatch_session=${value}` })).status, value).toBe(401);
    }
    expect((await get('/v1/incidents', { cookie: `tollwatch_session=${live}` })).status).toBe(200);
  });

  it('publishes an OpenAPI document generated from the response schemas, without a token', async () => {
    const res = await get('/v1/openapi.json', {});
    expect(res.status).toBe(200);
    const doc = await res.json<{ openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, { properties?: Record<string, unknown> }> } }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.components.schemas.IncidentList?.properties ?? {})).toEqual(['incidents', 'next_cursor']);
    expect(Object.keys(doc.components.schemas.IncidentDetail?.properties ?? {})).toEqual(['incident', 'timeline']);
    expect(Object.keys(doc.components.schemas.ArticleInput?.properties ?? {})).toEqual(['text', 'title', 'url', 'published', 'source', 'id', 'incident_id']);
    // The detail schema parses what the API actually returns (checked in the first test) — keep them one source.
    expect(IncidentDetail).toBeDefined();
  });
});
