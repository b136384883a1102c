// Each chat destination's request built byte for byte: Slack, Discord, Telegram, Teams and the signed webhook.
import { describe, expect, it } from 'vitest';
import { buildDeliveryRequest, type DestinationConfig } from '../../src/notify';
import { verifyWebhook } from '../../src/lib/standard-webhooks';
import { kermanNew, kermanUpdate, NOW_MS } from './fixtures';

const JSON_HEADERS = { 'content-type': 'application/json' };
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const QUOTE_LINE = '“state TV said a stampede had broken out which left 35 people dead and 48 injured” — state TV';
const HEADLINE = 'New incident: Kerman stampede (Iran) — killed 35, injured 48';

const slack: DestinationConfig = { name: 'slack', url: 'https://hooks.slack.com/services/T000/B000/XXXX' };
const discord: DestinationConfig = { name: 'discord', url: 'https://discord.com/api/webhooks/123/abc' };
const telegram: DestinationConfig = { name: 'telegram', token: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ', chat_id: '-1001234567890', api_base: 'https://api.telegram.org' };
const TEAMS_URL = 'https://prod-00.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=x';
const teams: DestinationConfig = { name: 'teams', url: TEAMS_URL };
const webhook: DestinationConfig = { name: 'webhook', url: 'https://hooks.example.com/tollwatch', secret: SECRET };

describe('Slack', () => {
  it('builds the new-incident request byte for byte', async () => {
    const req = await buildDeliveryRequest(slack, kermanNew, NOW_MS);
    expect(req.url).toBe('https://hooks.slack.com/services/T000/B000/XXXX');
    expect(req.init.method).toBe('POST');
    expect(req.init.headers).toEqual(JSON_HEADERS);
    expect(req.init.body).toBe(
      JSON.stringify({
        text: HEADLINE,
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: HEADLINE } }],
        // 35 killed, 48 injured: the 'grave' tier.
        attachments: [
          {
            color: '#d62728',
            blocks: [
              { type: 'section', text: { type: 'mrkdwn', text: `>${QUOTE_LINE}` } },
              { type: 'context', elements: [{ type: 'mrkdwn', text: '<https://example.com/kerman|Daily Mail: “Crush at general’s funeral procession leaves 35 dead”> · reported by 1 outlet · 2020-01-07T00:00:00Z' }] },
            ],
          },
        ],
      }),
    );
  });

  it('builds the update byte for byte (literal string)', async () => {
    const req = await buildDeliveryRequest(slack, kermanUpdate, NOW_MS);
    expect(req.init.body).toBe(
      '{"text":"Kerman stampede (Iran) — killed 35 → 56 (+21)","blocks":[' +
        '{"type":"section","text":{"type":"mrkdwn","text":"Kerman stampede (Iran) — killed 35 → 56 (+21)"}}],' +
        '"attachments":[{"color":"#d62728","blocks":[' +
        '{"type":"section","text":{"type":"mrkdwn","text":">“The death toll from the stampede has risen to 56, state media reported” — state media"}},' +
        '{"type":"context","elements":[{"type":"mrkdwn","text":"<https://example.com/kerman|Daily Mail: “Crush at general’s funeral procession leaves 35 dead”> · confirmed by 3 outlets · 2020-01-07T03:00:00Z"}]}]}]}',
    );
  });
});

describe('Discord', () => {
  it('builds the new-incident request byte for byte', async () => {
    const req = await buildDeliveryRequest(discord, kermanNew, NOW_MS);
    expect(req.url).toBe('https://discord.com/api/webhooks/123/abc');
    expect(req.init.headers).toEqual(JSON_HEADERS);
    expect(req.init.body).toBe(
      JSON.stringify({
        embeds: [
          {
            title: HEADLINE,
            description: QUOTE_LINE,
            url: 'https://example.com/kerman',
            color: 0xd62728,
            fields: [
              { name: 'Source', value: '[Daily Mail: “Crush at general’s funeral procession leaves 35 dead”](https://example.com/kerman)', inline: true },
              { name: 'Corroboration', value: 'reported by 1 outlet', inline: true },
            ],
            footer: { text: 'tollwatch' },
            timestamp: '2020-01-07T00:00:00.000Z',
          },
        ],
        allowed_mentions: { parse: [] },
      }),
    );
  });

  it('builds the update byte for byte (literal string)', async () => {
    const req = await buildDeliveryRequest(discord, kermanUpdate, NOW_MS);
    expect(req.init.body).toBe(
      '{"embeds":[{"title":"Kerman stampede (Iran) — killed 35 → 56 (+21)",' +
        '"description":"“The death toll from the stampede has risen to 56, state media reported” — state media",' +
        '"url":"https://example.com/kerman","color":14034728,' +
        '"fields":[{"name":"Source","value":"[Daily Mail: “Crush at general’s funeral procession leaves 35 dead”](https://example.com/kerman)","inline":true},{"name":"Corroboration","value":"confirmed by 3 outlets","inline":true}],' +
        '"footer":{"text":"tollwatch"},"timestamp":"2020-01-07T03:00:00.000Z"}],"allowed_mentions":{"parse":[]}}',
    );
  });
});

