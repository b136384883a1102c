// Destinations read from settings (defaults, order, filters), and which alerts a destination's filter lets through.
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { DestinationConfig, DestinationConfigError, destinationsFromEnv, wantsAlert } from '../../src/notify';
import type { Alert, Change } from '../../src/schema';
import { configError, kermanNew, kermanUpdate } from './fixtures';

const TOKEN = '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';


describe('destinationsFromEnv', () => {
  it('returns nothing when nothing is configured; empty strings count as unset', () => {
    expect(destinationsFromEnv({})).toEqual([]);
    expect(destinationsFromEnv({ SLACK_WEBHOOK_URL: '', TELEGRAM_BOT_TOKEN: '  ', DESTINATION_FILTERS: '', ALERT_WEBHOOK_SECRET: '' })).toEqual([]);
    // wrangler.jsonc sets TELEGRAM_API_BASE for every environment; alone it configures nothing.
    expect(destinationsFromEnv({ TELEGRAM_API_BASE: 'https://api.telegram.org', READ_TOKEN: 'x' })).toEqual([]);
  });

  it('reads every destination, in a fixed order, with defaults and filters', () => {
    const env = {
      ALERT_WEBHOOK_URL: 'https://hooks.example.com/tollwatch',
      ALERT_WEBHOOK_SECRET: ` ${SECRET} `,
      TEAMS_WEBHOOK_URL: 'https://prod.logic.azure.com/workflows/1',
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_CHAT_ID: '-1001234567890',
      DISCORD_WEBHOOK_URL: 'https://discord.com/api/webhooks/1/abc',
      SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T/B/X',
      DESTINATION_FILTERS: '{"slack":{"types":["stampede"],"countries":["Iran"],"categories":["killed"],"min_toll":10},"webhook":{"min_toll":1}}',
    };
    expect(destinationsFromEnv(env)).toEqual([
      {
        name: 'slack',
        url: 'https://hooks.slack.com/services/T/B/X',
        filter: { types: ['stampede'], countries: ['Iran'], categories: ['killed'], min_toll: 10 },
      },
      { name: 'discord', url: 'https://discord.com/api/webhooks/1/abc' },
      { name: 'telegram', token: TOKEN, chat_id: '-1001234567890', api_base: 'https://api.telegram.org' },
      { name: 'teams', url: 'https://prod.logic.azure.com/workflows/1' },
      { name: 'webhook', url: 'https://hooks.example.com/tollwatch', secret: SECRET, filter: { min_toll: 1 } },
    ]);
    for (const d of destinationsFromEnv(env)) expect(DestinationConfig.parse(d)).toEqual(d);
  });

  it('uses TELEGRAM_API_BASE without a trailing slash, and an unsigned webhook without a secret', () => {
    expect(destinationsFromEnv({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_CHAT_ID: '@tollwatch_alerts', TELEGRAM_API_BASE: 'http://localhost:8081/' })).toEqual([
      { name: 'telegram', token: TOKEN, chat_id: '@tollwatch_alerts', api_base: 'http://localhost:8081' },
    ]);
    expect(destinationsFromEnv({ ALERT_WEBHOOK_URL: 'http://localhost:9000/hook' })).toEqual([{ name: 'webhook', url: 'http://localhost:9000/hook' }]);
  });

  it('names the missing half of a partial Telegram config', () => {
    const e = configError({ TELEGRAM_BOT_TOKEN: TOKEN });
    expect(e.settings).toEqual(['TELEGRAM_CHAT_ID']);
    expect(e.message).toContain('TELEGRAM_CHAT_ID: is required when TELEGRAM_BOT_TOKEN is set');
    expect(e.cause).toBeInstanceOf(z.ZodError);
    expect(configError({ TELEGRAM_CHAT_ID: '42' }).settings).toEqual(['TELEGRAM_BOT_TOKEN']);
    expect(configError({ ALERT_WEBHOOK_SECRET: SECRET }).settings).toEqual(['ALERT_WEBHOOK_URL']);
  });

  it('rejects non-http(s) URLs and malformed tokens without echoing their values', () => {
    const e = configError({ SLACK_WEBHOOK_URL: 'javascript:alert(1)', DISCORD_WEBHOOK_URL: 'discord.com/api/webhooks/1', TELEGRAM_BOT_TOKEN: 'secret-token-value', TELEGRAM_CHAT_ID: '1' });
    expect(e.settings).toEqual(['SLACK_WEBHOOK_URL', 'DISCORD_WEBHOOK_URL', 'TELEGRAM_BOT_TOKEN']);
    expect(e.message).toContain('SLACK_WEBHOOK_URL: must be an absolute http(s) URL');
    expect(e.message).not.toContain('secret-token-value');
    expect(configError({ ALERT_WEBHOOK_URL: 'https://x.example', ALERT_WEBHOOK_SECRET: 'whsec_!!!' }).settings).toEqual(['ALERT_WEBHOOK_SECRET']);
    expect(configError({ TEAMS_WEBHOOK_URL: 42 }).settings).toEqual(['TEAMS_WEBHOOK_URL']);
  });

  it('names DESTINATION_FILTERS when it is not JSON or not a valid filter', () => {
    const slack = { SLACK_WEBHOOK_URL: 'https://hooks.slack.com/x' };
    const bad = configError({ ...slack, DESTINATION_FILTERS: '{slack: {}}' });
    expect(bad.settings).toEqual(['DESTINATION_FILTERS']);
    expect(bad.message).toContain('DESTINATION_FILTERS: must be valid JSON');
    expect(configError({ ...slack, DESTINATION_FILTERS: '{"slack":{"min_toll":"10"}}' }).message).toContain('DESTINATION_FILTERS.slack.min_toll');
    expect(configError({ ...slack, DESTINATION_FILTERS: '{"slack":{"categories":["kiled"]}}' }).message).toContain('DESTINATION_FILTERS.slack.categories.0');
    expect(configError({ ...slack, DESTINATION_FILTERS: '{"slack":{"min_tol":10}}' }).settings).toEqual(['DESTINATION_FILTERS']);
    expect(configError({ ...slack, DESTINATION_FILTERS: '{"slak":{}}' }).settings).toEqual(['DESTINATION_FILTERS']);
    expect(configError({ ...slack, DESTINATION_FILTERS: '[]' }).settings).toEqual(['DESTINATION_FILTERS']);
  });
});

