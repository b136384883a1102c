// Shared helpers for the dashboard and read-API tests: authorised GETs and unique incident names.
import { exports } from 'cloudflare:workers';
import { expect, vi } from 'vitest';
import seed from '../../fixtures/kerman-stampede/01-seed.json';
import { IncidentDetail, IncidentList } from '../../src/routes/incidents';
import { postArticle, READ_TOKEN } from '../helpers';

export const BASE = 'http://tollwatch.test';
export const AUTH = { authorization: `Bearer ${READ_TOKEN}` };

export function get(path: string, headers: Record<string, string> = AUTH): Promise<Response> {
  return exports.default.fetch(`${BASE}${path}`, { headers, redirect: 'manual' });
}

export async function getJson<T>(path: string, schema: { parse(v: unknown): T }, headers: Record<string, string> = AUTH): Promise<T> {
  const res = await get(path, headers);
  expect(res.status, await res.clone().text()).toBe(200);
  return schema.parse(await res.json());
}

/** A unique suffix per call, so test files sharing storage never collide on incident keys. */
export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The later Kerman report, in our own words: the toll rose to 56 dead and 213 injured. */
export function laterKermanReport(incidentId: string) {
  return {
    title: 'Stampede in Kerman: death toll rises to 56',
    url: 'https://example.org/news/2020/01/07/kerman-crush-toll',
    published: '2020-01-07T15:10:00Z',
    source: 'Wire desk',
    incident_id: incidentId,
    text:
      'The death toll from Tuesday’s stampede in Kerman has risen, Iranian emergency officials said. ' +
    'A spokesman for the emergency services told reporters that 56 people were killed and 213 injured as crowds surged toward the coffin. ' +
    'The burial itself was delayed until later in the week.',
  };
}

/** Posts the stampede seed and a later report under one incident key; returns the key. */
export async function postStampede(incidentId = unique('kerman')): Promise<string> {
  const first = await postArticle({ ...seed, incident_id: incidentId });
  expect(first.status, await first.clone().text()).toBe(200);
  const second = await postArticle(laterKermanReport(incidentId));
  expect(second.status, await second.clone().text()).toBe(200);
  const key = (await second.json<{ incident: string }>()).incident;
  expect((await first.json<{ incident: string }>()).incident).toBe(key);
  return key;
}

/** The read model is written by the Durable Object at most once a second (maybe from its alarm): poll. */
export async function waitForDetail(key: string, ready: (d: IncidentDetail) => boolean): Promise<IncidentDetail> {
  return vi.waitUntil(
    async () => {
      const res = await get(`/v1/incidents/${encodeURIComponent(key)}`);
      if (res.status !== 200) return false;
      const detail = IncidentDetail.parse(await res.json());
      return ready(detail) ? detail : false;
    },
    { timeout: 10_000, interval: 100 },
  );
}

export async function listAll(limit: number): Promise<{ pages: IncidentList[] }> {
  const pages: IncidentList[] = [];
  let cursor: string | null = null;
  do {
    const qs: string = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) }).toString();
    const page: IncidentList = await getJson(`/v1/incidents?${qs}`, IncidentList);
    pages.push(page);
    cursor = page.next_cursor;
  } while (cursor && pages.length < 200);
  return { pages };
}

/** Visible text of an HTML document (tags dropped, entities for &, <, >, " decoded, whitespace collapsed). */
export function textOf(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