describe('Telegram', () => {
  it('builds the new-incident request byte for byte', async () => {
    const req = await buildDeliveryRequest(telegram, kermanNew, NOW_MS);
    expect(req.url).toBe('https://api.telegram.org/bot123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ/sendMessage');
    expect(req.init.headers).toEqual(JSON_HEADERS);
    expect(req.init.body).toBe(
      JSON.stringify({
        chat_id: '-1001234567890',
        text: `<b>${HEADLINE}</b>\n${QUOTE_LINE}\nSource: <a href="https://example.com/kerman">Daily Mail: “Crush at general’s funeral procession leaves 35 dead”</a> · reported by 1 outlet · 2020-01-07T00:00:00Z`,
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
      }),
    );
  });

  it('builds the update byte for byte and honours a custom API base', async () => {
    const req = await buildDeliveryRequest({ ...telegram, api_base: 'http://localhost:8787/tg/' }, kermanUpdate, NOW_MS);
    expect(req.url).toBe('http://localhost:8787/tg/bot123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ/sendMessage');
    expect(req.init.body).toBe(
      '{"chat_id":"-1001234567890","text":"<b>Kerman stampede (Iran) — killed 35 → 56 (+21)</b>\\n' +
        '“The death toll from the stampede has risen to 56, state media reported” — state media\\n' +
        'Source: <a href=\\"https://example.com/kerman\\">Daily Mail: “Crush at general’s funeral procession leaves 35 dead”</a> · confirmed by 3 outlets · 2020-01-07T03:00:00Z",' +
        '"parse_mode":"HTML","link_preview_options":{"is_disabled":true}}',
    );
  });
});

describe('Teams', () => {
  // 35 or 56 killed: the 'grave' tier, Teams' "attention" style.
  const headlineContainer = (text: string) => ({
    type: 'Container',
    style: 'attention',
    bleed: true,
    items: [{ type: 'TextBlock', text, wrap: true, weight: 'Bolder', size: 'Medium' }],
  });
  const card = (body: unknown[]) =>
    JSON.stringify({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          contentUrl: null,
          content: {
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            type: 'AdaptiveCard',
            version: '1.4',
            msteams: { width: 'Full' },
            body,
            actions: [{ type: 'Action.OpenUrl', title: 'Read the article', url: 'https://example.com/kerman' }],
          },
        },
      ],
    });

  it('builds the new-incident request byte for byte', async () => {
    const req = await buildDeliveryRequest(teams, kermanNew, NOW_MS);
    expect(req.url).toBe(TEAMS_URL);
    expect(req.init.headers).toEqual(JSON_HEADERS);
    expect(req.init.body).toBe(
      card([
        headlineContainer(HEADLINE),
        { type: 'TextBlock', text: QUOTE_LINE, wrap: true, isSubtle: true },
        {
          type: 'FactSet',
          facts: [
            { title: 'Source', value: 'Daily Mail: “Crush at general’s funeral procession leaves 35 dead”' },
            { title: 'Corroboration', value: 'reported by 1 outlet' },
            { title: 'Published', value: '2020-01-07T00:00:00Z' },
          ],
        },
      ]),
    );
  });

  it('builds the update byte for byte', async () => {
    const req = await buildDeliveryRequest(teams, kermanUpdate, NOW_MS);
    expect(req.init.body).toBe(
      card([
        headlineContainer('Kerman stampede (Iran) — killed 35 → 56 (+21)'),
        { type: 'TextBlock', text: '“The death toll from the stampede has risen to 56, state media reported” — state media', wrap: true, isSubtle: true },
        {
          type: 'FactSet',
          facts: [
            { title: 'Source', value: 'Daily Mail: “Crush at general’s funeral procession leaves 35 dead”' },
            { title: 'Corroboration', value: 'confirmed by 3 outlets' },
            { title: 'Published', value: '2020-01-07T03:00:00Z' },
          ],
        },
      ]),
    );
  });

  it('omits the action when there is no usable URL', async () => {
    const req = await buildDeliveryRequest(teams, { ...kermanNew, url: 'ftp://example.com/x' }, NOW_MS);
    expect(req.init.body).not.toContain('Action.OpenUrl');
    expect(req.init.body).not.toContain('ftp:');
  });
});

