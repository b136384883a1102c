/**
 * Fault drills, end to end: the real worker (`[env.dev]`, local workerd, real queues, DLQ and Durable Objects)
 * delivering to the chat sink, which fails on command. Retry pacing is shortened with the consumer's settings
 * (RETRY_BASE_SECONDS=0.5 → 1 s, 2 s, 4 s; MAX_DELIVERY_ATTEMPTS=4); a service's own Retry-After is honoured
 * as given. Each drill follows Slack's copy of an alert (every alert also goes to the other four destinations).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article } from '../security/articles';
import { sleep, startE2E, type E2E } from './harness';

const READ = 'e2e-read-token';
let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E({ vars: { RETRY_BASE_SECONDS: '0.5', MAX_DELIVERY_ATTEMPTS: '4', READ_TOKEN: READ } });
});
afterAll(async () => {
  await e2e?.stop();
});

async function send(payload: unknown): Promise<{ incident: string; alert: string | null }> {
  const res = await fetch(`${e2e.url}/v1/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json() as Promise<{ incident: string; alert: string | null }>;
}

const slackFor = (place: string, all = false) => (all ? e2e.sink.requests : e2e.sink.received).filter((r) => r.destination === 'slack' && r.body.includes(place));

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 40_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

async function deadLetters(): Promise<Array<{ id: number; destination: string; incident: string; reason: string }>> {
  const res = await fetch(`${e2e.url}/v1/dead-letters`, { headers: { authorization: `Bearer ${READ}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { dead_letters: Array<{ id: number; destination: string; incident: string; reason: string }> }).dead_letters;
}

describe('fault drills against a failing chat service', () => {
  it('Slack down until every alert was refused: each arrives exactly once after recovery', async () => {
    // The outage ends when the test says so, not after a fixed time: on a slow machine a timed outage could end
    // before the last alert's first attempt, and that alert would never meet the outage at all.
    const places = ['Lagos', 'Nairobi', 'Lima'];
    e2e.sink.fail({ status: 503, forMs: 10 * 60_000, destination: 'slack' });
    for (const [i, place] of places.entries()) {
      const r = await send(article(11 + i, { place, id: `e2e-down-${place}` }));
      expect(r.alert).not.toBeNull();
    }
    await until('every alert refused at least once', () => places.every((p) => slackFor(p, true).length >= 1) || undefined);
    const recoveredAt = Date.now();
    e2e.sink.clearFailures();
    await until('all three alerts delivered', () => places.every((p) => slackFor(p).length >= 1) || undefined);
    await sleep(3_000); // anything duplicated would show by now
    for (const place of places) {
      expect(slackFor(place), place).toHaveLength(1);
      expect(slackFor(place)[0]!.at).toBeGreaterThanOrEqual(recoveredAt);
      expect(slackFor(place, true).filter((r) => r.status === 503).length, `${place}: refused while down`).toBeGreaterThanOrEqual(1);
    }
  });

  it('429 with Retry-After: 3 → waits about 3 s, then delivers once', async () => {
    e2e.sink.fail({ status: 429, retryAfter: 3, count: 1, destination: 'slack' });
    await send(article(21, { place: 'Quito', id: 'e2e-429' }));
    const [ok] = await until('the alert after the 429', () => (slackFor('Quito').length ? slackFor('Quito') : undefined));
    const limited = slackFor('Quito', true).find((r) => r.status === 429)!;
    expect(limited).toBeDefined();
    expect(ok!.at - limited.at).toBeGreaterThanOrEqual(2_900);
    expect(ok!.at - limited.at).toBeLessThan(15_000); // not the backoff schedule either (generous: CI machines are slow)
    await sleep(2_000);
    expect(slackFor('Quito')).toHaveLength(1);
  });

  it('500 forever: dead-lettered after the attempts run out, visible, and a re-drive delivers exactly once', async () => {
    e2e.sink.fail({ status: 500, forMs: 120_000, destination: 'slack' });
    const { incident } = await send(article(31, { place: 'Osaka', id: 'e2e-500' }));
    const letter = await until('the dead letter', async () => (await deadLetters()).find((d) => d.incident === incident && d.destination === 'slack'));
    expect(letter.reason).toMatch(/HTTP 500/);
    expect(slackFor('Osaka', true).length).toBe(4); // MAX_DELIVERY_ATTEMPTS
    expect(slackFor('Osaka')).toHaveLength(0);
    const health = (await (await fetch(`${e2e.url}/health`)).json()) as { dead_letters: number };
    expect(health.dead_letters).toBeGreaterThanOrEqual(1);

    e2e.sink.clearFailures();
    const redrive = await fetch(`${e2e.url}/v1/dead-letters/${letter.id}/redrive`, { method: 'POST', headers: { authorization: `Bearer ${READ}`, 'content-type': 'application/json' }, body: '{}' });
    expect(redrive.status).toBe(202);
    await until('the re-driven alert', () => (slackFor('Osaka').length ? true : undefined));
    await sleep(3_000);
    expect(slackFor('Osaka')).toHaveLength(1);
    expect((await deadLetters()).find((d) => d.id === letter.id)).toBeUndefined();
    const again = await fetch(`${e2e.url}/v1/dead-letters/${letter.id}/redrive`, { method: 'POST', headers: { authorization: `Bearer ${READ}`, 'content-type': 'application/json' }, body: '{}' });
    expect(again.status).toBe(404);
    const after = (await (await fetch(`${e2e.url}/health`)).json()) as { destinations: Array<{ destination: string; last_delivered: string | null }> };
    expect(after.destinations.find((d) => d.destination === 'slack')?.last_delivered).not.toBeNull();
  });
});
