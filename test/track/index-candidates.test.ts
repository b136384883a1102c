// The index finds candidates through specific keys first: a key shared by hundreds of open incidents (a country) adds only its most recent.
import { describe, expect, it } from 'vitest';
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