describe('generic webhook', () => {
  // the Standard Webhooks envelope: type, timestamp (the alert's creation), data
  const expectedBody = JSON.stringify({
    type: 'tollwatch.alert',
    timestamp: '2020-01-07T00:01:00Z',
    data: {
      version: 2,
      alert_id: 'alt_kerman_1',
      incident: { key: 'inc_kerman', title: 'Kerman stampede', type: 'stampede', places: ['Iran'], is_new: true },
      changes: [
        {
          kind: 'casualty',
          category: 'killed',
          noun: null,
          from: null,
          to: { value: 35, qualifier: 'exact' },
          change: 'new',
          quote: 'state TV said a stampede had broken out which left 35 people dead and 48 injured',
          attribution: 'state TV',
        },
        {
          kind: 'casualty',
          category: 'injured',
          noun: null,
          from: null,
          to: { value: 48, qualifier: 'exact' },
          change: 'new',
          quote: 'state TV said a stampede had broken out which left 35 people dead and 48 injured',
          attribution: 'state TV',
        },
      ],
      corroboration: { killed: 1, injured: 1 },
      text: `${HEADLINE}\n${QUOTE_LINE}\nSource: Daily Mail: “Crush at general’s funeral procession leaves 35 dead” https://example.com/kerman · reported by 1 outlet · 2020-01-07T00:00:00Z`,
      outlet: 'Daily Mail',
      article_title: 'Crush at general’s funeral procession leaves 35 dead',
      url: 'https://example.com/kerman',
      published: '2020-01-07T00:00:00Z',
    },
  });

  it('builds a signed request byte for byte that verifies', async () => {
    const req = await buildDeliveryRequest(webhook, kermanNew, NOW_MS);
    expect(req.url).toBe('https://hooks.example.com/tollwatch');
    expect(req.init.body).toBe(expectedBody);
    expect(req.init.headers).toEqual({
      'content-type': 'application/json',
      'webhook-id': 'alt_kerman_1',
      'webhook-timestamp': '1578355500',
      'webhook-signature': 'v1,z4I3cjSFc5IHHQsKdpHuL7zXf/DzeYw0zFLKoDpmayY=',
    });
    const h = req.init.headers;
    const verified = await verifyWebhook(
      [SECRET],
      { id: h['webhook-id'] ?? null, timestamp: h['webhook-timestamp'] ?? null, signature: h['webhook-signature'] ?? null },
      new TextEncoder().encode(req.init.body),
      NOW_MS / 1000,
    );
    expect(verified).toEqual({ ok: true, id: 'alt_kerman_1', timestamp: 1578355500, secretIndex: 0 });
    const tampered = await verifyWebhook(
      [SECRET],
      { id: h['webhook-id'] ?? null, timestamp: h['webhook-timestamp'] ?? null, signature: h['webhook-signature'] ?? null },
      new TextEncoder().encode(req.init.body.replace('35', '36')),
      NOW_MS / 1000,
    );
    expect(tampered).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('keeps webhook-id stable across retries while the timestamp moves', async () => {
    const a = await buildDeliveryRequest(webhook, kermanNew, NOW_MS);
    const b = await buildDeliveryRequest(webhook, kermanNew, NOW_MS + 90_000);
    expect(b.init.headers['webhook-id']).toBe(a.init.headers['webhook-id']);
    expect(b.init.headers['webhook-timestamp']).toBe('1578355590');
    expect(b.init.body).toBe(a.init.body);
  });

  it('sends unsigned when no secret is configured', async () => {
    const req = await buildDeliveryRequest({ name: 'webhook', url: 'https://hooks.example.com/tollwatch' }, kermanNew, NOW_MS);
    expect(req.init.headers).toEqual(JSON_HEADERS);
    expect(req.init.body).toBe(expectedBody);
  });
});
