// The one runner for the matching-rule specs in ./rules: each row files a report against one open incident, and
// every rule of MATCH_RULES must be shown by at least one row.
import { describe, expect, it } from 'vitest';
import { decideIncident, MATCH_RULES, type IndexEntry } from '../../src/track/match';
import { HOUR, type RuleCase } from './rules/case';
import { everyday } from './rules/everyday';
import { scores } from './rules/scores';
import { strikes } from './rules/strikes';
import { timeAndState } from './rules/time-and-state';
import { typesAndPlaces } from './rules/types-and-places';

const T0 = Date.parse('2024-04-10T20:00:00Z');
const families: Record<string, RuleCase[]> = { 'time and state': timeAndState, 'types and places': typesAndPlaces, strikes, everyday, scores };

function run(row: RuleCase) {
  const entry: IndexEntry = { v: 1, key: 'open', type: null, places: [], names: [], first_published_ms: T0, last_published_ms: T0, closed: false, ...row.incident };
  return decideIncident([entry], row.report, T0 + (row.afterMs ?? HOUR));
}

for (const [family, rows] of Object.entries(families)) {
  describe(`matching rules: ${family}`, () => {
    for (const row of rows) {
      it(`${row.rule}: ${row.says}`, () => {
        const decision = run(row);
        if (row.expect === 'apart') {
          expect(decision.key).toBeNull();
          expect(decision.rejected.map((r) => r.rule)).toEqual([row.rule]);
          expect(decision.filedBy).toEqual([`new:${row.rule}`]);
        } else {
          expect(decision.key).toBe('open');
          const kind = MATCH_RULES.find((r) => r.id === row.rule)?.kind;
          if (kind !== 'veto') expect(decision.filedBy).toContain(row.rule);
        }
      });
    }
  });
}

describe('the rule table', () => {
  it('names every rule once, and every rule is shown by a spec row', () => {
    const ids = MATCH_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const shown = new Set(Object.values(families).flatMap((rows) => rows.filter((r) => r.expect === 'apart' || MATCH_RULES.find((m) => m.id === r.rule)?.kind !== 'veto').map((r) => r.rule)));
    expect(ids.filter((id) => !shown.has(id))).toEqual([]);
  });

  it('gives every rule a description and an example', () => {
    for (const rule of MATCH_RULES) {
      expect(rule.checks.length).toBeGreaterThan(10);
      expect(rule.examples.length).toBeGreaterThan(0);
    }
  });
});
