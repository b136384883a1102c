// Alerts of the Kerman stampede in our own words, shared by the notify tests.
import { DestinationConfigError, destinationsFromEnv, digestHoursFromEnv, type DestinationConfig } from '../../src/notify';
import type { Alert } from '../../src/schema';

export const QUOTE = 'state TV said a stampede had broken out which left 35 people dead and 48 injured';
export const PUBLISHED_MS = Date.UTC(2020, 0, 7, 0, 0, 0);
export const NOW_MS = Date.UTC(2020, 0, 7, 0, 5, 0);

/** The headline of the article behind the Kerman alerts (our own words). */
export const ARTICLE_TITLE = 'Crush at general’s funeral procession leaves 35 dead';

/** The Kerman example: a new incident, killed 35 and injured 48, from one Daily Mail article. */
export const kermanNew: Alert = {
  v: 1,
  alert_id: 'alt_kerman_1',
  incident_key: 'inc_kerman',
  incident_title: 'Kerman stampede',
  incident_type: 'stampede',
  places: ['Iran'],
  is_new_incident: true,
  changes: [
    { kind: 'casualty', category: 'killed', from: null, to: { value: 35, qualifier: 'exact' }, change: 'new', quote: QUOTE, attribution: 'state TV' },
    { kind: 'casualty', category: 'injured', from: null, to: { value: 48, qualifier: 'exact' }, change: 'new', quote: QUOTE, attribution: 'state TV' },
  ],
  outlet: 'Daily Mail',
  url: 'https://example.com/kerman',
  article_title: ARTICLE_TITLE,
  published_ms: PUBLISHED_MS,
  created_ms: PUBLISHED_MS + 60_000,
  corroboration: { killed: 1, injured: 1 },
};

export const UPDATE_QUOTE = 'The death toll from the stampede has risen to 56, state media reported';

/** The follow-up: killed 35 → 56. */
export const kermanUpdate: Alert = {
  ...kermanNew,
  alert_id: 'alt_kerman_2',
  is_new_incident: false,
  changes: [
    {
      kind: 'casualty',
      category: 'killed',
      from: { value: 35, qualifier: 'exact' },
      to: { value: 56, qualifier: 'exact' },
      change: 'up',
      quote: UPDATE_QUOTE,
      attribution: 'state media',
    },
  ],
  published_ms: PUBLISHED_MS + 3 * 3_600_000,
  created_ms: PUBLISHED_MS + 3 * 3_600_000 + 30_000,
  corroboration: { killed: 3, injured: 1 },
};

export const HOSTILE = '<!channel> @everyone @here <@U123> **bold** <script>alert(1)</script> _x_ ~s~ `code` [link](https://evil.test) & | > #h';

/** A headline that tries every platform's markup and mentions, with an e-mail address that must stay whole. */
export const HOSTILE_TITLE = '**Toll** <!here> @everyone _rises_ ~again~ & <b>[more](https://evil.test)</b> | write to desk@example.org #tip';

/** A headline far over every limit, made of what escaping expands most, with an e-mail address at its start. */
export function longHostileTitle(length = 5_000): string {
  return `desk@example.org ${'&<>*_~@ lorem '.repeat(Math.ceil(length / 14))}`.slice(0, length);
}

export function hostile(): Alert {
  return {
    ...kermanNew,
    incident_title: 'Kerman *stampede* <!here>',
    article_title: HOSTILE_TITLE,
    places: ['<b>Iran</b>'],
    outlet: 'Daily <Mail> & @everyone',
    changes: [
      { kind: 'casualty', category: 'killed', from: null, to: { value: 35, qualifier: 'exact' }, change: 'new', quote: HOSTILE, attribution: '@channel <!everyone>' },
      { kind: 'threat', category: 'missile', noun: 'missiles **boom**', from: { value: 3, qualifier: 'exact' }, to: { value: 23, qualifier: 'exact' }, change: 'up', quote: `threat ${HOSTILE}` },
    ],
  };
}

/** Many changes, each with a very long, distinct quote: exercises every platform's limits. */
export function huge(changes = 200, quoteLength = 5_000): Alert {
  const long = (i: number) => `${i} ${'**lorem** <ipsum> & dolor_sit @everyone '.repeat(Math.ceil(quoteLength / 40))}`.slice(0, quoteLength);
  return {
    ...kermanUpdate,
    incident_title: `${'Very long incident title '.repeat(20)}`.trim(),
    changes: Array.from({ length: changes }, (_, i) => ({
      kind: i % 2 === 0 ? ('casualty' as const) : ('threat' as const),
      category: i % 2 === 0 ? `category${i}` : `threat${i}`,
      noun: i % 2 === 0 ? undefined : `drones of type ${i}`,
      from: { value: i * 1000, qualifier: 'at_least' as const },
      to: { value: i * 1000 + 7, qualifier: 'approx' as const },
      change: 'up' as const,
      quote: long(i),
      attribution: `source ${i}`,
    })),
    corroboration: Object.fromEntries(Array.from({ length: changes }, (_, i) => [i % 2 === 0 ? `category${i}` : `threat${i}`, (i % 4) + 1])),
  };
}

/** One configuration of each destination, with example URLs and tokens. */
export const EXAMPLE_DESTINATIONS = {
  slack: { name: 'slack', url: 'https://hooks.slack.com/services/T/B/X' },
  discord: { name: 'discord', url: 'https://discord.com/api/webhooks/1/x' },
  telegram: { name: 'telegram', token: '1:ABCDEFGHIJKLMNOPQRSTUVWXYZ', chat_id: '42', api_base: 'https://api.telegram.org' },
  teams: { name: 'teams', url: 'https://example.logic.azure.com/workflows/1' },
  webhook: { name: 'webhook', url: 'https://hooks.example.com/x' },
} satisfies Record<string, DestinationConfig>;

/** The DestinationConfigError these settings raise (fails the test when they raise none). */
export function configError(env: Record<string, unknown>): DestinationConfigError {
  try {
    digestHoursFromEnv(env, destinationsFromEnv(env));
  } catch (e) {
    if (e instanceof DestinationConfigError) return e;
    throw e;
  }
  throw new Error('expected destinationsFromEnv to throw');
}
