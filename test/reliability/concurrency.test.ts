// Concurrent reports of one incident: the highest toll and the alerts a serial run gives, re-sends that change nothing, one incident from two first reports.
import { runInDurableObject } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ArticleResult, IncidentState } from '../../src/schema';
import { captured, captureOutbound, postArticle } from '../helpers';
import { article, settle } from '../security/articles';
import { env } from '../security/state';

afterEach(() => vi.restoreAllMocks());

const BASE_MS = Date.parse('2026-03-02T08:00:00Z');
const TOLLS = Array.from({ length: 20 }, (_, i) => 10 + 5 * i); // 10, 15, … 105: toll rises with publication time

/** Deterministic shuffle (mulberry32), so a failure can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function report(i: number, place: string, incidentId: string) {
  return article(TOLLS[i]!, { place, incident_id: incidentId, id: `${incidentId}-${i}`, published: new Date(BASE_MS + i * 60_000).toISOString() });
}

function tracker(key: string) {
  return env.INCIDENT_TRACKER.get(env.INCIDENT_TRACKER.idFromName(key));
}

/** The tracker's report log in the order the object applied the reports (its single-threaded arrival order). */
async function arrivalOrder(key: string): Promise<Array<{ article_id: string; alert_id: string | null; result: ArticleResult }>> {
  return runInDurableObject(tracker(key), (_i, state) =>
    state.storage.sql
      .exec<{ article_id: string; alert_id: string | null; result: string }>(`SELECT article_id, alert_id, result FROM reports ORDER BY seq`)
      .toArray()
      .map((r) => ({ article_id: r.article_id, alert_id: r.alert_id, result: JSON.parse(r.result) as ArticleResult })),
  );
}

const alertChanges = (r: ArticleResult) => (r.alert ? r.changes.filter((c) => c.kind === 'casualty').map((c) => `${c.category}:${c.from?.value ?? '-'}→${c.to.value}`) : []);

