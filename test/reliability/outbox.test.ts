// Issue 14 items 1–2: the transactional outbox, crash-safe delivery and exactly-once across copies.
import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ledger } from '../../src/queue/consumer';
import type { AlertMessage } from '../../src/schema';
import { captureOutbound, postArticle } from '../helpers';
import { article, settle } from '../security/articles';
import { env } from '../security/state';
import { consume, gate, overrideEnv, slackAlert, tracker, trackerStorage } from './support';

afterEach(() => vi.restoreAllMocks());

type Answer = { alert: string | null; changes: unknown[] };

/** A queue that accepts every message and keeps none: the in-memory local queue of a process that then died. */
const forgetfulQueue = { send: async () => {}, sendBatch: async () => {} } as unknown as Queue<AlertMessage>;

describe('transactional outbox', () => {
  it('the alarm guarding a new alert is armed with its outbox row, before the push (a crash mid-push leaves both)', async () => {
    captureOutbound();
    const key = 'outbox-armed';
    expect((await postArticle(article(3, { place: 'Avila', incident_id: key }))).status).toBe(200);
    await runDurableObjectAlarm(tracker(key)); // nothing of the first report's own bookkeeping pending
    const push = gate();
    await overrideEnv(key, {
      ALERTS: {
        send: async () => push.wait,
        sendBatch: async () => push.wait,
      } as unknown as Queue<AlertMessage>,
    });
    const answer = postArticle(article(5, { place: 'Avila', incident_id: key }));
    await vi.waitUntil(async () => (await trackerStorage(key)).outbox === 1, { timeout: 5_000, interval: 20 });
    // The push hangs: this is the moment a crash would strike. Row and alarm must already be committed.
    const during = await trackerStorage(key);
    expect(during.alarm).not.toBeNull();
    push.open();
    expect((await answer).status).toBe(200);
  });

  it('once the direct KV write has landed, the alarm waits only for the outbox (no wake-up with nothing to do)', async () => {
    captureOutbound();
    const key = 'outbox-alarm-after-write';
    const before = Date.now();
    expect((await postArticle(article(3, { place: 'Cuenca', incident_id: key }))).status).toBe(200);
    const after = await trackerStorage(key);
    expect(after.meta['kv_dirty']).toBe('0');
    // Not a second out for a flush that already happened: the alert's outbox rows are guarded at their recheck time
    // (60 s), or, if the consumer settled them before the write landed, no alarm is left at all.
    if (after.outbox > 0) expect(after.alarm).toBeGreaterThanOrEqual(before + 59_000);
    else expect(after.alarm === null || after.alarm >= before + 59_000).toBe(true);
  });

  it('kv_dirty is cleared only once the KV write has landed', async () => {
    captureOutbound();
    const key = 'outbox-kv-dirty';
    expect((await postArticle(article(3, { place: 'Burgos', incident_id: key }))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_100));
    const write = gate();
    const real = env.READ_MODEL;
    await overrideEnv(key, {
      READ_MODEL: new Proxy(real, {
        get(target, prop) {
          if (prop === 'put') return async (...args: unknown[]) => write.wait.then(() => (target.put as (...a: unknown[]) => Promise<void>).apply(target, args));
          const v = Reflect.get(target, prop) as unknown;
          return typeof v === 'function' ? v.bind(target) : v;
        },
      }),
    });
    const answer = postArticle(article(7, { place: 'Burgos', incident_id: key }));
    await vi.waitUntil(async () => (await trackerStorage(key)).meta['kv_written_ms'] !== undefined && Date.now() - Number((await trackerStorage(key)).meta['kv_written_ms']) < 1_000, {
      timeout: 5_000,
      interval: 20,
    });
    // The KV write hangs (a crash here loses it): the flag must still say a flush is owed, with an alarm for it.
    const during = await trackerStorage(key);
    expect(during.meta['kv_dirty']).toBe('1');
    expect(during.alarm).not.toBeNull();
    write.open();
    expect((await answer).status).toBe(200);
    expect((await trackerStorage(key)).meta['kv_dirty']).toBe('0');
  });
});

describe('crash-safe delivery', () => {
  it('an alert whose queue message was lost stays in the outbox and is re-offered by the alarm, then delivered once', async () => {
    const spy = captureOutbound();
    const key = 'outbox-lost-message';
    expect((await postArticle(article(3, { place: 'Cadiz', incident_id: key }))).status).toBe(200);
    await settle(spy);
    const before = spy.mock.calls.length;
    await overrideEnv(key, { ALERTS: forgetfulQueue });
    const res = await postArticle(article(9, { place: 'Cadiz', incident_id: key }));
    expect((await res.json<Answer>()).alert).not.toBeNull();
    await settle(spy, 600);
    expect(spy.mock.calls.length).toBe(before); // the message is gone with the "crashed" queue
    expect((await trackerStorage(key)).outbox).toBe(1); // … but the alert is not

    await overrideEnv(key, { ALERTS: env.ALERTS, OUTBOX_RECHECK_SECONDS: '0' });
    await runDurableObjectAlarm(tracker(key));
    await vi.waitUntil(() => spy.mock.calls.length === before + 1, { timeout: 8_000, interval: 50 });
    await vi.waitUntil(async () => (await trackerStorage(key)).outbox === 0, { timeout: 8_000, interval: 50 });
    // Asked again, the tracker has nothing left to offer: no second send.
    await runDurableObjectAlarm(tracker(key));
    await settle(spy, 800);
    expect(spy.mock.calls.length).toBe(before + 1);
  });

  it('a re-offer of an alert the ledger already delivered only settles the row', async () => {
    const spy = captureOutbound();
    const key = 'outbox-delivered-unacked';
    expect((await postArticle(article(3, { place: 'Daroca', incident_id: key }))).status).toBe(200);
    await settle(spy);
    await vi.waitUntil(async () => (await trackerStorage(key)).outbox === 0, { timeout: 8_000, interval: 50 });
    // The consumer delivered but its ack-back never arrived: put a delivered alert back into the outbox.
    const alertId = `${key}:v1`;
    expect(await ledger(env).isDelivered(alertId, 'slack')).toBe(true);
    await overrideEnv(key, { OUTBOX_RECHECK_SECONDS: '0' });
    await runInDurableObject(tracker(key), (_i, state) => {
      const message = { v: 1, destination: 'slack', alert: { v: 1, alert_id: alertId, incident_key: key, incident_title: 't', incident_type: null, places: [], is_new_incident: true, changes: [], outlet: 'o', published_ms: 0, created_ms: 0, corroboration: {} } };
      // As the tracker writes it: the row and the alarm that guards it.
      state.storage.sql.exec(`INSERT INTO outbox (message, offered_ms) VALUES (?, 0)`, JSON.stringify(message));
      return state.storage.setAlarm(Date.now() + 60_000);
    });
    const calls = spy.mock.calls.length;
    expect(await runDurableObjectAlarm(tracker(key))).toBe(true);
    expect((await trackerStorage(key)).outbox).toBe(0);
    await settle(spy, 600);
    expect(spy.mock.calls.length).toBe(calls);
  });

  it('two copies of one alert consumed at the same time are sent once', async () => {
    const spy = captureOutbound(async () => {
      await new Promise((r) => setTimeout(r, 300));
      return new Response('ok');
    });
    const message = slackAlert('outbox-two-copies', 2);

    const [a, b] = await Promise.all([consume([message]), consume([message])]);
    expect([...a.explicitAcks, ...b.explicitAcks]).toEqual(['m0', 'm0']);
    expect(spy).toHaveBeenCalledTimes(1);
  });
});
