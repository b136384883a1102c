/** Whatever the alert, each platform's documented limits hold (else the platform rejects the message). */
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../src/schema';
import { buildDeliveryRequest, type DestinationConfig } from '../../src/notify';
import { EXAMPLE_DESTINATIONS, huge, kermanNew, longHostileTitle, NOW_MS } from './fixtures';

const cases: [string, Alert][] = [
  ['200 changes with 5,000-char quotes', huge(200, 5_000)],
  ['2,000 changes with short quotes', huge(2_000, 60)],
  [
    'one 100,000-char quote, a huge title, outlet and URL',
    {
      ...kermanNew,
      incident_title: 'T&<*'.repeat(2_000),
      outlet: '<&>*_'.repeat(1_000),
      url: `https://example.com/${'a&b'.repeat(1_300)}`,
      places: ['P'.repeat(5_000)],
      changes: [{ ...kermanNew.changes[0]!, quote: '<&>*_@x '.repeat(12_500), attribution: 'A<&>'.repeat(2_000) }],
    },
  ],
  // Under 2,000 characters as given, 4,600 once Slack's `&` became `&amp;`: its footer went to 5,989 and was refused.
  ['a 1,989-character URL made of `&`', { ...kermanNew, outlet: 'O&'.repeat(150), url: `https://example.com/?${'a=&'.repeat(656)}` }],
  ['a 5,000-character headline of `&<>*_~@` opening with an e-mail address', { ...kermanNew, article_title: longHostileTitle() }],
  [
    // Every part of Slack's footer at its maximum at once: a URL that still links (1,493 once escaped), outlet,
    // headline, and a corroboration line per category.
    'that headline with the longest linkable URL, a huge outlet and 200 categories',
    { ...huge(200, 60), article_title: longHostileTitle(), outlet: '<&>*_'.repeat(1_000), url: `https://example.com/?${'k=v&'.repeat(184)}` },
  ],
];

async function payload<T>(d: DestinationConfig, alert: Alert): Promise<{ body: string; json: T }> {
  const req = await buildDeliveryRequest(d, alert, NOW_MS);
  return { body: req.init.body, json: JSON.parse(req.init.body) as T };
}

describe.each(cases)('limits: %s', (_name, alert) => {
  it('Slack: ≤ 50 blocks, section text ≤ 3,000, fallback text ≤ 3,000', async () => {
    type Block = { type: string; text?: { text: string }; elements?: { text: string }[] };
    type Slack = { text: string; blocks: Block[]; attachments: { color: string; blocks: Block[] }[] };
    const { json } = await payload<Slack>({ name: 'slack', url: 'https://hooks.slack.com/x' }, alert);
    const all = [...json.blocks, ...json.attachments.flatMap((a) => a.blocks)];
    expect(all.length).toBeLessThanOrEqual(50);
    expect(json.text.length).toBeLessThanOrEqual(3_000);
    for (const b of all) {
      if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(3_000);
      for (const e of b.elements ?? []) expect(e.text.length).toBeLessThanOrEqual(3_000);
      expect(b.elements?.length ?? 0).toBeLessThanOrEqual(10);
    }
    expect(all.at(-1)?.type).toBe('context');
  });

  it('Discord: title ≤ 256, description ≤ 4,096, ≤ 25 fields within limits, all text ≤ 6,000', async () => {
    type Discord = { embeds: { title: string; description?: string; url?: string; fields: { name: string; value: string }[]; footer: { text: string } }[] };
    const { json } = await payload<Discord>({ name: 'discord', url: 'https://discord.com/api/webhooks/1/x' }, alert);
    expect(json.embeds).toHaveLength(1);
    const e = json.embeds[0]!;
    expect(e.title.length).toBeLessThanOrEqual(256);
    expect((e.description ?? '').length).toBeLessThanOrEqual(4_096);
    expect(e.fields.length).toBeLessThanOrEqual(25);
    for (const f of e.fields) {
      expect(f.name.length).toBeLessThanOrEqual(256);
      expect(f.value.length).toBeLessThanOrEqual(1_024);
    }
    expect(e.footer.text.length).toBeLessThanOrEqual(2_048);
    const total = e.title.length + (e.description ?? '').length + e.footer.text.length + e.fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(6_000);
    expect(e.description).toContain('“'); // a long threats line must not crowd out every quote
  });

  it('Telegram: text ≤ 4,096 characters, before and after entity parsing', async () => {
    const { json } = await payload<{ text: string }>({ name: 'telegram', token: '1:ABCDEFGHIJKLMNOPQRSTUVWXYZ', chat_id: '1', api_base: 'https://api.telegram.org' }, alert);
    expect(json.text.length).toBeLessThanOrEqual(4_096);
    const parsed = json.text.replace(/<[^>]*>/g, '').replace(/&(lt|gt|amp|quot);/g, '_');
    expect(parsed.length).toBeLessThanOrEqual(4_096);
    expect(json.text).toMatch(/^<b>.*<\/b>\n/);
    expect(json.text).toMatch(/\nSource: .*$/);
    expect(json.text).toContain('\n“');
  });

  it('Teams: whole body ≤ 28 KB', async () => {
    const { body, json } = await payload<{ attachments: { content: { body: unknown[] } }[] }>({ name: 'teams', url: 'https://x.logic.azure.com/w' }, alert);
    expect(new TextEncoder().encode(body).length).toBeLessThanOrEqual(28 * 1024);
    expect(json.attachments[0]?.content.body.length).toBeGreaterThanOrEqual(3);
  });
});

describe('limits: Slack footer', () => {
  it('still links a URL with some `&` that fits once escaped', async () => {
    const url = `https://example.com/?${'k=v&'.repeat(100)}`;
    const req = await buildDeliveryRequest({ name: 'slack', url: 'https://hooks.slack.com/x' }, { ...kermanNew, url }, NOW_MS);
    const body = JSON.parse(req.init.body) as { attachments: { blocks: { elements?: { text: string }[] }[] }[] };
    const context = body.attachments[0]?.blocks.at(-1)?.elements?.[0]?.text ?? '';
    expect(context.startsWith(`<${url.replaceAll('&', '&amp;')}|Daily Mail: “Crush at general’s funeral procession leaves 35 dead”>`)).toBe(true);
    expect(context.length).toBeLessThanOrEqual(3_000);
  });
});

describe('limits: packing', () => {
  it('says how many quotes were left out rather than dropping them silently', async () => {
    const req = await buildDeliveryRequest({ name: 'slack', url: 'https://hooks.slack.com/x' }, huge(200, 200), NOW_MS);
    type Block = { text?: { text: string } };
    const json = JSON.parse(req.init.body) as { blocks: Block[]; attachments: { blocks: Block[] }[] };
    const all = [...json.blocks, ...(json.attachments[0]?.blocks ?? [])];
    expect(all).toHaveLength(50);
    expect(all.at(-2)?.text?.text).toBe('_…and 154 more quotes_');
  });
});

describe('limits: the headline', () => {
  // Cut before the limits, not dropped: its start (an e-mail address, left whole) and the cut mark still show.
  it.each(Object.values(EXAMPLE_DESTINATIONS))('$name quotes the start of an over-long hostile headline and marks the cut', async (d) => {
    const { body } = await payload<unknown>(d, { ...kermanNew, article_title: longHostileTitle() });
    expect(body).toMatch(/Daily Mail: “desk@example\.org [^”]*…”/);
  });
});
