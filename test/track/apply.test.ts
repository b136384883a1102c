// Applying a report to an incident: figures compared as intervals, what is announced, held back or taken in silently.
import { describe, expect, it } from 'vitest';
import type { Casualties, Report, Threat } from '../../src/schema';
import { applyReport, type IncidentMeta, type TrackerSettings } from '../../src/track/apply';
import { compareFigures, meetsThreshold, threatHead } from '../../src/track/compare';
import { memoryTrackerStore, processReport } from '../../src/track/process';

const meta: IncidentMeta = { key: '2020-01-07-kerman-stampede', title: 'Kerman stampede', type: 'stampede', places: ['Kerman', 'Iran'] };
const settings: TrackerSettings = { minSources: 1, thresholds: {} };
const DAY = 86_400_000;
const T0 = Date.parse('2020-01-07T00:00:00Z');

let seq = 0;
function report(casualties: Casualties, opts: { outlet?: string; published?: number; threats?: Threat[]; title?: string } = {}): Report {
  seq++;
  return {
    v: 1,
    article_id: `a${seq}`,
    content_hash: `h${seq}`,
    ...(opts.title ? { title: opts.title } : {}),
    outlet: opts.outlet ?? 'AP',
    published_ms: opts.published ?? T0 + seq * 1000,
    received_ms: T0 + seq * 1000,
    casualties,
    threats: opts.threats ?? [],
    hints: { type: 'stampede', places: ['Kerman', 'Iran'] },
  };
}
const fig = (value: number, qualifier: 'exact' | 'at_least' | 'approx' | 'at_most' = 'exact') => ({ value, qualifier, quote: `q${value}` });

/** Runs reports through a fresh incident and returns each outcome. */
function run(reports: Report[], s: TrackerSettings = settings) {
  const store = memoryTrackerStore();
  return reports.map((r) => processReport(store, meta, r, r.received_ms, s, (a) => a.changes.map((c) => `${c.category}:${c.from?.value ?? '-'}>${c.to.value}`).join(',')));
}

describe('compareFigures reads qualifiers as intervals', () => {
  it.each([
    [fig(30, 'at_least'), fig(35), 'up'],
    [fig(35), fig(30, 'at_least'), 'same'],
    [fig(50, 'approx'), fig(50), 'same'],
    [fig(50), fig(52, 'approx'), 'same'],
    [fig(56), fig(50), 'down'],
    [fig(30), fig(40, 'at_most'), 'same'],
    [fig(30, 'at_most'), fig(40, 'at_most'), 'up'],
    [fig(35), fig(56), 'up'],
  ] as const)('%o then %o → %s', (a, b, expected) => {
    expect(compareFigures(a, b)).toBe(expected);
  });
});

