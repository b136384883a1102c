// The read model's KV value: one value per incident (summary with its timeline), and incidents stored the old way
// (summary and timeline under two keys) read back the same through the API and the dashboard.
import { env } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IncidentDetail } from '../../src/routes/incidents';
import { captureOutbound } from '../helpers';
import { AUTH, get, getJson, postStampede, waitForDetail } from '../dashboard/support';

beforeEach(() => {
  captureOutbound();
});
afterEach(() => vi.restoreAllMocks());

/** The dashboard's incident page with its per-response nonce and generation time blanked, to compare as text. */
async function incidentPage(key: string): Promise<string> {
  const res = await get(`/incidents/${encodeURIComponent(key)}`, AUTH);
  expect(res.status).toBe(200);
  return (await res.text()).replace(/nonce-[^'"\s;]+|nonce="[^"]*"/g, 'nonce').replace(/Generated <time[^<]*<\/time>/, 'Generated');
}

describe('read model value', () => {
  it('a new incident is one KV value holding its summary and timeline; no separate timeline key', async () => {
    const key = await postStampede();
    await waitForDetail(key, (d) => d.incident.figures.killed?.value === 56);
    const stored = await env.READ_MODEL.getWithMetadata<{ key: string; version: number; timeline: { key: string; entries: Array<{ kind: string }> } }>(`incident:${key}`, 'json');
    expect(stored.value?.key).toBe(key);
    expect(stored.value?.timeline.key).toBe(key);
    expect(stored.value?.timeline.entries.filter((e) => e.kind === 'report')).toHaveLength(2);
    expect(stored.metadata).toMatchObject({ v: 1, title: expect.any(String) });
    expect(await env.READ_MODEL.get(`timeline:${key}`)).toBeNull();
  });

  it('an incident stored the old way (summary and timeline apart) reads back as the same detail and page', async () => {
    const key = await postStampede();
    await waitForDetail(key, (d) => d.incident.figures.killed?.value === 56);
    const detail = await getJson(`/v1/incidents/${encodeURIComponent(key)}`, IncidentDetail);
    const page = await incidentPage(key);

    // Rewrite it as versions before the single value stored it: the summary alone, the timeline under its own key.
    const stored = await env.READ_MODEL.getWithMetadata<Record<string, unknown>>(`incident:${key}`, 'json');
    const { timeline, ...summary } = stored.value ?? {};
    expect(timeline).toBeDefined();
    await env.READ_MODEL.put(`incident:${key}`, JSON.stringify(summary), { metadata: stored.metadata });
    await env.READ_MODEL.put(`timeline:${key}`, JSON.stringify(timeline));

    expect(await getJson(`/v1/incidents/${encodeURIComponent(key)}`, IncidentDetail)).toEqual(detail);
    expect(await incidentPage(key)).toBe(page);
  });
});
