// Filing a report under an incident: readable keys, matching by place, street and name, and opening new ones.
import { describe, expect, it } from 'vitest';
import type { IncidentHints } from '../../src/schema';
import { fileArticle, memoryIndexStore } from '../../src/track/filing';
import { incidentKeyBase, matchIncident, quietPeriodMs, relatePlaces, typesCompatible, type IndexEntry } from '../../src/track/match';

const T0 = Date.parse('2022-08-28T10:00:00Z');
const DAY = 86_400_000;
let n = 0;
function file(store: ReturnType<typeof memoryIndexStore>, hints: IncidentHints, publishedMs: number, incidentId?: string) {
  n++;
  return fileArticle(store, { articleId: `a${n}`, bodyHash: `b${n}`, hints, publishedMs, incidentId, canOpen: true });
}

describe('incident filing', () => {
  it('opens a readable key and files a later report of the same incident under it', () => {
    const store = memoryIndexStore();
    const first = file(store, { type: 'stampede', places: ['Kerman', 'Iran'] }, Date.parse('2020-01-07T00:00:00Z'));
    const later = file(store, { type: 'stampede', places: ['Kerman', 'Iran'] }, Date.parse('2020-01-08T09:00:00Z'));
    expect(first).toEqual({ kind: 'filed', key: '2020-01-07-kerman-stampede', created: true, filedBy: ['new:no-candidate'] });
    expect(later).toMatchObject({ kind: 'filed', key: '2020-01-07-kerman-stampede', created: false });
    expect(later.kind === 'filed' && later.filedBy).toEqual(['score.type-same', 'score.place-shared', 'score.first-place']);
  });

  it('finds an incident through a street when the report names no town (the replay store as the index does)', () => {
    const store = memoryIndexStore();
    const a = file(store, { type: 'shooting', places: ['Millbrook', 'Ohio', 'United States'], streets: ['lark hollow drive'], ages: [16], toll: 1 }, T0);
    const b = file(store, { type: 'shooting', places: [], streets: ['lark hollow drive'], ages: [16], toll: 1 }, T0 + 3 * 3600_000);
    expect(b).toMatchObject({ kind: 'filed', key: a.kind === 'filed' ? a.key : '', created: false });
    expect(b.kind === 'filed' && b.filedBy).toContain('score.anchors');
  });

  it("keeps an incident's ages a suspect's only while no report gave them to a victim, and gathers later ages", () => {
    const store = memoryIndexStore();
    const a = file(store, { type: 'shooting', places: ['Millbrook', 'Ohio', 'United States'], streets: ['lark hollow drive'], ages: [7, 23], suspect_ages: [23], later_ages: [8] }, T0);
    const key = a.kind === 'filed' ? a.key : '';
    expect(store.getEntry(key)).toMatchObject({ ages: [7, 23], suspect_ages: [23], later_ages: [8] });
    file(store, { type: 'shooting', places: ['Millbrook', 'Ohio', 'United States'], streets: ['lark hollow drive'], ages: [23], later_ages: [40] }, T0 + 3600_000);
    const entry = store.getEntry(key);
    expect(entry?.suspect_ages).toBeUndefined();
    expect(entry?.later_ages).toEqual([8, 40]);
  });

  it('keeps two shootings on the same day in different cities apart', () => {
    const store = memoryIndexStore();
    const a = file(store, { type: 'shooting', places: ['Phoenix', 'Arizona', 'United States'] }, T0);
    const b = file(store, { type: 'shooting', places: ['Dallas', 'Texas', 'United States'] }, T0 + 3600_000);
    expect(a.kind === 'filed' && b.kind === 'filed' && a.key !== b.key).toBe(true);
  });

  it('does not merge different incident types in one place', () => {
    const store = memoryIndexStore();
    const a = file(store, { type: 'stampede', places: ['Kerman', 'Iran'] }, T0);
    const b = file(store, { type: 'earthquake', places: ['Kerman', 'Iran'] }, T0);
    expect(a.kind === 'filed' && b.kind === 'filed' && a.key !== b.key).toBe(true);
  });

  it('opens a new incident after the quiet period', () => {
    const store = memoryIndexStore();
    const a = file(store, { type: 'explosion', places: ['Beirut', 'Lebanon'] }, T0);
    const b = file(store, { type: 'explosion', places: ['Beirut', 'Lebanon'] }, T0 + quietPeriodMs('explosion', undefined) + DAY);
    expect(a.kind === 'filed' && b.kind === 'filed' && a.key !== b.key).toBe(true);
    if (b.kind === 'filed') expect(b.key).toMatch(/beirut-explosion/);
  });

  it('lets a slow incident stay open for weeks', () => {
    const store = memoryIndexStore();
    const a = file(store, { type: 'kidnapping', places: ['Chibok', 'Nigeria'] }, T0);
    const b = file(store, { type: 'kidnapping', places: ['Chibok', 'Nigeria'] }, T0 + 20 * DAY);
    expect(b.kind === 'filed' && a.kind === 'filed' && b.key === a.key).toBe(true);
  });

  it("obeys the sender's incident_id over matching", () => {
    const store = memoryIndexStore();
    file(store, { type: 'stampede', places: ['Kerman', 'Iran'] }, T0);
    const b = file(store, { type: 'stampede', places: ['Kerman', 'Iran'] }, T0, 'My Desk:Kerman 2020');
    expect(b).toEqual({ kind: 'filed', key: 'my-desk-kerman-2020', created: true, filedBy: ['caller.incident-id'] });
  });

  it('answers a known article id with its incident, and a changed body with a conflict', () => {
    const store = memoryIndexStore();
    const hints = { type: 'crash', places: ['Medan', 'Indonesia'] };
    const first = fileArticle(store, { articleId: 'x', bodyHash: 'h1', hints, publishedMs: T0, canOpen: true });
    if (first.kind !== 'filed') throw new Error('not filed');
    expect(fileArticle(store, { articleId: 'x', bodyHash: 'h1', hints, publishedMs: T0, canOpen: true })).toEqual({ kind: 'seen', key: first.key });
    expect(fileArticle(store, { articleId: 'x', bodyHash: 'h2', hints, publishedMs: T0, canOpen: true })).toEqual({ kind: 'conflict', key: first.key });
  });

  it('records an article about no incident without opening one, but lets it join a matching incident', () => {
    const store = memoryIndexStore();
    const vague = { type: null, places: ['Kerman'], names: ['Qassem Soleimani'] };
    expect(fileArticle(store, { articleId: 'v1', bodyHash: 'h', hints: vague, publishedMs: T0, canOpen: false })).toEqual({ kind: 'unfiled', seen: false, filedBy: ['new:no-candidate', 'unfiled:may-not-open'] });
    expect(fileArticle(store, { articleId: 'v1', bodyHash: 'h', hints: vague, publishedMs: T0, canOpen: false })).toEqual({ kind: 'unfiled', seen: true });
    expect(fileArticle(store, { articleId: 'v1', bodyHash: 'other', hints: vague, publishedMs: T0, canOpen: false }).kind).toBe('conflict');
    const opened = fileArticle(store, { articleId: 's1', bodyHash: 'h', hints: { type: 'stampede', places: ['Kerman', 'Iran'], names: ['Qassem Soleimani'] }, publishedMs: T0, canOpen: true });
    if (opened.kind !== 'filed') throw new Error('not filed');
    expect(fileArticle(store, { articleId: 'v2', bodyHash: 'h', hints: vague, publishedMs: T0, canOpen: false })).toMatchObject({ kind: 'filed', key: opened.key, created: false });
  });

  it('suffixes a key that is already taken', () => {
    const store = memoryIndexStore();
    const first = file(store, { type: 'fire', places: ['Lahaina'] }, T0);
    if (first.kind !== 'filed') throw new Error('not filed');
    const entry = store.getEntry(first.key);
    if (entry) store.putEntry({ ...entry, closed: true });
    expect(file(store, { type: 'fire', places: ['Lahaina'] }, T0 + 3600_000)).toMatchObject({ kind: 'filed', key: `${first.key}-2`, created: true });
  });

  it('needs a place to match, and names or a lone open incident of its place let a typeless report join', () => {
    expect(matchIncident([], { type: 'stampede', places: [] }, T0)).toBeNull();
    const entry = { v: 1 as const, key: 'k', type: 'stampede', places: ['Kerman'], names: ['Qassem Soleimani'], first_published_ms: T0, last_published_ms: T0, closed: false };
    const other = { ...entry, key: 'k2', type: 'fire', names: [] };
    expect(matchIncident([entry, other], { type: null, places: ['Kerman'], names: ['Qassem Soleimani'] }, T0)).toBe('k');
    // "aid reaches Kerman a week after the disaster": the one open incident there
    expect(matchIncident([entry], { type: null, places: ['Kerman'], names: [] }, T0)).toBe('k');
    // …but with two open incidents in Kerman it cannot tell which
    expect(matchIncident([entry, other], { type: null, places: ['Kerman'], names: [] }, T0)).toBeNull();
    expect(matchIncident([entry], { type: null, places: [], names: [] }, T0)).toBeNull();
    expect(matchIncident([{ ...entry, closed: true }], { type: 'stampede', places: ['Kerman'] }, T0)).toBeNull();
  });

  it('builds keys from date, place and type', () => {
    expect(incidentKeyBase({ type: 'air strike', places: ['São Paulo'] }, T0, undefined)).toBe('2022-08-28-sao-paulo-air-strike');
    expect(incidentKeyBase({ type: null, places: [] }, T0, 'Floods: 12 dead')).toBe('2022-08-28-floods-12-dead');
  });
});

