// The alert's plain text: new incidents, changes, qualifiers and sources, rendered exactly.
import { describe, expect, it } from 'vitest';
import type { Alert, Change } from '../../src/schema';
import { alertText } from '../../src/notify';
import { fitEscaped, formatNumber, packLines, QUOTE_MAX, truncate } from '../../src/notify/text';
import { kermanNew, kermanUpdate } from './fixtures';

const cas = (category: string, from: [number, Change['to']['qualifier']] | null, to: [number, Change['to']['qualifier']], quote = '', attribution?: string): Change => ({
  kind: 'casualty',
  category,
  from: from ? { value: from[0], qualifier: from[1] } : null,
  to: { value: to[0], qualifier: to[1] },
  change: from === null ? 'new' : to[0] > from[0] ? 'up' : to[0] < from[0] ? 'down' : 'qualifier',
  quote,
  ...(attribution ? { attribution } : {}),
});
const threat = (noun: string, from: number | null, to: number, quote = ''): Change => ({
  kind: 'threat',
  category: noun.split(' ')[0] ?? noun,
  noun,
  from: from === null ? null : { value: from, qualifier: 'exact' },
  to: { value: to, qualifier: 'exact' },
  change: from === null ? 'new' : 'up',
  quote,
});
const withChanges = (changes: Change[], extra: Partial<Alert> = {}): Alert => ({ ...kermanUpdate, changes, ...extra });
const firstLine = (a: Alert) => alertText(a).split('\n')[0];

