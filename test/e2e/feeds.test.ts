/**
 * Feeds end to end: the real worker (`[env.dev]`, local workerd) polls a feed served on 127.0.0.1 holding the
 * Kerman stampede reports when `/__scheduled` fires its Cron Trigger. The alerts must be exactly those that
 * posting the same articles by webhook gives, once each; a poll of the unchanged feed (304) changes nothing.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadArticles } from '../../scripts/lib/articles';
import { feedArticles, ServedFeed } from '../../scripts/lib/sample-feed';
import { sendOne } from '../../scripts/lib/send';
import type { SinkDestination } from '../../scripts/chat-sink';
import { ROOT, sleep, startE2E, type E2E } from './harness';

const KERMAN = path.join(ROOT, 'fixtures/kerman-stampede');
const DESTINATIONS: SinkDestination[] = ['slack', 'discord', 'telegram', 'teams', 'webhook'];
const READ = { authorization: 'Bearer dev-read-token' };

let feedServer: Server | undefined;
let e2e: E2E | undefined;
afterAll(async () => {
  await e2e?.stop();
  await new Promise((r) => (feedServer ? feedServer.close(r) : r(undefined)));
});

/** Waits until the sink has seen no new request for `quietMs` (catches late or duplicate deliveries). */
async function settle(sinkRequests: () => number, quietMs = 2500): Promise<void> {
  let last = -1;
  while (last !== sinkRequests()) {
    last = sinkRequests();
    await sleep(quietMs);
  }
}

/** What each destination received, as readable texts in arrival order (webhook ids and timestamps left out). */
const received = (run: E2E) => Object.fromEntries(DESTINATIONS.map((d) => [d, run.sink.byDestination(d).map((r) => r.text)]));

let byWebhook: Record<string, string[]> = {};
const feed = new ServedFeed({ title: 'Kerman desk', link: 'http://127.0.0.1/' });

beforeAll(async () => {
  // The same three articles, sent by webhook to a fresh worker: the alerts the feed must reproduce.
  const webhookRun = await startE2E();
  try {
    for (const item of await loadArticles([KERMAN])) {
      const result = await sendOne(item, { url: webhookRun.url });
      expect(result.ok, JSON.stringify(result.error)).toBe(true);
    }
    await webhookRun.sink.waitFor(3 * DESTINATIONS.length, { timeoutMs: 60_000 });
    await settle(() => webhookRun.sink.requests.length);
    byWebhook = received(webhookRun);
  } finally {
    await webhookRun.stop();
  }

  feed.set(await feedArticles([KERMAN]));
  feedServer = createServer((req, res) => (req.url === '/kerman.xml' ? feed.serve(req, res) : (res.writeHead(404), res.end())));
  await new Promise<void>((r) => feedServer!.listen(0, '127.0.0.1', r));
  const feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/kerman.xml`;
  e2e = await startE2E({ testScheduled: true, vars: { FEEDS: JSON.stringify([{ url: feedUrl, name: 'Kerman desk' }]) } });
}, 300_000);

const trigger = async () => {
  const res = await fetch(`${e2e!.url}/__scheduled?cron=${encodeURIComponent('*/10 * * * *')}`);
  expect(res.status).toBe(200);
  await res.text();
};

it('two polls give exactly the webhook alerts, once each; a third poll of the unchanged feed (304) changes nothing', async () => {
  expect(byWebhook.slack).toHaveLength(3);

  await trigger();
  await trigger();
  await e2e!.sink.waitFor(3 * DESTINATIONS.length, { timeoutMs: 60_000 });
  await settle(() => e2e!.sink.requests.length);
  expect(received(e2e!)).toEqual(byWebhook);
  expect(feed.answers).toEqual([200, 304]);

  const incidents = async () => (await (await fetch(`${e2e!.url}/v1/incidents`, { headers: READ })).json()) as unknown;
  const health = async () => (await (await fetch(`${e2e!.url}/health`)).json()) as { feeds: { name: string; items_ingested: number; failing: boolean }[] };
  const before = { incidents: await incidents(), requests: e2e!.sink.requests.length };
  expect((await health()).feeds).toEqual([expect.objectContaining({ name: 'Kerman desk', items_ingested: 3, failing: false })]);

  await trigger();
  await settle(() => e2e!.sink.requests.length);
  expect(feed.answers).toEqual([200, 304, 304]);
  expect(e2e!.sink.requests.length).toBe(before.requests);
  expect(await incidents()).toEqual(before.incidents);
});