describe('related incident types', () => {
  it('joins a "bombing" report to an "explosion" incident and a riot to a protest', () => {
    const store = memoryIndexStore();
    const a = file(store, { type: 'explosion', places: ['Baguio', 'Philippines'] }, T0);
    const b = file(store, { type: 'bombing', places: ['Baguio', 'Philippines'] }, T0 + 5 * DAY);
    expect(a.kind === 'filed' && b.kind === 'filed' && a.key === b.key).toBe(true);
    const c = file(store, { type: 'riot', places: ['Santiago', 'Chile'] }, T0);
    const d = file(store, { type: 'protest', places: ['Chile'] }, T0 + 2 * DAY);
    expect(c.kind === 'filed' && d.kind === 'filed' && c.key === d.key).toBe(true);
  });

  it('keeps unrelated types apart and prefers the same type over a related one', () => {
    expect(typesCompatible('flood', 'landslide')).toBe(true);
    expect(typesCompatible('shooting', 'earthquake')).toBe(false);
    expect(typesCompatible('stampede', 'fire')).toBe(false);
    const base = { v: 1 as const, names: [], first_published_ms: T0, last_published_ms: T0, closed: false, places: ['Kabul'] };
    const entries = [
      { ...base, key: 'blast', type: 'explosion' },
      { ...base, key: 'bomb', type: 'bombing' },
    ];
    expect(matchIncident(entries, { type: 'bombing', places: ['Kabul'] }, T0)).toBe('bomb');
  });
});

