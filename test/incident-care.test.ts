// Incident care: merging incidents, moving a report, muting alerts, and the audit of every action.
import { env, exports } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { captured, captureOutbound, postArticle, READ_TOKEN } from './helpers';

const article = (id: string, incident_id: string, text: string, published: string) => ({ id, incident_id, text, published, source: 'Test Wire' });
const care = (path: string, body: unknown, token = READ_TOKEN) =>
  exports.default.fetch(`http://tollwatch.test/v1/incidents/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
const stateOf = (key: string) => env.INCIDENT_TRACKER.get(env.INCIDENT_TRACKER.idFromName(key)).state();

beforeEach(() => {
  captureOutbound();
});
afterEach(() => vi.restoreAllMocks());

describe('incident care', () => {
  it('merges two incidents and recomputes the figures from all their reports', async () => {
    expect((await postArticle(article('m1', 'care-a', 'Police said 12 people were killed in the blast in Quetta.', '2024-03-01T08:00:00Z'), { webhookId: 'msg_m1' })).status).toBe(200);
    expect((await postArticle(article('m2', 'care-b', 'Officials said 19 people were killed and 40 people injured in the Quetta blast.', '2024-03-01T18:00:00Z'))).status).toBe(200);

    const res = await care('care-a/merge', { into: 'care-b' });
    expect(res.status).toBe(200);
    const merged = await stateOf('care-b');
    expect(merged?.figures.killed?.value).toBe(19);
    expect(merged?.report_count).toBe(2);
    const emptied = await stateOf('care-a');
    expect(emptied?.closed).toBe(true);
    expect(emptied?.figures).toEqual({});
    // A re-send of a merged article is answered from its new incident.
    const again = await postArticle(article('m1', 'care-a', 'Police said 12 people were killed in the blast in Quetta.', '2024-03-01T08:00:00Z'), { webhookId: 'msg_m1' });
    expect((await again.json<{ incident: string }>()).incident).toBe('care-b');
  });

  it('moves a report to a new incident and recomputes both', async () => {
    await postArticle(article('v1', 'care-c', 'Rescuers said 7 people died when the bridge collapsed.', '2024-04-01T08:00:00Z'));
    // The webhook-id, not the payload id, names the article when both are given.
    const second = await postArticle(article('v2', 'care-c', 'In an unrelated fire, 30 people were killed at a market.', '2024-04-01T10:00:00Z'), { webhookId: 'msg_v2' });
    expect(second.status).toBe(200);
    expect((await stateOf('care-c'))?.figures.killed?.value).toBe(30);

    const res = await care('care-c/reports/msg_v2/move', { to: null });
    expect(res.status).toBe(200);
    const moved = await res.json<{ to: string }>();
    expect(moved.to).not.toBe('care-c');
    expect((await stateOf('care-c'))?.figures.killed?.value).toBe(7);
    expect((await stateOf(moved.to))?.figures.killed?.value).toBe(30);
  });

  it('mutes alerts without freezing the figures, and records every action', async () => {
    const spy = captureOutbound();
    // Alerts of earlier tests may still be in the queue: count only this incident's.
    const crashAlerts = () => captured(spy).filter((r) => r.body.includes('crash')).length;
    await postArticle(article('u1', 'care-d', 'Two people were killed in the crash.', '2024-05-01T08:00:00Z'));
    // Delivery goes through the queue: on a loaded machine it takes longer than waitUntil's default second.
    await vi.waitUntil(() => crashAlerts() === 1, { timeout: 15_000, interval: 100 });
    expect((await care('care-d/mute', { muted: true })).status).toBe(200);
    await postArticle(article('u2', 'care-d', 'The crash toll rose to 5 dead, police said.', '2024-05-01T12:00:00Z'));
    await new Promise((r) => setTimeout(r, 1500));
    expect(crashAlerts()).toBe(1);
    expect((await stateOf('care-d'))?.figures.killed?.value).toBe(5);
    expect((await care('care-d/close', { closed: true })).status).toBe(200);
    expect((await stateOf('care-d'))?.closed).toBe(true);
  });

  it('refuses without the token and names unknown incidents', async () => {
    expect((await care('nope/mute', { muted: true }, 'wrong')).status).toBe(401);
    const res = await care('nope/mute', { muted: true });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'no incident "nope"' } });
  });
});