describe('alertText', () => {
  it('renders the new Kerman incident exactly', () => {
    expect(alertText(kermanNew)).toBe(
      'New incident: Kerman stampede (Iran) — killed 35, injured 48\n' +
        '“state TV said a stampede had broken out which left 35 people dead and 48 injured” — state TV\n' +
        'Source: Daily Mail: “Crush at general’s funeral procession leaves 35 dead” https://example.com/kerman · reported by 1 outlet · 2020-01-07T00:00:00Z',
    );
  });

  it('renders the Kerman update exactly', () => {
    expect(alertText(kermanUpdate)).toBe(
      'Kerman stampede (Iran) — killed 35 → 56 (+21)\n' +
        '“The death toll from the stampede has risen to 56, state media reported” — state media\n' +
        'Source: Daily Mail: “Crush at general’s funeral procession leaves 35 dead” https://example.com/kerman · confirmed by 3 outlets · 2020-01-07T03:00:00Z',
    );
  });

  it('orders casualties by category, dedupes quotes, and gives corroboration per category when it differs', () => {
    const a = withChanges(
      [cas('injured', [48, 'exact'], [213, 'exact'], 'q2', 'IRNA'), cas('killed', [35, 'exact'], [56, 'exact'], 'q1', 'IRNA'), cas('missing', null, [4, 'exact'], 'q1', 'IRNA')],
      { corroboration: { killed: 3, injured: 1, missing: 1 } },
    );
    expect(alertText(a)).toBe(
      'Kerman stampede (Iran) — killed 35 → 56 (+21), injured 48 → 213 (+165), missing 4\n' +
        '“q1” — IRNA\n' +
        '“q2” — IRNA\n' +
        'Source: Daily Mail: “Crush at general’s funeral procession leaves 35 dead” https://example.com/kerman · killed confirmed by 3 outlets, injured reported by 1 outlet, missing reported by 1 outlet · 2020-01-07T03:00:00Z',
    );
  });

  it('says a decrease plainly and shows qualifier-only changes', () => {
    expect(firstLine(withChanges([cas('killed', [56, 'exact'], [50, 'exact'])]))).toBe('Kerman stampede (Iran) — killed 56 → 50 (revised down, −6)');
    expect(firstLine(withChanges([cas('killed', [30, 'at_least'], [30, 'exact'])]))).toBe('Kerman stampede (Iran) — killed at least 30 → 30');
    expect(firstLine(withChanges([cas('killed', [30, 'at_least'], [50, 'approx']), cas('injured', null, [10, 'at_most'])]))).toBe(
      'Kerman stampede (Iran) — killed at least 30 → about 50 (+20), injured up to 10',
    );
    expect(firstLine(withChanges([cas('displaced', [900, 'exact'], [12000, 'approx'])]))).toBe('Kerman stampede (Iran) — displaced 900 → about 12,000 (+11,100)');
  });

  it('shows threats on their own line next to casualties, and in the headline when alone', () => {
    const both = withChanges([threat('missiles', 3, 23, 'tq'), cas('killed', [35, 'exact'], [56, 'exact'], 'kq'), threat('revenge scenarios', null, 13)], {
      corroboration: { killed: 1, missiles: 1 },
    });
    expect(alertText(both)).toBe(
      'Kerman stampede (Iran) — killed 35 → 56 (+21)\n' +
        'Threats: missiles 3 → 23 (+20), 13 revenge scenarios\n' +
        '“kq”\n' +
        '“tq”\n' +
        'Source: Daily Mail: “Crush at general’s funeral procession leaves 35 dead” https://example.com/kerman · reported by 1 outlet · 2020-01-07T03:00:00Z',
    );
    const alone = withChanges([threat('missiles', 3, 23)], { incident_title: 'Iran–Israel tensions', places: ['Israel'], corroboration: {} });
    expect(alertText(alone)).toBe(
      'Iran–Israel tensions — Threats: missiles 3 → 23 (+20)\nSource: Daily Mail: “Crush at general’s funeral procession leaves 35 dead” https://example.com/kerman · 2020-01-07T03:00:00Z',
    );
  });

  it('adds the most specific place the title does not already name', () => {
    expect(firstLine(withChanges([cas('killed', null, [1, 'exact'])], { places: ['Kerman', 'Iran'] }))).toBe('Kerman stampede (Iran) — killed 1');
    expect(firstLine(withChanges([cas('killed', null, [1, 'exact'])], { places: ['Kerman'] }))).toBe('Kerman stampede — killed 1');
    expect(firstLine(withChanges([cas('killed', null, [1, 'exact'])], { places: [] }))).toBe('Kerman stampede — killed 1');
    expect(firstLine(withChanges([cas('killed', null, [1, 'exact'])], { places: ['IRAN'], incident_title: 'Iran quake' }))).toBe('Iran quake — killed 1');
  });

  it('drops a missing or non-http URL and collapses whitespace in quotes', () => {
    const a = withChanges([cas('killed', null, [1, 'exact'], 'line one\n\n  line\ttwo ', ' state\nTV ')], { url: 'javascript:alert(1)' });
    expect(alertText(a).split('\n').slice(1)).toEqual([
      '“line one line two” — state TV',
      'Source: Daily Mail: “Crush at general’s funeral procession leaves 35 dead” · confirmed by 3 outlets · 2020-01-07T03:00:00Z',
    ]);
  });

  it('truncates long quotes at a word boundary', () => {
    const long = `${'casualties rose sharply '.repeat(40)}end`;
    const line = alertText(withChanges([cas('killed', null, [1, 'exact'], long)])).split('\n')[1] ?? '';
    expect(line.length).toBeLessThanOrEqual(QUOTE_MAX + 2);
    expect(line).toMatch(/^“casualties rose sharply .* (casualties|rose|sharply)…”$/);
  });
});

describe('text helpers', () => {
  it('formats numbers with thousands separators', () => {
    expect([0, 999, 1000, 1234567].map(formatNumber)).toEqual(['0', '999', '1,000', '1,234,567']);
  });

  it('truncate never exceeds max nor splits a surrogate pair', () => {
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('ab😀cd', 4)).toBe('ab…');
  });

  it('fitEscaped fits after escaping without cutting an entity', () => {
    const esc = (s: string) => s.replace(/&/g, '&amp;');
    const out = fitEscaped('&'.repeat(50), 20, esc);
    expect(out.length).toBeLessThanOrEqual(20);
    expect(out).toMatch(/^(&amp;)+…$/);
  });

  it('packLines keeps what fits and says how much was left out', () => {
    expect(packLines(['aaaa', 'bbbb', 'cccc'], 14)).toEqual(['aaaa', 'bbbb', 'cccc']);
    expect(packLines(['aaaa', 'bbbb', 'cccc'], 13)).toEqual(['…and 3 more']);
    expect(packLines(['aaaa', 'bbbb', 'cccc'], 16, '\n', (n) => `+${n}`)).toEqual(['aaaa', 'bbbb', 'cccc']);
    expect(packLines(['aaaa', 'bbbb', 'cccc'], 12, '\n', (n) => `+${n}`)).toEqual(['aaaa', 'bbbb', '+1']);
  });
});
