// The dashboard's pure parts: keyset paging, chart scales and series, formatting and safety helpers.
import { describe, expect, it } from 'vitest';
import { safeNext } from '../../src/dashboard/access';
import { ago, compactCount, formatPublished, qualifiedCount, safeHref } from '../../src/dashboard/format';
import { decodeCursor, encodeCursor, ListQuery, pageOf } from '../../src/dashboard/paging';
import { countTicks, timeAxis } from '../../src/dashboard/scales';
import { seriesOf } from '../../src/dashboard/series';
import type { ListedIncident, Timeline, TimelineReport } from '../../src/track/read-model';

const listed = (key: string, received: number): ListedIncident => ({
  key,
  meta: { v: 1, title: key, type: null, places: [], figures: {}, last_received_ms: received, last_change_ms: received, muted: false, closed: false },
});

describe('paging', () => {
  const all = [listed('b', 3), listed('a', 3), listed('c', 5), listed('d', 1), listed('e', 2)];

  it('orders newest activity first, ties by key, and walks every item once', () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = pageOf(all, 2, cursor ? (decodeCursor(cursor) ?? undefined) : undefined);
      seen.push(...page.items.map((i) => i.key));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['c', 'a', 'b', 'e', 'd']);
  });

  it('keeps page boundaries when a new incident arrives between pages', () => {
    const first = pageOf(all, 2, undefined);
    const withNew = [...all, listed('z', 9)];
    const second = pageOf(withNew, 2, decodeCursor(first.nextCursor ?? '') ?? undefined);
    expect(second.items.map((i) => i.key)).toEqual(['b', 'e']);
  });

  it('has no next cursor on an exactly full last page', () => {
    expect(pageOf(all, 5, undefined).nextCursor).toBeNull();
    expect(pageOf([], 5, undefined)).toEqual({ items: [], nextCursor: null });
  });

  it('round-trips cursors (non-ASCII keys too) and rejects tampered ones', () => {
    const c = encodeCursor(listed('crue-ümlaut', 42));
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(c)).toEqual({ r: 42, k: 'crue-ümlaut' });
    for (const bad of ['', '!!', 'e30', btoa('{"r":-1,"k":"a"}'), btoa('{"r":1,"k":"a","x":1}'), btoa('[1]'), '_-_-']) expect(decodeCursor(bad)).toBeNull();
  });

  it('validates limit', () => {
    expect(ListQuery.safeParse({ limit: '100' }).success).toBe(true);
    expect(ListQuery.safeParse({ limit: '1' }).success).toBe(true);
    for (const limit of ['0', '101', '-1', '1e2', ' 5', 'ten', '']) expect(ListQuery.safeParse({ limit }).success, limit).toBe(false);
  });
});

describe('chart scales', () => {
  it('makes round count ticks with headroom', () => {
    expect(countTicks(56)).toEqual([0, 20, 40, 60]);
    expect(countTicks(213)).toEqual([0, 100, 200, 300]);
    expect(countTicks(1)).toEqual([0, 1, 2]);
    expect(countTicks(0)).toEqual([0, 1, 2]);
    expect(countTicks(40)).toEqual([0, 10, 20, 30, 40, 50]);
  });

  it('pads a single point to a day and aligns time ticks to UTC hours or days', () => {
    const t = Date.UTC(2020, 0, 7, 15, 10);
    const one = timeAxis([t]);
    expect(one.max - one.min).toBe(24 * 3_600_000);
    expect(one.ticks.length).toBeGreaterThan(0);
    const week = timeAxis([Date.UTC(2020, 0, 1), Date.UTC(2020, 0, 8)]);
    expect(week.ticks.every((x) => x % 86_400_000 === 0)).toBe(true);
    expect(week.ticks.length).toBeLessThanOrEqual(4);
  });
});