describe('places without a gazetteer entry', () => {
  it('relates places by what is known: different cities, states or countries conflict', () => {
    expect(relatePlaces(['Phoenix', 'Arizona'], ['Dallas', 'Texas'])).toBe('conflict');
    expect(relatePlaces(['Kerman', 'Iran'], ['Tehran', 'Iran'])).toBe('conflict');
    expect(relatePlaces(['Lagos', 'Nigeria'], ['Kenya'])).toBe('conflict');
    expect(relatePlaces(['India'], ['Hathras'])).toBe('compatible');
    expect(relatePlaces(['Hathras'], ['Uttar-Pradesh', 'Hathras'])).toBe('shared');
  });

  it('lets a report naming an unlisted town of the country join the same-type incident, but not a different type', () => {
    const store = memoryIndexStore();
    const quake = file(store, { type: 'earthquake', places: ['Peru'] }, T0);
    // candidates are found through place keys: the unlisted town comes with its country, as extraction gives it
    const town = file(store, { type: 'earthquake', places: ['Dolores Alta', 'Peru'] }, T0 + DAY);
    expect(quake.kind === 'filed' && town.kind === 'filed' && town.key === quake.key).toBe(true);
    const flood = file(store, { type: 'flood', places: ['Dolores Alta', 'Peru'] }, T0 + DAY);
    expect(flood.kind === 'filed' && quake.kind === 'filed' && flood.key !== quake.key).toBe(true);
  });

  it('needs a shared name to join when one side names no place at all', () => {
    const entry = { v: 1 as const, key: 'k', type: 'collapse', places: ['Surfside'], names: ['Champlain Towers South'], first_published_ms: T0, last_published_ms: T0, closed: false };
    expect(matchIncident([entry], { type: 'collapse', places: [], names: [] }, T0)).toBeNull();
    expect(matchIncident([entry], { type: 'collapse', places: [], names: ['Champlain Towers South'] }, T0)).toBe('k');
  });
});

