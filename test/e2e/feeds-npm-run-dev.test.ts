/**
 * The feed loop as a user runs it: `npm run dev` (scripts/dev.mjs) serves the Kerman stampede reports as an RSS
 * feed from its chat sink on 127.0.0.1 and polls it when `/__scheduled` is fetched, exactly as the README's
 * curl lines do. Two triggers must give the alerts that sending the same articles by webhook to another
 * `npm run dev` gives, once each; a third trigger of the unchanged feed changes nothing (test/e2e/feeds.test.ts
 * shows that poll is answered 304).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { loadArticles } from '../../scripts/lib/articles';
import { sendOne } from '../../scripts/lib/send';
import { freePort, ROOT, sleep } from './harness';

const DESTINATIONS = ['slack', 'discord', 'telegram', 'teams', 'webhook'];
const READ = { authorization: 'Bearer dev-read-token' };

interface Dev {
  url: string;
  sink: string;
  output: () => string;
  stop: () => Promise<void>;
}

const running: Dev[] = [];
afterEach(async () => {
  for (const dev of running.splice(0)) await dev.stop();
});

/** `npm run dev` on free ports with its own --persist-to, so a developer's running copy and state are untouched. */
async function startDev(): Promise<Dev> {
  const port = await freePort();
  let sinkPort = await freePort();
  while (sinkPort === port) sinkPort = await freePort();
  const persist = await mkdtemp(path.join(tmpdir(), 'tollwatch-feed-dev-'));
  let out = '';
  const child: ChildProcess = spawn(process.execPath, ['scripts/dev.mjs', '--port', String(port), '--sink-port', String(sinkPort), '--persist-to', persist], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const dev: Dev = {
    url: `http://127.0.0.1:${port}`,
    sink: `http://127.0.0.1:${sinkPort}`,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, sleep(15_000)]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      await rm(persist, { recursive: true, force: true });
    },
  };
  running.push(dev);
  const deadline = Date.now() + 120_000;
  while (!out.includes('or poll the sample feed')) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`npm run dev did not start; output:\n${out}`);
    await sleep(250);
  }
  return dev;
}

type Received = { destination: string; text: string };
const sinkReceived = async (dev: Dev) => ((await (await fetch(`${dev.sink}/_sink`)).json()) as { received: Received[]; requests: number });

/** Waits until the sink holds `count` deliveries and then nothing new for `quietMs` (late or repeated ones show). */
async function settle(dev: Dev, count: number, quietMs = 3000): Promise<{ received: Received[]; requests: number }> {
  const deadline = Date.now() + 90_000;
  while ((await sinkReceived(dev)).received.length < count) {
    if (Date.now() > deadline) throw new Error(`the sink got fewer than ${count} deliveries; output:\n${dev.output()}`);
    await sleep(500);
  }
  let last = -1;
  let now = await sinkReceived(dev);
  while (now.requests !== last) {
    last = now.requests;
    await sleep(quietMs);
    now = await sinkReceived(dev);
  }
  return now;
}

/** Each destination's alert texts in arrival order. */
const byDestination = (received: Received[]) => Object.fromEntries(DESTINATIONS.map((d) => [d, received.filter((r) => r.destination === d).map((r) => r.text)]));

it('npm run dev: /__scheduled twice gives the webhook alerts once each; a third trigger of the unchanged feed changes nothing', async () => {
  const articles = await loadArticles([path.join(ROOT, 'fixtures/kerman-stampede')]);
  const expected = articles.length * DESTINATIONS.length;

  const webhook = await startDev();
  for (const item of articles) {
    const result = await sendOne(item, { url: webhook.url });
    expect(result.ok, JSON.stringify(result.error)).toBe(true);
  }
  const sent = byDestination((await settle(webhook, expected)).received);
  await webhook.stop();
  expect(sent.slack).toHaveLength(articles.length);

  const dev = await startDev();
  // As the README has it: curl http://localhost:8787/__scheduled (no cron: the feed poll).
  for (let i = 0; i < 2; i++) expect((await fetch(`${dev.url}/__scheduled`)).status).toBe(200);
  const polled = await settle(dev, expected);
  expect(byDestination(polled.received)).toEqual(sent);

  const incidents = async () => (await (await fetch(`${dev.url}/v1/incidents`, { headers: READ })).json()) as unknown;
  type FeedHealth = { name: string; items_ingested: number; failing: boolean; last_polled: string | null };
  const feeds = async () => ((await (await fetch(`${dev.url}/health`)).json()) as { feeds: FeedHealth[] }).feeds;
  const before = { incidents: await incidents(), feeds: await feeds() };
  expect(before.feeds).toEqual([expect.objectContaining({ name: 'Sample feed', items_ingested: articles.length, failing: false })]);
  await sleep(1100); // last_polled has whole seconds at best: the third poll must show as a later one
  expect((await fetch(`${dev.url}/__scheduled`)).status).toBe(200);
  const after = await settle(dev, expected);
  expect(after.requests).toBe(polled.requests);
  expect(await incidents()).toEqual(before.incidents);
  const [polledAgain] = await feeds();
  // The third trigger did poll (a later last_polled), and ingested nothing new.
  expect(Date.parse(polledAgain?.last_polled ?? '')).toBeGreaterThan(Date.parse(before.feeds[0]?.last_polled ?? ''));
  expect(polledAgain).toMatchObject({ items_ingested: articles.length, failing: false });
}, 400_000);
