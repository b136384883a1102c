// Alerts are coloured by the toll they state and link to their incident's dashboard page when PUBLIC_URL is set.
import { describe, expect, it } from 'vitest';
import { Settings } from '../../src/env';
import { alertLinks, buildDeliveryRequest, type DestinationConfig } from '../../src/notify';
import { SEVERITY_TIERS, severityOf } from '../../src/notify/severity';
import type { Alert, Change } from '../../src/schema';
import { kermanNew, NOW_MS } from './fixtures';

const casualty = (category: string, value: number): Change => ({ kind: 'casualty', category, from: null, to: { value, qualifier: 'exact' }, change: 'new', quote: 'q' });
const withToll = (toll: { killed?: number; injured?: number }): Alert => ({
  ...kermanNew,
  changes: Object.entries(toll).map(([category, value]) => casualty(category, value)),
});

describe('severity tiers', () => {
  it.each(SEVERITY_TIERS.flatMap((tier) => tier.examples.map((example) => [tier.id, example] as const)))('%s: %o', (id, example) => {
    expect(severityOf(withToll(example)).id).toBe(id);
  });

  it('are ordered from the highest toll down, and the colour grows with the toll', () => {
    const mins = SEVERITY_TIERS.map((t) => t.minToll);
    expect(mins).toEqual([...mins].sort((a, b) => b - a));
    expect(SEVERITY_TIERS.at(-1)?.minToll).toBe(0);
    expect(new Set(SEVERITY_TIERS.map((t) => t.slack)).size).toBe(SEVERITY_TIERS.length);
  });

  it('reads a threats-only alert as no toll', () => {
    const threat: Change = { kind: 'threat', category: 'missiles', noun: 'missiles', from: null, to: { value: 500, qualifier: 'exact' }, change: 'new', quote: 'q' };
    expect(severityOf({ changes: [threat] }).id).toBe('none');
  });
});

describe('PUBLIC_URL: the incident page in every chat alert', () => {
  const links = alertLinks('https://tollwatch.example.workers.dev/', 'kerman stampede/2020');
  const PAGE = 'https://tollwatch.example.workers.dev/incidents/kerman%20stampede%2F2020';
  const body = async (d: DestinationConfig, alert: Alert = kermanNew) => (await buildDeliveryRequest(d, alert, NOW_MS, links)).init.body;

  it('builds the page URL from the setting and the encoded key; no setting, no link', () => {
    expect(links).toEqual({ incident: PAGE });
    expect(alertLinks(undefined, 'k')).toEqual({});
  });

  it('Slack: a link after the headline, which stays the plain-text fallback', async () => {
    const json = JSON.parse(await body({ name: 'slack', url: 'https://hooks.slack.com/x' })) as { text: string; blocks: { text: { text: string } }[] };
    expect(json.blocks[0]?.text.text).toBe(`New incident: Kerman stampede (Iran) — killed 35, injured 48 · <${PAGE}|Incident page>`);
    expect(json.text).not.toContain(PAGE);
  });

  it('Discord: the embed title links to the page; the article stays in the Source field', async () => {
    const json = JSON.parse(await body({ name: 'discord', url: 'https://discord.com/api/webhooks/1/x' })) as { embeds: { url: string; fields: { value: string }[] }[] };
    expect(json.embeds[0]?.url).toBe(PAGE);
    expect(json.embeds[0]?.fields[0]?.value).toBe('[Daily Mail: “Crush at general’s funeral procession leaves 35 dead”](https://example.com/kerman)');
  });

  it('Telegram: an "Incident page" link in the footer', async () => {
    const json = JSON.parse(await body({ name: 'telegram', token: '1:ABCDEFGHIJKLMNOPQRSTUVWXYZ', chat_id: '1', api_base: 'https://api.telegram.org' })) as { text: string };
    expect(json.text).toMatch(new RegExp(`· <a href="${PAGE.replace(/[.?]/g, '\\$&')}">Incident page</a>$`));
  });

  it('Teams: an "Open the incident" button before "Read the article"', async () => {
    const json = JSON.parse(await body({ name: 'teams', url: 'https://x.logic.azure.com/w' })) as { attachments: { content: { actions: { title: string; url: string }[] } }[] };
    expect(json.attachments[0]?.content.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open the incident', url: PAGE },
      { type: 'Action.OpenUrl', title: 'Read the article', url: 'https://example.com/kerman' },
    ]);
  });

  it('is refused unless it is an absolute http(s) URL, naming the setting', () => {
    expect(Settings.safeParse({ PUBLIC_URL: 'https://tollwatch.example.workers.dev' }).data?.PUBLIC_URL).toBe('https://tollwatch.example.workers.dev');
    expect(Settings.safeParse({ PUBLIC_URL: '' }).data?.PUBLIC_URL).toBeUndefined();
    for (const bad of ['tollwatch.example.workers.dev', 'javascript:alert(1)', 'ftp://example.com']) {
      const parsed = Settings.safeParse({ PUBLIC_URL: bad });
      expect(parsed.success, bad).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(['PUBLIC_URL']);
    }
  });
});
