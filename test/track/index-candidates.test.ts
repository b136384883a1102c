// The index finds candidates through specific keys first: a key shared by hundreds of open incidents (a country) adds only
// its most recent; a key's recency is refreshed at most hourly, and no incident inside its quiet period is missed for it.
import { runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { KEY_RECENCY_STEP_MS } from '../../src/durable/incident-index';
import { env } from '../security/state';

const NOW = Date.parse('2026-03-02T08:00:00Z');

function index(name: string) {
  return env.INCIDENT_INDEX.get(env.INCIDENT_INDEX.idFromName(name));
}

async function hold(name: string, count: number): Promise<string[]> {
  const keys: string[] = [];
  for (let i = 0; i < count; i++) keys.push(await index(name).createFor(`shooting-town-${i}`, { type: 'shooting', places: [`Town ${i}`, 'United States'] }, NOW - i * 60_000));
  return keys;
}

function shootingIn(town: string, id: string) {
  return { articleId: id, bodyHash: `hash-${id}`, hints: { type: 'shooting', places: [town, 'United States'], names: [] }, publishedMs: NOW + 60_000, title: `Shooting in ${town}`, canOpen: true };
}

describe('index candidates: specific keys before broad ones', () => {
  it('files a report under its town\'s incident when 150 open shootings share the country, the town\'s being the oldest', async () => {
    const keys = await hold('broad-country', 150);
    const filing = await index('broad-country').file(shootingIn('Town 149', 'a-149'));
    expect(filing).toMatchObject({ kind: 'filed', key: keys[149], created: false });
  });

  it('files a report under its town\'s incident while the country key is still narrow (under 100 incidents)', async () => {
    const keys = await hold('narrow-country', 12);
    const filing = await index('narrow-country').file(shootingIn('Town 11', 'b-11'));
    expect(filing).toMatchObject({ kind: 'filed', key: keys[11], created: false });
  });

  it('finds the incident through its street when a follow-up names no town', async () => {
    const first = await index('street-key').file({ articleId: 's-1', bodyHash: 'hash-s-1', hints: { type: 'shooting', places: ['Millbrook', 'Ohio', 'United States'], names: [], streets: ['lark hollow drive'], ages: [16], toll: 1 }, publishedMs: NOW, title: 'Teen shot in Millbrook', canOpen: true });
    const later = await index('street-key').file({ articleId: 's-2', bodyHash: 'hash-s-2', hints: { type: 'shooting', places: [], names: [], streets: ['lark hollow drive'], ages: [16], toll: 1 }, publishedMs: NOW + 3 * 3_600_000, title: 'Teen dies after shooting on Lark Hollow Drive', canOpen: true });
    expect(first).toMatchObject({ kind: 'filed', created: true });
    expect(later).toMatchObject({ kind: 'filed', key: first.kind === 'filed' ? first.key : '', created: false });
  });
});

describe('index key recency: moved at most once an hour, never hiding an open incident', () => {
  const HOUR = 3_600_000;
  const DAY = 24 * HOUR;
  const report = (id: string, publishedMs: number) => ({
    articleId: id,
    bodyHash: `hash-${id}`,
    hints: { type: 'shooting', places: ['Cold Harbor', 'Virginia', 'United States'], names: [] },
    publishedMs,
    title: 'Shooting in Cold Harbor',
    canOpen: true,
  });
  const keyTimes = (name: string) =>
    runInDurableObject(index(name), (_i, state) =>
      state.storage.sql.exec<{ last_ms: number }>(`SELECT DISTINCT last_ms FROM incident_keys`).toArray().map((r) => r.last_ms),
    );

  it('leaves the key rows alone for a follow-up within the step and moves them all for one past it', async () => {
    expect(KEY_RECENCY_STEP_MS).toBe(HOUR);
    const opened = await index('recency-step').file(report('r-1', NOW));
    expect(opened).toMatchObject({ kind: 'filed', created: true });
    await index('recency-step').file(report('r-2', NOW + 40 * 60_000));
    expect(await keyTimes('recency-step')).toEqual([NOW]);
    await index('recency-step').file(report('r-3', NOW + HOUR + 60_000));
    expect(await keyTimes('recency-step')).toEqual([NOW + HOUR + 60_000]);
  });

  it("looks up an incident by its latest report's time though its keys still hold an earlier one", async () => {
    const first = await index('recency-edge').file(report('e-1', NOW));
    const latest = NOW + 59 * 60_000;
    await index('recency-edge').file(report('e-2', latest));
    expect(await keyTimes('recency-edge')).toEqual([NOW]);
    // A one-day window that the latest report is inside and the keys' stored time is not.
    const found = await runInDurableObject(index('recency-edge'), (instance) =>
      instance['store'].candidates(latest + DAY - 10 * 60_000, { type: 'shooting', places: ['Cold Harbor'], names: [] }, DAY).map((e) => e.key),
    );
    expect(found).toEqual([first.kind === 'filed' ? first.key : '']);
  });

  it('still applies the exact quiet period: a report well past it opens a new incident', async () => {
    const first = await index('recency-closed').file(report('c-1', NOW));
    const late = await index('recency-closed').file(report('c-2', NOW + 7 * DAY + 2 * HOUR));
    expect(late).toMatchObject({ kind: 'filed', created: true });
    expect(late.kind === 'filed' && first.kind === 'filed' && late.key !== first.key).toBe(true);
  });
});
