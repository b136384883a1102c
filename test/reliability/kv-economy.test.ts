// KV economy: duplicates and unchanged reports write nothing, and a burst writes an incident's value at most once per window.
import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Env } from '../../src/env';
import type { IncidentState } from '../../src/schema';
import { captureOutbound, postArticle } from '../helpers';
import { article, settle } from '../security/articles';
import { env } from '../security/state';

afterEach(() => vi.restoreAllMocks());

/*
 * Counting KV writes. The tracker writes KV from inside its Durable Object, so a spy on the test's own
 * env.READ_MODEL would see nothing. In the Workers pool the object runs in the test's isolate, though, so
 * runInDurableObject hands us the live instance: we swap its `env` for one whose READ_MODEL records every put
 * (key and wall time) and forwards it. The object keeps running its real code on the real KV.
 */
type Put = { key: string; at: number };
async function countPuts(key: string): Promise<Put[]> {
  const puts: Put[] = [];
  const stub = env.INCIDENT_TRACKER.get(env.INCIDENT_TRACKER.idFromName(key));
  await runInDurableObject(stub, (instance) => {
    const inner = instance as unknown as { env: Env };
    const real = inner.env.READ_MODEL;
    const kv = new Proxy(real, {
      get(target, prop) {
        if (prop === 'put') {
          return (k: string, ...rest: unknown[]) => {
            puts.push({ key: k, at: Date.now() });
            return (target.put as (...a: unknown[]) => Promise<void>).call(target, k, ...rest);
          };
        }
        const v = Reflect.get(target, prop) as unknown;
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    Object.defineProperty(inner, 'env', { value: { ...inner.env, READ_MODEL: kv }, configurable: true, writable: true });
  });
  return puts;
}

const tracker = (key: string) => env.INCIDENT_TRACKER.get(env.INCIDENT_TRACKER.idFromName(key));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('KV economy', () => {
  it('a duplicate or an unchanged report costs no KV write', async () => {
    const spy = captureOutbound();
    const key = 'kv-dup';
    const first = article(31, { place: 'Lima', incident_id: key });
    expect((await postArticle(first)).status).toBe(200);
    await sleep(1_100);
    const puts = await countPuts(key);

    // The same article again (sender retry under a new webhook-id), twice.
    expect((await postArticle(first)).status).toBe(200);
    expect((await postArticle(first, { webhookId: 'kv-dup-retry' })).status).toBe(200);
    // Another article from the same outlet repeating the same figure: logged, but the state does not change.
    const same = { ...article(31, { place: 'Lima', incident_id: key, extra: 'Officials gave no new figures on Tuesday.' }), url: 'https://news.example/lima/31-again' };
    const res = await postArticle(same);
    expect((await res.json<{ duplicate: boolean; changes: unknown[] }>()).changes).toEqual([]);
    await sleep(1_200);
    await runDurableObjectAlarm(tracker(key));
    expect(puts).toEqual([]);
    await settle(spy);
  });

  it('a burst of reports writes the incident’s KV value at most once a second, and the last state lands', async () => {
    const spy = captureOutbound();
    const key = 'kv-burst';
    expect((await postArticle(article(1, { place: 'Quito', incident_id: key, published: new Date(Date.UTC(2026, 2, 2, 8, 0)).toISOString() }))).status).toBe(200);
    const puts = await countPuts(key);
    const started = Date.now();
    let n = 1;
    while (Date.now() - started < 3_500) {
      n++;
      const published = new Date(Date.UTC(2026, 2, 2, 8, n)).toISOString();
      expect((await postArticle(article(n, { place: 'Quito', incident_id: key, published }))).status).toBe(200);
      await sleep(20 + ((n * 37) % 80));
    }
    const state = (await tracker(key).state()) as IncidentState;
    expect(state.figures.killed?.value).toBe(n);
    // The coalescing alarm lands the last state about a second after the burst; a loaded machine may take longer.
    type Summary = { version: number; figures: { killed?: { value: number } } };
    let summary: Summary | null = null;
    for (const waitUntil = Date.now() + 5_000; Date.now() < waitUntil; await sleep(100)) {
      summary = await env.READ_MODEL.get<Summary>(`incident:${key}`, 'json');
      if (summary?.version === state.version) break;
    }
    expect(summary?.figures.killed?.value).toBe(n); // nothing lost: the last state reached KV
    expect(summary?.version).toBe(state.version);

    // One value per incident (summary and timeline together): the old timeline key is never written.
    expect(puts.filter((p) => p.key !== `incident:${key}`)).toEqual([]);
    for (const k of [`incident:${key}`]) {
      const times = puts.filter((p) => p.key === k).map((p) => p.at);
      const gaps = times.slice(1).map((t, i) => t - times[i]!);
      expect(Math.min(...gaps), `${k}: ${times.length} writes for ${n - 1} reports, gaps ${gaps.join(',')}`).toBeGreaterThanOrEqual(1_000);
      expect(times.length).toBeLessThanOrEqual(Math.ceil((Date.now() - started) / 1000) + 1);
    }
    console.info(`burst: ${n - 1} reports in ${Date.now() - started} ms → ${puts.length} writes`);
    await settle(spy);
  });

  it('an alarm due within a second of a direct write waits instead of writing again', async () => {
    // The coalescing alarm can be left over from before a direct write (it is only ever moved earlier):
    // request at T writes; at T+0.5 s an alarm is set for T+1 s; at T+1 s a request writes directly; at T+1.01 s
    // another marks the model dirty and keeps the T+1 s alarm, which then fires ~10 ms after the direct write.
    const spy = captureOutbound();
    const key = 'kv-alarm';
    expect((await postArticle(article(5, { place: 'Osaka', incident_id: key }))).status).toBe(200);
    await sleep(1_100);
    const puts = await countPuts(key);
    expect((await postArticle(article(6, { place: 'Osaka', incident_id: key, published: new Date(Date.now() + 1000).toISOString() }))).status).toBe(200);
    expect(puts.filter((p) => p.key === `incident:${key}`)).toHaveLength(1); // written directly (≥ 1 s since the last)
    // Dirty again right away, with an alarm already due now (the left-over).
    await runInDurableObject(tracker(key), async (_i, state) => {
      state.storage.sql.exec(`UPDATE meta SET v = '1' WHERE k = 'kv_dirty'`);
      await state.storage.setAlarm(Date.now());
    });
    await runDurableObjectAlarm(tracker(key));
    expect(puts.filter((p) => p.key === `incident:${key}`)).toHaveLength(1);
    // …and it still lands, a second after the direct write.
    await sleep(1_300);
    await runDurableObjectAlarm(tracker(key));
    const times = puts.filter((p) => p.key === `incident:${key}`).map((p) => p.at);
    expect(times).toHaveLength(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(1_000);
    await settle(spy);
  });
});