describe('matching on the hold-out sequences (general causes)', () => {
  const entry = (over: Partial<IndexEntry>): IndexEntry => ({ v: 1, key: 'k', type: 'earthquake', places: [], names: [], first_published_ms: T0, last_published_ms: T0, closed: false, ...over });

  it('keeps apart reports that share only a country mentioned in passing', () => {
    // a kidnapping in Haiti by a U.S.-based group and an attack in Kabul that killed U.S. troops
    expect(relatePlaces(['Haiti', 'United States'], ['Kabul', 'Afghanistan', 'United States'])).toBe('conflict');
    // floods in Libya whose report recalls the storm in Greece, and the floods in Greece
    expect(relatePlaces(['Libya', 'Derna', 'Greece'], ['Greece'])).toBe('conflict');
    // one quake reported from both sides of a border
    expect(relatePlaces(['Syria', 'Turkey'], ['Gaziantep', 'Turkey', 'Syria'], true)).toBe('shared');
  });

  it('lets a report from abroad join when it names the same town (sharing only the country is not enough)', () => {
    // "Three Britons were killed in the Sousse attack in Tunisia", filed from London
    expect(relatePlaces(['United Kingdom', 'Sousse', 'Tunisia'], ['Sousse', 'Tunisia'])).toBe('shared');
    expect(relatePlaces(['United Kingdom', 'Tunisia'], ['Sousse', 'Tunisia'])).toBe('conflict');
  });

  it('lets a wide-area disaster be reported from either side of a border', () => {
    // "the quake that shook Ecuador and southern Colombia", from Bogota
    expect(relatePlaces(['Colombia', 'Ecuador'], ['Ecuador'], true)).toBe('shared');
    expect(relatePlaces(['Colombia', 'Ecuador'], ['Ecuador'])).toBe('conflict');
  });

  it('keeps attacks on differently named ships apart', () => {
    const attack = entry({ key: 'pivot', type: 'attack', places: ['Iran'], vessels: ['Pivot'] });
    expect(matchIncident([attack], { type: 'attack', places: ['Iran'], vessels: ['Avaj'] }, T0 + DAY)).toBeNull();
    expect(matchIncident([attack], { type: 'attack', places: ['Iran'], vessels: ['pivot'] }, T0 + DAY)).toBe('pivot');
    // a report naming no ship joins within hours on the country alone; a day later it needs a shared town or name
    expect(matchIncident([attack], { type: 'attack', places: ['Iran'] }, T0 + DAY / 4)).toBe('pivot');
    expect(matchIncident([attack], { type: 'attack', places: ['Iran'] }, T0 + DAY)).toBeNull();
    const ferry = entry({ key: 'herald', type: 'shipwreck', places: ['Belgium'], vessels: ['Herald of Free Enterprise'] });
    expect(matchIncident([ferry], { type: 'shipwreck', places: ['Belgium'], vessels: ['Herald'] }, T0 + DAY)).toBe('herald');
  });

  it('lets reports of a wide-area disaster name different cities, but not of a shooting', () => {
    expect(relatePlaces(['Idlib', 'Syria'], ['Gaziantep', 'Turkey', 'Syria'], true)).toBe('shared');
    expect(relatePlaces(['Idlib', 'Syria'], ['Aleppo', 'Syria'])).toBe('conflict');
  });

  it('opens a new incident for a quake of another magnitude in the same province', () => {
    const first = entry({ key: 'feb-6', places: ['Gaziantep', 'Turkey', 'Hatay'], magnitudes: [7.8] });
    const later = T0 + 14 * DAY;
    expect(matchIncident([first], { type: 'earthquake', places: ['Hatay', 'Turkey'], magnitudes: [6.4] }, later)).toBeNull();
    expect(matchIncident([first], { type: 'earthquake', places: ['Hatay', 'Turkey'], magnitudes: [7.7] }, later)).toBe('feb-6');
    expect(matchIncident([first], { type: 'earthquake', places: ['Hatay', 'Turkey'] }, later)).toBe('feb-6');
    const second = entry({ key: 'feb-20', places: ['Antakya', 'Turkey', 'Hatay'], magnitudes: [6.4], first_published_ms: later, last_published_ms: later });
    expect(matchIncident([first, second], { type: 'earthquake', places: ['Turkey', 'Hatay'], magnitudes: [6.4] }, later + DAY)).toBe('feb-20');
    // the same day a first estimate may still be revised a long way
    expect(matchIncident([first], { type: 'earthquake', places: ['Hatay', 'Turkey'], magnitudes: [8.8] }, T0 + 3 * 3600_000)).toBe('feb-6');
  });

  it('records a look back at an old incident under none', () => {
    const store = memoryIndexStore();
    file(store, { type: 'explosion', places: ['Kerman', 'Iran'] }, T0);
    const look = fileArticle(store, { articleId: 'retro', bodyHash: 'h', hints: { type: 'stampede', places: ['Kerman', 'Iran'], retrospective: true }, publishedMs: T0, canOpen: true });
    expect(look).toEqual({ kind: 'unfiled', seen: false, filedBy: ['unfiled:retrospective'] });
  });

  it('remembers the magnitudes of an incident as reports join it', () => {
    const store = memoryIndexStore();
    const a = file(store, { type: 'earthquake', places: ['Gaziantep', 'Turkey'], magnitudes: [7.8] }, T0);
    file(store, { type: 'earthquake', places: ['Gaziantep', 'Turkey'], magnitudes: [7.8, 7.5] }, T0 + DAY);
    expect(a.kind === 'filed' && store.getEntry(a.key)?.magnitudes).toEqual([7.8, 7.5]);
  });
});
