// Issue 14 item 5: merge and move copy reports first and delete after, so a failure between the two loses none.
import { runInDurableObject } from 'cloudflare:test';
import { exports } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Env } from '../../src/env';
import { app } from '../../src/index';
import { captureOutbound, postArticle, READ_TOKEN } from '../helpers';
import { article } from '../security/articles';
import { env } from '../security/state';
import { tracker } from './support';

afterEach(() => vi.restoreAllMocks());

const care = (path: string, body: unknown) =>
  exports.default.fetch(`http://tollwatch.test/v1/incidents/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${READ_TOKEN}` },
    body: JSON.stringify(body),
  });

const reportIds = (key: string) =>
  runInDurableObject(tracker(key), (_i, state) => state.storage.sql.exec<{ article_id: string }>(`SELECT article_id FROM reports ORDER BY article_id`).toArray().map((r) => r.article_id));
const actions = (key: string) => runInDurableObject(tracker(key), (_i, state) => state.storage.sql.exec<{ action: string }>(`SELECT action FROM actions`).toArray().map((r) => r.action));

/**
 * The worker's env with the next adoptReports on `key`'s tracker failing, as if that object were reset
 * mid-operation (the failure happens at the caller, so no exception is thrown inside a Durable Object).
 */
function failingAdopt(key: string): Env {
  const real = env.INCIDENT_TRACKER;
  let armed = true;
  const namespace = new Proxy(real, {
    get(target, prop) {
      if (prop === 'get') {
        return (id: DurableObjectId) => {
          const stub = target.get(id);
          if (!armed || !id.equals(target.idFromName(key))) return stub;
          return new Proxy(stub, {
            get(s, q) {
              if (q === 'adoptReports') {
                return async () => {
                  armed = false;
                  throw new Error('simulated reset');
                };
              }
              // Every name on a stub is a remote method (even `bind`): call through the real stub, and stay unthenable.
              if (q === 'then' || typeof q !== 'string') return undefined;
              return (...args: unknown[]) => (s as unknown as Record<string, (...a: unknown[]) => unknown>)[q]?.(...args);
            },
          });
        };
      }
      const v = Reflect.get(target, prop) as unknown;
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return { ...env, INCIDENT_TRACKER: namespace };
}

const careWith = (worldEnv: Env, path: string, body: unknown) =>
  app.request(
    `http://tollwatch.test/v1/incidents/${path}`,
    { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${READ_TOKEN}` }, body: JSON.stringify(body) },
    worldEnv,
  );

describe('incident care survives a failure halfway', () => {
  it('merge: a failed adopt leaves the source whole; the retry completes it once', async () => {
    captureOutbound();
    const from = 'care-crash-from';
    const into = 'care-crash-into';
    for (const [n, id] of [[3, 'cc-1'], [5, 'cc-2']] as const) expect((await postArticle(article(n, { place: 'Lerma', incident_id: from }), { webhookId: id })).status).toBe(200);
    expect((await postArticle(article(8, { place: 'Lerma', incident_id: into }), { webhookId: 'cc-3' })).status).toBe(200);
    vi.spyOn(console, 'log').mockImplementation(() => undefined);

    expect((await careWith(failingAdopt(into), `${from}/merge`, { into })).status).toBe(500);
    expect(await reportIds(from)).toEqual(['cc-1', 'cc-2']);

    expect((await care(`${from}/merge`, { into })).status).toBe(200);
    expect((await care(`${from}/merge`, { into })).status).toBe(200);
    expect(await reportIds(into)).toEqual(['cc-1', 'cc-2', 'cc-3']);
    expect(await reportIds(from)).toEqual([]);
    expect((await actions(into)).filter((a) => a === 'merge')).toHaveLength(1);
  });

  it('move: a failed adopt leaves the report where it was; the retry moves it once', async () => {
    captureOutbound();
    const from = 'care-crash-move-from';
    const to = 'care-crash-move-to';
    expect((await postArticle(article(4, { place: 'Mora', incident_id: from }), { webhookId: 'cm-1' })).status).toBe(200);
    expect((await postArticle(article(9, { place: 'Mora', incident_id: from }), { webhookId: 'cm-2' })).status).toBe(200);
    expect((await postArticle(article(2, { place: 'Mora', incident_id: to }), { webhookId: 'cm-3' })).status).toBe(200);
    vi.spyOn(console, 'log').mockImplementation(() => undefined);

    expect((await careWith(failingAdopt(to), `${from}/reports/cm-2/move`, { to })).status).toBe(500);
    expect(await reportIds(from)).toEqual(['cm-1', 'cm-2']);

    expect((await care(`${from}/reports/cm-2/move`, { to })).status).toBe(200);
    expect(await reportIds(to)).toEqual(['cm-2', 'cm-3']);
    expect(await reportIds(from)).toEqual(['cm-1']);
  });
});