describe('applyReport', () => {
  it('announces a new incident with each category as new', () => {
    const [out] = run([report({ killed: fig(35), injured: fig(48) })]);
    expect(out?.result.changes.map((c) => [c.category, c.change, c.to.value])).toEqual([
      ['killed', 'new', 35],
      ['injured', 'new', 48],
    ]);
    expect(out?.alert?.is_new_incident).toBe(true);
    expect(out?.result.alert).toBe('killed:->35,injured:->48');
  });

  it('names the headline of the article whose figures changed, not the first one, and none when it had none', () => {
    const outs = run([
      report({ killed: fig(35) }, { title: 'Crush at funeral procession leaves 35 dead' }),
      report({ killed: fig(56) }, { title: 'Funeral crush toll climbs to 56', outlet: 'Reuters' }),
      report({ killed: fig(59) }),
    ]);
    expect(outs.map((o) => o.alert?.article_title)).toEqual(['Crush at funeral procession leaves 35 dead', 'Funeral crush toll climbs to 56', undefined]);
    expect(outs[1]?.alert?.incident_title).toBe('Kerman stampede');
  });

  it('announces an increase once and stays quiet on a repeat', () => {
    const outs = run([report({ killed: fig(35) }), report({ killed: fig(56) }), report({ killed: fig(56) }, { outlet: 'Reuters' })]);
    expect(outs[1]?.result.alert).toBe('killed:35>56');
    expect(outs[1]?.alert?.is_new_incident).toBe(false);
    expect(outs[2]?.result.changes).toEqual([]);
    expect(outs[2]?.alert).toBeNull();
    expect(outs[2]?.state?.figures.killed?.outlets).toEqual(['AP', 'Reuters']);
  });

  it('says a downward revision plainly instead of dropping it', () => {
    const outs = run([report({ killed: fig(56) }), report({ killed: fig(50) })]);
    expect(outs[1]?.result.changes[0]).toMatchObject({ category: 'killed', change: 'down', from: { value: 56 }, to: { value: 50 } });
    expect(outs[1]?.alert).not.toBeNull();
  });

  it('treats "35" then "more than 30" and "about 50" then "50" as no change', () => {
    expect(run([report({ killed: fig(35) }), report({ killed: fig(30, 'at_least') })])[1]?.alert).toBeNull();
    const outs = run([report({ injured: fig(50, 'approx') }), report({ injured: fig(50) })]);
    expect(outs[1]?.alert).toBeNull();
    expect(outs[1]?.state?.figures.injured?.qualifier).toBe('exact');
  });

  it('"at least 30" then "35" is an increase', () => {
    expect(run([report({ killed: fig(30, 'at_least') }), report({ killed: fig(35) })])[1]?.result.alert).toBe('killed:30>35');
  });

  it('lets an older report fill a missing category silently but never overwrite newer figures', () => {
    const outs = run([
      report({ killed: fig(56) }, { published: T0 + 2 * DAY }),
      report({ killed: fig(35), missing: fig(4) }, { published: T0 + DAY }),
      report({ killed: fig(59), missing: fig(4) }, { published: T0 + 3 * DAY }),
    ]);
    expect(outs[1]?.alert).toBeNull();
    expect(outs[1]?.result.changes).toEqual([]);
    expect(outs[1]?.state?.figures.killed?.value).toBe(56);
    expect(outs[1]?.state?.figures.missing?.value).toBe(4);
    // The silently filled category is not announced later as "new" either.
    expect(outs[2]?.result.alert).toBe('killed:56>59');
  });

  it('holds back an alert until min_sources outlets agree, without holding back the state', () => {
    const s = { minSources: 2, thresholds: {} };
    const outs = run([report({ killed: fig(35) }, { outlet: 'AP' }), report({ killed: fig(35) }, { outlet: 'AP' }), report({ killed: fig(35) }, { outlet: 'Reuters' })], s);
    expect(outs[0]?.alert).toBeNull();
    expect(outs[0]?.state?.figures.killed?.value).toBe(35);
    expect(outs[1]?.alert).toBeNull();
    expect(outs[2]?.alert?.changes.map((c) => [c.category, c.from, c.to.value])).toEqual([['killed', null, 35]]);
    expect(outs[2]?.alert?.corroboration).toEqual({ killed: 2 });
  });

  it('ignores changes under the category threshold', () => {
    const s = { minSources: 1, thresholds: { killed: { abs: 5, rel: 0 } } };
    const outs = run([report({ killed: fig(35) }), report({ killed: fig(37) }), report({ killed: fig(41) })], s);
    expect(outs[1]?.alert).toBeNull();
    expect(outs[2]?.result.alert).toBe('killed:35>41');
  });

  it('tracks threat figures by the head of their noun, apart from casualties', () => {
    const outs = run([
      report({}, { threats: [{ value: 3, noun: 'ballistic missiles', quote: 'three ballistic missiles' }] }),
      report({}, { threats: [{ value: 23, noun: 'missiles', quote: '23 missiles' }] }),
    ]);
    expect(outs[1]?.result.changes).toEqual([
      expect.objectContaining({ kind: 'threat', category: 'missile', change: 'up', from: { value: 3, qualifier: 'exact' }, to: { value: 23, qualifier: 'exact' } }),
    ]);
  });

  it('a threat keeps its qualifier in the change it alerts ("more than a dozen" is at least 12)', () => {
    const outs = run([report({}, { threats: [{ value: 12, qualifier: 'at_least', noun: 'ballistic missiles', quote: 'more than a dozen ballistic missiles', rule: 'threat.weapons' }] })]);
    expect(outs[0]?.result.changes).toEqual([expect.objectContaining({ kind: 'threat', category: 'missile', change: 'new', from: null, to: { value: 12, qualifier: 'at_least' } })]);
  });

  it('recognises a re-sent article and changes nothing', () => {
    const store = memoryTrackerStore();
    const r = report({ killed: fig(35) });
    const first = processReport(store, meta, r, 0, settings, () => 'x');
    const again = processReport(store, meta, { ...r, article_id: 'other-id' }, 0, settings, () => 'x');
    expect(again.result.duplicate).toBe(true);
    expect(again.alert).toBeNull();
    expect(again.result.incident).toBe(first.result.incident);
    expect(store.reports).toHaveLength(1);
  });

  it('a muted incident changes state but sends nothing', () => {
    const store = memoryTrackerStore();
    processReport(store, meta, report({ killed: fig(1) }), 0, settings, () => 'x');
    const state = store.loadState();
    if (!state) throw new Error('no state');
    const out = applyReport({ ...state, muted: true }, meta, report({ killed: fig(5) }), 0, settings);
    expect(out.alert).toBeNull();
    expect(out.state.figures.killed?.value).toBe(5);
  });
});

describe('helpers', () => {
  it('threatHead singularises the last word', () => {
    expect(threatHead("revenge 'scenarios'")).toBe('scenario');
    expect(threatHead('Iranian sites')).toBe('site');
    expect(threatHead('Russian troops')).toBe('troop');
    expect(threatHead('drones')).toBe('drone');
  });
  it('meetsThreshold checks absolute and relative change', () => {
    expect(meetsThreshold(100, 104, { abs: 5, rel: 0 })).toBe(false);
    expect(meetsThreshold(100, 109, { abs: 0, rel: 0.1 })).toBe(false);
    expect(meetsThreshold(100, 110, { abs: 0, rel: 0.1 })).toBe(true);
    expect(meetsThreshold(100, 101, undefined)).toBe(true);
  });
});
