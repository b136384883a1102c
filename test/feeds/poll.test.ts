// Feed polling: conditional GET, de-duplication across polls, the per-run budget, full text, failing feeds in /health.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Env } from '../../src/env';
import { FAILING_AFTER } from '../../src/feeds/feed-state';
import { MAX_ITEMS_PER_RUN, pollFeeds } from '../../src/feeds/poll';
import type { IngestPorts } from '../../src/ingest';
import { app } from '../../src/index';
import { workerPorts } from '../../src/routes/articles';
import type { Report } from '../../src/schema';
import { captureOutbound, READ_TOKEN, type FetchSpy } from '../helpers';
import { article, settle } from '../security/articles';
import { trackerStorage } from '../reliability/support';
import { env } from '../security/state';

interface Item {
  guid: string;
  place: string;
  killed: number;
  hour: number;
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function rss(items: Item[]): string {
  const entries = items.map((i) => {
    const a = article(i.killed, { place: i.place });
    return `<item><title>${xml(a.title)}</title><link>${a.url}</link><guid isPermaLink="false">${i.guid}</guid><pubDate>${new Date(Date.UTC(2024, 2, 1, i.hour)).toUTCString()}</pubDate><description>${xml(a.text)}</description></item>`;
  });
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Test wire</title><link>https://wire.example/</link><description>t</description>${entries.reverse().join('')}</channel></rss>`;
}

/** A feed server in miniature: ETag per body, 304 on a matching If-None-Match, and a log of what was asked. */
function feedServer(initial: Item[]) {
  let body = rss(initial);
  let etag = '"v0"';
  let version = 0;
  const asked: { url: string; ifNoneMatch: string | null }[] = [];
  let failWith: number | null = null;
  const pages = new Map<string, Response | (() => Response)>();
  return {
    asked,
    set(items: Item[]) {
      body = rss(items);
      etag = `"v${++version}"`;
    },
    failing(status: number | null) {
      failWith = status;
    },
    page(url: string, html: string | number) {
      pages.set(url, () => (typeof html === 'number' ? new Response('gone', { status: html }) : new Response(html, { headers: { 'content-type': 'text/html' } })));
    },
    fetcher: async (url: string, init?: RequestInit): Promise<Response> => {
      const page = pages.get(url);
      if (page) return typeof page === 'function' ? page() : page;
      const inm = new Headers(init?.headers).get('if-none-match');
      asked.push({ url, ifNoneMatch: inm });
      if (failWith !== null) return new Response('down', { status: failWith });
      if (inm === etag) return new Response(null, { status: 304, headers: { etag } });
      return new Response(body, { headers: { etag, 'content-type': 'application/rss+xml' } });
    },
  };
}

/** Incidents the polls filed into: their alerts must be delivered before the file ends (its storage goes). */
const touched = new Set<string>();

/** The worker's ingest ports, noting each report that reached a tracker. */
function recordingPorts(e: Env): { ports: IngestPorts; applied: Report[] } {
  const real = workerPorts(e);
  const applied: Report[] = [];
  return {
    applied,
    ports: {
      ...real,
      tracker: (key) => {
        const t = real.tracker(key);
        touched.add(key);
        return { ...t, apply: (meta, report, settings, now) => (applied.push(report), t.apply(meta, report, settings, now)) };
      },
    },
  };
}

// Alerts the ingested items raise are delivered by the worker's queue consumer: answered here, and waited for,
// so no delivery is still running when the file ends.
let outbound: FetchSpy;
beforeEach(() => {
  outbound = captureOutbound();
});
afterEach(async () => {
  // Every alert delivered and acked back: no queue work outlives the test into another file's storage.
  for (const key of touched) await vi.waitUntil(async () => (await trackerStorage(key)).outbox === 0, { timeout: 30_000, interval: 100 });
  touched.clear();
  await settle(outbound, 300);
  vi.restoreAllMocks();
});

const feedEnv = (url: string, extra: Record<string, unknown> = {}) => ({ ...env, FEEDS: JSON.stringify([{ url, name: 'Test wire', ...extra }]) }) as Env;

describe('polling a feed', () => {
  it('ingests new items oldest first, then asks conditionally and files nothing on a 304', async () => {
    const url = 'https://wire.example/poll-basic.xml';
    const server = feedServer([
      { guid: 'b-1', place: 'Quarrytown', killed: 3, hour: 1 },
      { guid: 'b-2', place: 'Quarrytown', killed: 5, hour: 2 },
    ]);
    const e = feedEnv(url);
    const first = recordingPorts(e);
    const [r1] = await pollFeeds(e, first.ports, Date.now(), server.fetcher);
    expect(r1).toMatchObject({ feed: 'Test wire', outcome: 'ok', new_items: 2, ingested: 2, deferred: 0 });
    expect(first.applied.map((r) => r.casualties.killed?.value)).toEqual([3, 5]);
    expect(first.applied.map((r) => [r.article_id, r.outlet])).toEqual([
      ['feed:Test wire/b-1', 'Test wire'],
      ['feed:Test wire/b-2', 'Test wire'],
    ]);

    const second = recordingPorts(e);
    const [r2] = await pollFeeds(e, second.ports, Date.now(), server.fetcher);
    expect(r2).toMatchObject({ outcome: 'not_modified', ingested: 0 });
    expect(server.asked.map((a) => a.ifNoneMatch)).toEqual([null, '"v0"']);
    expect(second.applied).toEqual([]);

    // A new item: the feed changes, only that item is filed.
    server.set([
      { guid: 'b-1', place: 'Quarrytown', killed: 3, hour: 1 },
      { guid: 'b-2', place: 'Quarrytown', killed: 5, hour: 2 },
      { guid: 'b-3', place: 'Quarrytown', killed: 8, hour: 3 },
    ]);
    const third = recordingPorts(e);
    const [r3] = await pollFeeds(e, third.ports, Date.now(), server.fetcher);
    expect(r3).toMatchObject({ outcome: 'ok', new_items: 1, ingested: 1 });
    expect(third.applied.map((r) => r.casualties.killed?.value)).toEqual([8]);
  });

  it('a feed served again without validators (a server that ignores them) still files each item once', async () => {
    const url = 'https://wire.example/poll-no-etag.xml';
    const items = [{ guid: 'n-1', place: 'Lowfield', killed: 4, hour: 1 }];
    const server = feedServer(items);
    const e = feedEnv(url);
    await pollFeeds(e, recordingPorts(e).ports, Date.now(), server.fetcher);
    server.set(items); // new ETag, same items
    const again = recordingPorts(e);
    const [r] = await pollFeeds(e, again.ports, Date.now(), server.fetcher);
    expect(r).toMatchObject({ outcome: 'ok', new_items: 0, ingested: 0 });
    expect(again.applied).toEqual([]);
  });

  it(`files at most ${MAX_ITEMS_PER_RUN} items a run; the rest come on the next run, which does not send the old ETag`, async () => {
    const url = 'https://wire.example/poll-budget.xml';
    const items = Array.from({ length: MAX_ITEMS_PER_RUN + 2 }, (_, i) => ({ guid: `c-${i}`, place: `Budgetville${String.fromCharCode(65 + i)}`, killed: i + 2, hour: i }));
    const server = feedServer(items);
    const e = feedEnv(url);
    const [r1] = await pollFeeds(e, recordingPorts(e).ports, Date.now(), server.fetcher);
    expect(r1).toMatchObject({ ingested: MAX_ITEMS_PER_RUN, deferred: 2 });
    const [r2] = await pollFeeds(e, recordingPorts(e).ports, Date.now(), server.fetcher);
    expect(r2).toMatchObject({ outcome: 'ok', new_items: 2, ingested: 2, deferred: 0 });
    const [r3] = await pollFeeds(e, recordingPorts(e).ports, Date.now(), server.fetcher);
    expect(r3).toMatchObject({ outcome: 'not_modified' });
    expect(server.asked.map((a) => a.ifNoneMatch)).toEqual([null, null, '"v0"']);
  });

  it('full_text reads the linked page; a page that fails falls back to the feed summary', async () => {
    const url = 'https://wire.example/poll-full.xml';
    const items = [
      { guid: 'f-1', place: 'Pagebury', killed: 2, hour: 1 },
      { guid: 'f-2', place: 'Stubford', killed: 6, hour: 2 },
    ];
    const server = feedServer(items);
    const longer = ' The search went on into the evening while relatives waited at the gates for news of the missing workers.';
    server.page(article(2, { place: 'Pagebury' }).url, `<html><nav><p>Menu</p></nav><article><p>Officials said 9 people were killed in the explosion in Pagebury on Monday.${longer}</p><p>${longer}</p></article></html>`);
    server.page(article(6, { place: 'Stubford' }).url, 404);
    const e = feedEnv(url, { full_text: true });
    const run = recordingPorts(e);
    await pollFeeds(e, run.ports, Date.now(), server.fetcher);
    expect(run.applied.map((r) => r.casualties.killed?.value)).toEqual([9, 6]);
  });

  it(`a feed failing ${FAILING_AFTER} polls in a row shows in /health and on the dashboard until it answers again`, async () => {
    const url = 'https://wire.example/poll-failing.xml';
    const server = feedServer([{ guid: 'h-1', place: 'Healthby', killed: 2, hour: 1 }]);
    const e = feedEnv(url);
    type Health = { ok: boolean; feeds: { name: string; failing: boolean; last_error: string | null; consecutive_failures: number }[]; feeds_failing: number };
    const health = async () => (await (await app.request('/health', {}, e)).json()) as Health;
    expect((await health()).feeds).toEqual([expect.objectContaining({ name: 'Test wire', last_polled: null, failing: false })]);

    server.failing(503);
    for (let i = 1; i <= FAILING_AFTER; i++) {
      const [r] = await pollFeeds(e, recordingPorts(e).ports, Date.now(), server.fetcher);
      expect(r).toMatchObject({ outcome: 'failed', error: 'HTTP 503' });
      const h = await health();
      expect(h.feeds[0]).toMatchObject({ consecutive_failures: i, failing: i >= FAILING_AFTER, last_error: 'HTTP 503' });
    }
    expect((await health()).feeds_failing).toBe(1);
    const page = await (await app.request('/dashboard', { headers: { authorization: `Bearer ${READ_TOKEN}` } }, e)).text();
    expect(page).toContain('A feed is failing');
    expect(page).toContain(`<strong>Test wire</strong> — ${FAILING_AFTER} polls failed in a row (last: HTTP 503); never read.`);

    server.failing(null);
    const [ok] = await pollFeeds(e, recordingPorts(e).ports, Date.now(), server.fetcher);
    expect(ok).toMatchObject({ outcome: 'ok', ingested: 1 });
    expect((await health()).feeds[0]).toMatchObject({ consecutive_failures: 0, failing: false, last_error: null });
    expect(await (await app.request('/dashboard', { headers: { authorization: `Bearer ${READ_TOKEN}` } }, e)).text()).not.toContain('feed is failing');
  });

  it('a failure that quotes the feed URL is stored without it (a feed URL may carry an access key)', async () => {
    const url = 'https://wire.example/poll-keyed.xml?key=s3cr3t-feed-key';
    const e = feedEnv(url);
    const [r] = await pollFeeds(e, recordingPorts(e).ports, Date.now(), async (u) => {
      throw new Error(`connection refused for ${u}`);
    });
    expect(r?.error).toBe('fetch failed: connection refused for <feed url>');
    const body = await (await app.request('/health', {}, e)).text();
    expect(body).toContain('connection refused for <feed url>');
    expect(body).not.toContain('s3cr3t-feed-key');
  });

  it('an invalid FEEDS is a configuration error in /health, naming the setting', async () => {
    const res = await app.request('/health', {}, { ...env, FEEDS: '[{"url":"not a url"}]' } as Env);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { config_error: string }).config_error).toContain('FEEDS.0.url');
  });
});
