/**
 * How severe an alert looks: a tier chosen by the toll (the incident's killed figure as this alert states it,
 * else its injured figure counted a tenth), shown as each platform's colour (Slack attachment bar, Discord
 * embed colour, Teams container style). A table of rows, each with the examples its test runs.
 */
import type { Alert } from '../schema';

export interface SeverityTier {
  id: 'none' | 'low' | 'serious' | 'grave' | 'catastrophic';
  /** The smallest toll in this tier. */
  minToll: number;
  /** Slack attachment bar, `#rrggbb`. */
  slack: `#${string}`;
  /** Discord embed colour, 0xRRGGBB (the same hue as Slack's). */
  discord: number;
  /** Adaptive Card container style. */
  teams: 'default' | 'accent' | 'warning' | 'attention';
  /** Tolls from alerts that must land in this tier. */
  examples: { killed?: number; injured?: number }[];
}

/** Highest tier first: the first row whose minToll the toll reaches wins. */
export const SEVERITY_TIERS: readonly SeverityTier[] = [
  { id: 'catastrophic', minToll: 100, slack: '#8b0000', discord: 0x8b0000, teams: 'attention', examples: [{ killed: 100 }, { killed: 3_000 }, { injured: 1_000 }] },
  { id: 'grave', minToll: 10, slack: '#d62728', discord: 0xd62728, teams: 'attention', examples: [{ killed: 10 }, { killed: 59 }, { injured: 213 }] },
  { id: 'serious', minToll: 1, slack: '#ff7f0e', discord: 0xff7f0e, teams: 'warning', examples: [{ killed: 1 }, { killed: 9, injured: 5 }, { injured: 48 }] },
  { id: 'low', minToll: 0.1, slack: '#f2c744', discord: 0xf2c744, teams: 'accent', examples: [{ injured: 1 }, { injured: 9 }] },
  { id: 'none', minToll: 0, slack: '#9e9e9e', discord: 0x9e9e9e, teams: 'default', examples: [{}, { killed: 0 }] },
];

/** Injuries weigh a tenth of a death, so a mass-casualty event with no deaths still reads as grave. */
const INJURED_WEIGHT = 0.1;

/** The toll an alert states: its killed figure plus a tenth of its injured figure (the values it changes to). */
export function tollOf(alert: Pick<Alert, 'changes'>): number {
  const latest = (category: string) => Math.max(0, ...alert.changes.filter((c) => c.kind === 'casualty' && c.category === category).map((c) => c.to.value));
  return latest('killed') + INJURED_WEIGHT * latest('injured');
}

export function severityOf(alert: Pick<Alert, 'changes'>): SeverityTier {
  const toll = tollOf(alert);
  const tier = SEVERITY_TIERS.find((t) => toll >= t.minToll);
  // The last row's minToll is 0 and a toll is never negative, so a row always matches.
  return tier ?? (SEVERITY_TIERS[SEVERITY_TIERS.length - 1] as SeverityTier);
}
