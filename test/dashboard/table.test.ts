// The dense incident table: which incidents each filter keeps, in which order, and the page a reader gets.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { filterChoices, filterIncidents, TableQuery } from '../../src/dashboard/table';
import type { ListedIncident } from '../../src/track/read-model';
import { captureOutbound } from '../helpers';
import { get, postStampede, textOf, waitForDetail } from './support';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 0, 10);

function incident(key: string, title: string, type: string | null, places: string[], killed: number | null, changedDaysAgo: number): ListedIncident {
  return {
    key,
    meta: {
      v: 1,
      title,
      type,
      places,
      figures: killed === null ? {} : { killed: [killed, 'exact'] },
      last_received_ms: T0 - changedDaysAgo * DAY,
      last_change_ms: T0 - changedDaysAgo * DAY,
      muted: false,
      closed: false,
    },
  };
}

const ALL: ListedIncident[] = [
  incident('quake', 'Hatay earthquake', 'earthquake', ['Antakya', 'Hatay', 'Türkiye'], 3_000, 30),
  incident('stampede', 'Kerman stampede', 'stampede', ['Kerman', 'Iran'], 56, 2),
  incident('flood', 'Derna flood', 'flood', ['Derna', 'Libya'], 400, 10),
  incident('strike', 'Isfahan drone strike', 'drone attack', ['Isfahan', 'Iran'], null, 1),
];
const keys = (query: Record<string, string>) => filterIncidents(ALL, TableQuery.parse(query)).map((i) => i.key);

describe('incident table filters', () => {
  it('keeps everything, latest change first, with no filter', () => {
    expect(keys({})).toEqual(['strike', 'stampede', 'flood', 'quake']);
  });

  it('filters by type and by country (the widest place), ignoring case and accents', () => {
    expect(keys({ type: 'Stampede' })).toEqual(['stampede']);
    expect(keys({ country: 'iran' })).toEqual(['strike', 'stampede']);
    expect(keys({ country: 'Turkiye' })).toEqual(['quake']);
    expect(keys({ country: 'Kerman' })).toEqual([]);
  });

  it('keeps incidents whose figures changed on or after the day given (UTC)', () => {
    expect(keys({ since: '2026-01-08' })).toEqual(['strike', 'stampede']);
    expect(keys({ since: '2026-01-09' })).toEqual(['strike']);
  });

  it('searches title, key and places, and combines with the other filters', () => {
    expect(keys({ q: 'antakya' })).toEqual(['quake']);
    expect(keys({ q: 'is', country: 'Iran' })).toEqual(['strike']);
  });

  it('sorts by the killed figure (none last) or by title', () => {
    expect(keys({ sort: 'toll' })).toEqual(['quake', 'flood', 'stampede', 'strike']);
    expect(keys({ sort: 'title' })).toEqual(['flood', 'quake', 'strike', 'stampede']);
  });

  it('offers every type and country once, and treats blank fields as "any"', () => {
    expect(filterChoices(ALL)).toEqual({ types: ['drone attack', 'earthquake', 'flood', 'stampede'], countries: ['Iran', 'Libya', 'Türkiye'] });
    expect(keys({ type: '', country: ' ', since: '', q: '', sort: '' })).toEqual(['strike', 'stampede', 'flood', 'quake']);
  });

  it('refuses a malformed date or sort, naming the field', () => {
    expect(TableQuery.safeParse({ since: '10/01/2026' }).error?.issues[0]?.path).toEqual(['since']);
    expect(TableQuery.safeParse({ sort: 'random' }).error?.issues[0]?.path).toEqual(['sort']);
  });
});

describe('GET /table', () => {
  beforeEach(() => {
    captureOutbound();
  });
  afterEach(() => vi.restoreAllMocks());

  it('shows a filtered incident as one row with its figures, last move and sources; a bad filter is a 400 that says which', async () => {
    const key = await postStampede();
    await waitForDetail(key, (d) => d.incident.figures.killed?.value === 56);

    const res = await get(`/table?type=stampede&country=Iran&q=${encodeURIComponent(key)}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const row = /<tr data-key="([^"]+)">([\s\S]*?)<\/tr>/.exec(html);
    expect(row?.[1]).toBe(key);
    const text = textOf(row?.[2] ?? '');
    expect(text).toContain('Kerman stampede');
    expect(text).toMatch(/56\s*↑ up from 35/);
    expect(text).toMatch(/213\s*↑ up from 48/);
    expect(text).toContain('2: ');
    expect(html).toContain('<option value="stampede" selected');

    const none = await (await get(`/table?type=stampede&since=2099-01-01`)).text();
    expect(none).toContain('No incident matches these filters.');

    const bad = await get('/table?since=yesterday');
    expect(bad.status).toBe(400);
    expect(textOf(await bad.text())).toContain('since must be a date, YYYY-MM-DD');
  });
});