describe('series', () => {
  const report = (id: string, published: number, casualties: TimelineReport['casualties'], changes: TimelineReport['changes']): TimelineReport => ({
    kind: 'report', article_id: id, outlet: `outlet-${id}`, published_ms: published, received_ms: published, casualties, threats: [], changes, alert: null, alert_id: null,
  });
  const fig = (value: number, qualifier: 'exact' | 'at_least' = 'exact') => ({ value, qualifier, quote: `q${value}` });
  const change = (category: string, to: number, from: number | null) => ({
    kind: 'casualty' as const, category, from: from === null ? null : { value: from, qualifier: 'exact' as const }, to: { value: to, qualifier: 'exact' as const }, change: from === null ? ('new' as const) : ('up' as const), quote: '',
  });

  it('has a point for the first report and for each report that changed the category', () => {
    const timeline: Timeline = {
      v: 1,
      key: 'k',
      entries: [
        report('1', 1000, { killed: fig(30, 'at_least') }, []), // first report: included even without changes
        report('2', 3000, { killed: fig(35), injured: fig(48) }, [change('killed', 35, 30), change('injured', 48, null)]),
        report('3', 4000, { killed: fig(35) }, []), // repeated a figure: no point
        { kind: 'action', action: 'mute', at_ms: 5000, detail: 'alerts muted' },
        report('4', 2000, { killed: fig(56) }, [change('killed', 56, 35)]), // late arrival, earlier publication
      ],
    };
    const s = seriesOf(timeline);
    expect(s.killed?.map((p) => [p.ms, p.value, p.qualifier])).toEqual([[1000, 30, 'at_least'], [2000, 56, 'exact'], [3000, 35, 'exact']]);
    expect(s.injured?.map((p) => p.value)).toEqual([48]);
    expect(s.missing).toBeUndefined();
    expect(seriesOf(null)).toEqual({});
  });

  it('always ends at the current figure: adopted reports (no stored changes) still show where the toll is', () => {
    const timeline: Timeline = {
      v: 1,
      key: 'k',
      entries: [report('own', 5000, { killed: fig(9) }, [change('killed', 9, null)]), report('adopted', 9000, { killed: fig(19) }, [])],
    };
    const current = { value: 19, qualifier: 'exact' as const, quote: 'q', published_ms: 9000, article_id: 'adopted', outlet: 'outlet-adopted', outlets: ['outlet-adopted'] };
    const summary = {
      v: 1 as const, key: 'k', title: 't', type: null, places: [], figures: { killed: current }, threats: {}, report_count: 2,
      last_published_ms: 9000, last_received_ms: 9000, last_change_ms: 9000, muted: false, closed: false, version: 3,
    };
    expect(seriesOf(timeline, summary).killed?.map((p) => [p.articleId, p.value])).toEqual([['own', 9], ['adopted', 19]]);
    // Normally the setting report is already a point: nothing is added twice.
    expect(seriesOf(timeline, { ...summary, figures: { killed: { ...current, value: 9, article_id: 'own', published_ms: 5000 } } }).killed).toHaveLength(1);
  });
});

describe('formatting and safety helpers', () => {
  it('words qualifiers and groups thousands', () => {
    expect(qualifiedCount(30, 'at_least')).toBe('at least 30');
    expect(qualifiedCount(50, 'approx')).toBe('about 50');
    expect(qualifiedCount(20, 'at_most')).toBe('up to 20');
    expect(qualifiedCount(12500, 'exact')).toBe('12,500');
    expect([950, 12_500, 250_000, 1_250_000, 2_000_000].map(compactCount)).toEqual(['950', '12,500', '250k', '1.3M', '2M']);
  });

  it('shows a date-only publication without a made-up time', () => {
    expect(formatPublished(Date.UTC(2020, 0, 7))).toBe('7 Jan 2020');
    expect(formatPublished(Date.UTC(2020, 0, 7, 14, 30))).toBe('7 Jan 2020, 14:30 UTC');
    expect(ago(Date.now() - 3 * 3_600_000, Date.now())).toBe('3 h ago');
  });

  it('links only http(s) URLs and redirects after login only to local paths', () => {
    expect(safeHref('https://example.org/a')).toBe('https://example.org/a');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,x')).toBeUndefined();
    expect(safeNext('/incidents/a?x=1')).toBe('/incidents/a?x=1');
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '', undefined, '/a\nb']) expect(safeNext(bad), String(bad)).toBe('/');
  });
});
