// One runner over the threat table: every row's examples and every family's spec lines (threat-specs/) must give
// their threat figures through `extract`, and the rule, guard, context or choice each line names must fire in
// the same pass (`explainExtraction`). Every row, guard, context and choice is named by at least one line, so
// each has a line that fails without it.
import { describe, expect, it } from 'vitest';
import { extract } from '../../../src/extract/index';
import { explainExtraction } from '../../../src/extract/explain';
import { THREAT_RULES } from '../../../src/extract/rules/threat-rules';
import { THREAT_GUARDS } from '../../../src/extract/rules/threat-guards';
import type { Threat } from '../../../src/schema';
import type { ThreatSpec } from './threat-specs/line';
import { WEAPON_SPECS } from './threat-specs/weapons';
import { FORCE_SPECS } from './threat-specs/forces';
import { PLAN_AND_TARGET_SPECS } from './threat-specs/plans-and-targets';
import { CHOOSING_SPECS } from './threat-specs/choosing';

const PUBLISHED = '2024-05-01';

const ROW_SPECS: readonly ThreatSpec[] = THREAT_RULES.flatMap((r) => r.examples.map((e) => [e.text, e.expect, e.fires, { ...(e.published ? { published: e.published } : {}), ...(e.title ? { title: e.title } : {}) }] as const));

const FAMILIES: ReadonlyArray<readonly [string, readonly ThreatSpec[]]> = [
  ['rows (examples in the table)', ROW_SPECS],
  ['weapons', WEAPON_SPECS],
  ['forces and what is no force', FORCE_SPECS],
  ['plans and targets', PLAN_AND_TARGET_SPECS],
  ['choosing among figures', CHOOSING_SPECS],
];

/** A threat read back in the spec's words, cut to as many words as the spec gives: "12", "12 at_least", "12 at_least ballistic missiles". */
function asSpec(t: Threat, want: string): string {
  const words = want.split(' ').length;
  return [String(t.value), t.qualifier ?? 'exact', t.noun].join(' ').split(' ').slice(0, words).join(' ');
}

/** Everything that fired while reading the article: rules of the threats chosen, guards, contexts and choices. */
function fired(text: string, opts: ThreatSpec[3]): Set<string> {
  const e = explainExtraction({ text, ...(opts?.title ? { title: opts.title } : {}), published: opts?.published ?? PUBLISHED });
  return new Set([
    ...e.threats.map((t) => t.rule ?? '?'),
    ...e.threatTrace.vetoes.map((v) => v.guard),
    ...e.threatTrace.setAside.map((a) => a.by),
    ...e.threatTrace.dropped.map((d) => d.by),
    ...(e.threatTrace.candidates.length === 0 && e.threatTrace.vetoes.length === 0 ? ['none'] : []),
  ]);
}

describe.each(FAMILIES)('%s', (_family, specs) => {
  it.each(specs.map((s) => [s[0], s] as const))('%s', (text, [, want, fires, opts]) => {
    const got = extract({ text, ...(opts?.title ? { title: opts.title } : {}), published: opts?.published ?? PUBLISHED }).threats;
    expect(got.map((t, k) => asSpec(t, want[k] ?? String(t.value)))).toEqual(want);
    expect([...fired(text, opts)]).toContain(fires);
  });
});

describe('the table', () => {
  const named = new Set(FAMILIES.flatMap(([, specs]) => specs.map((s) => s[2])));
  it.each(THREAT_RULES.map((r) => [r.id, r] as const))('%s has examples, known guards and a spec line that needs it', (id, rule) => {
    expect(rule.examples.length).toBeGreaterThan(0);
    for (const g of rule.guards) expect(Object.keys(THREAT_GUARDS)).toContain(g);
    expect(named).toContain(id);
  });
  it.each(Object.keys(THREAT_GUARDS))('%s vetoes at least one spec line', (guard) => {
    expect(named).toContain(guard);
  });
  it('every choice and context step is named by a spec line', () => {
    for (const id of ['choose.part-of-larger', 'choose.vague-force-part', 'choose.repeat', 'context.earlier-year', 'context.older-month']) expect(named).toContain(id);
  });
  it('ids are unique', () => {
    expect(new Set(THREAT_RULES.map((r) => r.id)).size).toBe(THREAT_RULES.length);
  });
});

describe('--explain for threats', () => {
  it('chooses the same threats as extract, each naming its rule, and names the vetoing guard and its sentence', () => {
    const article = { text: 'The militia fired more than a dozen ballistic missiles overnight. Twelve soldiers were killed in the ambush.', published: PUBLISHED };
    const e = explainExtraction(article);
    expect(e.threats).toEqual(extract(article).threats);
    expect(e.threats.map((t) => [t.value, t.qualifier, t.rule])).toEqual([[12, 'at_least', 'threat.weapons']]);
    expect(e.threatTrace.vetoes).toContainEqual(expect.objectContaining({ rule: 'threat.forces', guard: 'guard.casualty-keyword', sentence: 1 }));
  });
});
