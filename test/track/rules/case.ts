// The shape of one matching-rule spec row: an open incident, a new report, and whether the rule keeps them apart.
import type { IncidentHints } from '../../../src/schema';
import type { IndexEntry } from '../../../src/track/match';

export interface RuleCase {
  /** The rule id the row shows (track/match.ts MATCH_RULES). */
  rule: string;
  /** The behaviour, in words. */
  says: string;
  incident: Partial<IndexEntry>;
  report: IncidentHints;
  /** How long after the incident's last report the new one comes (default one hour). */
  afterMs?: number;
  /** `apart`: the rule turns the incident away. `joins`: the report joins it (by this rule, for scores). */
  expect: 'apart' | 'joins';
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