describe('wantsAlert', () => {
  const slack = (filter?: DestinationConfig['filter']): DestinationConfig => ({ name: 'slack', url: 'https://hooks.slack.com/x', ...(filter ? { filter } : {}) });
  const missiles: Change = { kind: 'threat', category: 'missiles', noun: 'missiles', from: null, to: { value: 300, qualifier: 'exact' }, change: 'new', quote: 'q' };
  const withThreat: Alert = { ...kermanNew, changes: [...kermanNew.changes, missiles] };

  it('passes everything through without a filter (same object), skips an alert with no changes', () => {
    expect(wantsAlert(slack(), kermanNew)).toBe(kermanNew);
    expect(wantsAlert(slack(), { ...kermanNew, changes: [] })).toBeNull();
  });

  it('filters on type and country, case-insensitively', () => {
    expect(wantsAlert(slack({ types: ['STAMPEDE', 'fire'] }), kermanNew)).toBe(kermanNew);
    expect(wantsAlert(slack({ types: ['fire'] }), kermanNew)).toBeNull();
    expect(wantsAlert(slack({ types: ['stampede'] }), { ...kermanNew, incident_type: null })).toBeNull();
    expect(wantsAlert(slack({ countries: ['iran'] }), kermanNew)).toBe(kermanNew);
    expect(wantsAlert(slack({ countries: ['Iraq'] }), kermanNew)).toBeNull();
  });

  it('narrows changes to the wanted categories and skips when none remain', () => {
    expect(wantsAlert(slack({ categories: ['injured'] }), kermanNew)?.changes.map((c) => c.category)).toEqual(['injured']);
    expect(wantsAlert(slack({ categories: ['missing'] }), kermanNew)).toBeNull();
    expect(wantsAlert(slack({ categories: ['threats'] }), withThreat)?.changes).toEqual([missiles]);
    expect(wantsAlert(slack({ categories: ['killed'] }), withThreat)?.changes.map((c) => c.category)).toEqual(['killed']);
  });

  it('min_toll compares the largest casualty figure after narrowing; threats never count', () => {
    expect(wantsAlert(slack({ min_toll: 48 }), kermanNew)).toBe(kermanNew);
    expect(wantsAlert(slack({ min_toll: 49 }), kermanNew)).toBeNull();
    expect(wantsAlert(slack({ min_toll: 40, categories: ['killed'] }), kermanNew)).toBeNull();
    expect(wantsAlert(slack({ min_toll: 50 }), kermanUpdate)).not.toBeNull();
    expect(wantsAlert(slack({ min_toll: 100 }), withThreat)).toBeNull();
    expect(wantsAlert(slack({ min_toll: 0, categories: ['threats'] }), withThreat)).toBeNull();
  });

  it('does not mutate the input alert', () => {
    const before = JSON.stringify(kermanNew);
    wantsAlert(slack({ categories: ['killed'] }), kermanNew);
    expect(JSON.stringify(kermanNew)).toBe(before);
  });
});