describe('concurrent reports of one incident', () => {
  /*
   * What "the alerts a serial run would produce" means here. Publication time and toll rise together; the
   * requests reach the incident's Durable Object in some order we do not choose. The tracker treats a report
   * published before the newest one it holds as late: it may fill gaps but never overwrites or alerts
   * ("an older article arriving late must not announce a stale toll"). So the alerts depend on the arrival
   * order, and the right reference is a serial run *in the same arrival order* on a fresh incident — not in
   * publication order (that would give 20 alerts; a late, lower toll must not alert). In that order, a report
   * alerts exactly when it is the newest so far (a running maximum), so independently of the tracker:
   *   - the first arrival alerts "new", every later newest-so-far arrival alerts "up", the rest alert nothing;
   *   - the report published last (toll 105) always alerts, so the last alert announces the final toll;
   *   - alerts are strictly increasing: no duplicate, none lost.
   * The object is single-threaded and each report's read-compare-write is synchronous, so the concurrent run
   * must equal that serial run exactly; a lost update would show as a final toll below 105 or a repeated alert.
   */
  it('20 concurrent reports give the highest toll and exactly the alerts a serial run in arrival order gives', async () => {
    const spy = captureOutbound();
    const order = shuffled(TOLLS.map((_, i) => i), 20260302);
    const started = Date.now();
    const responses = await Promise.all(order.map((i) => postArticle(report(i, 'Lagos', 'concurrent-lagos'))));
    const elapsed = Date.now() - started;
    for (const res of responses) expect(res.status).toBe(200);
    const results = await Promise.all(responses.map((r) => r.json<ArticleResult>()));
    expect(new Set(results.map((r) => r.incident))).toEqual(new Set(['concurrent-lagos']));

    const state = (await tracker('concurrent-lagos').state()) as IncidentState;
    expect(state.figures.killed?.value).toBe(105);
    expect(state.report_count).toBe(20);

    const log = await arrivalOrder('concurrent-lagos');
    expect(log).toHaveLength(20);
    const arrivedTolls = log.map((r) => r.result.casualties.killed?.value ?? -1);

    // Independent expectation: running maxima of the arrival order.
    const expected: string[] = [];
    let max = -1;
    for (const toll of arrivedTolls) {
      if (toll > max) expected.push(`killed:${max < 0 ? '-' : max}→${toll}`);
      max = Math.max(max, toll);
    }
    const concurrentAlerts = log.flatMap((r) => alertChanges(r.result));
    expect(concurrentAlerts).toEqual(expected);
    expect(concurrentAlerts.at(-1)).toMatch(/→105$/);
    const alertIds = log.map((r) => r.alert_id).filter((id): id is string => id !== null);
    expect(new Set(alertIds).size).toBe(alertIds.length);
    expect(alertIds).toHaveLength(expected.length);

    // The reference: the same reports one at a time, in the observed arrival order, on a fresh incident.
    for (const toll of arrivedTolls) {
      const i = TOLLS.indexOf(toll);
      expect((await postArticle(report(i, 'Karachi', 'serial-karachi'))).status).toBe(200);
    }
    const serialLog = await arrivalOrder('serial-karachi');
    expect(serialLog.flatMap((r) => alertChanges(r.result))).toEqual(concurrentAlerts);
    expect(((await tracker('serial-karachi').state()) as IncidentState).figures).toMatchObject({ killed: { value: 105 } });

    // Delivered: each alert exactly once (no queue duplicate), none lost.
    await vi.waitUntil(() => captured(spy).filter((r) => r.body.includes('Lagos')).length >= alertIds.length, { timeout: 10_000, interval: 100 });
    await settle(spy);
    expect(captured(spy).filter((r) => r.body.includes('Lagos'))).toHaveLength(alertIds.length);
    expect(captured(spy).filter((r) => r.body.includes('Karachi'))).toHaveLength(alertIds.length);
    console.info(`arrival order ${arrivedTolls.join(',')}; ${alertIds.length} alerts; 20 concurrent requests in ${elapsed} ms`);
  });

  it('the same 20 reports re-sent concurrently change nothing and alert nothing', async () => {
    const spy = captureOutbound();
    const before = await tracker('concurrent-lagos').state();
    const responses = await Promise.all(shuffled(TOLLS.map((_, i) => i), 7).map((i) => postArticle(report(i, 'Lagos', 'concurrent-lagos'))));
    for (const res of responses) {
      expect(res.status).toBe(200);
      expect((await res.json<ArticleResult>()).duplicate).toBe(true);
    }
    expect(await tracker('concurrent-lagos').state()).toEqual(before);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(captured(spy).filter((r) => r.body.includes('Lagos'))).toHaveLength(0);
  });

  it('two simultaneous first reports of one incident open one incident (5 rounds)', async () => {
    const spy = captureOutbound();
    for (const place of ['Nairobi', 'Manila', 'Dhaka', 'Lima', 'Cairo']) {
      const a = { ...article(7, { place }), url: `https://a.example/${place}` };
      const b = {
        ...article(9, { place }),
        url: `https://b.example/${place}`,
        source: 'Other Wire',
        text: `At least 9 people were killed in the explosion in ${place} on Monday, police said. Dozens more were taken to hospital.`,
      };
      const [ra, rb] = await Promise.all([postArticle(a), postArticle(b)]);
      expect(ra.status).toBe(200);
      expect(rb.status).toBe(200);
      const [ja, jb] = [await ra.json<ArticleResult>(), await rb.json<ArticleResult>()];
      expect(jb.incident, place).toBe(ja.incident);
      const keys = await runInDurableObject(env.INCIDENT_INDEX.get(env.INCIDENT_INDEX.idFromName('global')), (_i, state) =>
        state.storage.sql.exec<{ key: string }>(`SELECT key FROM incidents`).toArray().map((r) => r.key),
      );
      expect(keys.filter((k) => k.toLowerCase().includes(place.toLowerCase())), place).toEqual([ja.incident]);
    }
    await settle(spy);
  });
});
