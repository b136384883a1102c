// Several channels per platform: the DESTINATIONS list, its validation, and routing alerts by each channel's filter.
import { runInDurableObject } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { destinationId, destinationsFromEnv, wantsAlert, type DestinationConfig } from '../../src/notify';
import { ledger } from '../../src/queue/consumer';
import { AlertMessage, type Alert } from '../../src/schema';
import { captured, captureOutbound, postArticle } from '../helpers';
import { consume, overrideEnv, tracker } from '../reliability/support';
import { article } from '../security/articles';
import { env } from '../security/state';
import { configError, kermanNew } from './fixtures';

afterEach(() => vi.restoreAllMocks());

/** Accepts and keeps nothing: the outbox rows stay for the test to hand to the consumer itself. */
const forgetfulQueue = { send: async () => {}, sendBatch: async () => {} } as unknown as Queue<AlertMessage>;

const TOKEN = '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const AFRICA = ['Nigeria', 'Kenya', 'Ghana', 'Ethiopia', 'Sudan'];

/** A desk's set-up: Africa to one Slack channel, anything over 10 killed to another, plus the legacy Slack URL. */
const desk = {
  SLACK_WEBHOOK_URL: 'https://hooks.slack.test/services/T/B/legacy',
  SLACK_AFRICA_URL: 'https://hooks.slack.test/services/T/B/africa',
  SLACK_BIG_URL: 'https://hooks.slack.test/services/T/B/big',
  TG_DESK_TOKEN: TOKEN,
  DESTINATIONS: JSON.stringify([
    { platform: 'slack', name: 'slack-africa', secret: 'SLACK_AFRICA_URL', filter: { countries: AFRICA } },
    { platform: 'slack', name: 'slack-big', secret: 'SLACK_BIG_URL', filter: { categories: ['killed'], min_toll: 11 } },
    { platform: 'telegram', name: 'tg-desk', secret: 'TG_DESK_TOKEN', chat_id: '-100777' },
  ]),
};

const listed = (entries: unknown[], extra: Record<string, unknown> = {}) => ({ DESTINATIONS: JSON.stringify(entries), ...extra });

describe('DESTINATIONS: a list of named channels', () => {
  it('adds each entry after the single-URL settings, which stay one destination each under their platform name', () => {
    const all = destinationsFromEnv({ ...desk, TELEGRAM_API_BASE: 'http://127.0.0.1:9/' });
    expect(all.map(destinationId)).toEqual(['slack', 'slack-africa', 'slack-big', 'tg-desk']);
    expect(all[1]).toEqual({ name: 'slack', id: 'slack-africa', url: desk.SLACK_AFRICA_URL, filter: { countries: AFRICA } });
    expect(all[3]).toEqual({ name: 'telegram', id: 'tg-desk', token: TOKEN, chat_id: '-100777', api_base: 'http://127.0.0.1:9' });
    // Without any DESTINATIONS the old settings give exactly what they gave before.
    expect(destinationsFromEnv({ SLACK_WEBHOOK_URL: desk.SLACK_WEBHOOK_URL })).toEqual([{ name: 'slack', url: desk.SLACK_WEBHOOK_URL }]);
  });

  it('a signed webhook channel reads its signing secret from the setting it names', () => {
    const [hook] = destinationsFromEnv(listed([{ platform: 'webhook', name: 'newsroom', secret: 'NEWSROOM_URL', signing_secret: 'NEWSROOM_WHSEC' }], { NEWSROOM_URL: 'https://hooks.example/t', NEWSROOM_WHSEC: SECRET }));
    expect(hook).toEqual({ name: 'webhook', id: 'newsroom', url: 'https://hooks.example/t', secret: SECRET });
  });

  it('names DESTINATIONS, the entry and the field in every error, and never quotes a credential', () => {
    expect(configError({ DESTINATIONS: '[{platform:"slack"}]' }).message).toContain('DESTINATIONS: must be valid JSON');
    expect(configError({ DESTINATIONS: '{"platform":"slack"}' }).settings).toEqual(['DESTINATIONS']);
    expect(configError(listed([{ platform: 'matrix', name: 'm', secret: 'M_URL' }])).message).toContain('DESTINATIONS.0.platform');
    expect(configError(listed([{ platform: 'slack', name: 'Slack Africa', secret: 'S' }])).message).toContain('DESTINATIONS.0.name: must be 1–48 lower-case');
    expect(configError(listed([{ platform: 'slack', name: 'a', secret: 'https://hooks.slack.com/x' }])).message).toContain('DESTINATIONS.0.secret: must be the name of a secret or var');
    expect(configError(listed([{ platform: 'slack', name: 'a', secret: 'S', url: 'https://x' }])).message).toContain('DESTINATIONS.0');
    expect(configError(listed([{ platform: 'telegram', name: 't', secret: 'T' }], { T: TOKEN })).message).toContain('DESTINATIONS.0.chat_id: is required for a telegram destination');
    expect(configError(listed([{ platform: 'slack', name: 'a', secret: 'S', chat_id: '1' }], { S: 'https://x.test' })).message).toContain('DESTINATIONS.0.chat_id: is only for a telegram destination');

    const unset = configError(listed([{ platform: 'slack', name: 'a', secret: 'SLACK_A_URL' }]));
    expect(unset.settings).toEqual(['DESTINATIONS']);
    expect(unset.message).toContain('DESTINATIONS.0.secret: names SLACK_A_URL, which is not set');

    const badUrl = configError(listed([{ platform: 'discord', name: 'd', secret: 'D_URL' }], { D_URL: 'javascript:secret-value-123' }));
    expect(badUrl.message).toContain('DESTINATIONS.0.secret: D_URL must be an absolute http(s) URL');
    expect(badUrl.message).not.toContain('secret-value-123');
    const badToken = configError(listed([{ platform: 'telegram', name: 't', secret: 'T', chat_id: '1' }], { T: 'not-a-token-value' }));
    expect(badToken.message).toContain('DESTINATIONS.0.secret: T must look like');
    expect(badToken.message).not.toContain('not-a-token-value');
  });

  it('refuses two destinations with one name, including a list entry named like a single-URL setting', () => {
    const twice = listed([
      { platform: 'slack', name: 'desk', secret: 'A' },
      { platform: 'discord', name: 'desk', secret: 'B' },
    ], { A: 'https://a.test', B: 'https://b.test' });
    expect(configError(twice).message).toContain('DESTINATIONS.1.name: "desk" is already the name of another destination');
    const clash = listed([{ platform: 'slack', name: 'slack', secret: 'A' }], { A: 'https://a.test', SLACK_WEBHOOK_URL: 'https://legacy.test' });
    expect(configError(clash).message).toContain('DESTINATIONS.0.name');
  });
});

describe('routing alerts by each channel', () => {
  const destinations = destinationsFromEnv(desk);
  const routed = (alert: Alert) => destinations.filter((d: DestinationConfig) => wantsAlert(d, alert) !== null).map(destinationId);
  const killed = (n: number) => [{ kind: 'casualty' as const, category: 'killed' as const, from: null, to: { value: n, qualifier: 'exact' as const }, change: 'new' as const, quote: `${n} killed` }];

  it('Africa goes to the Africa channel, more than 10 killed to the big-toll channel, everything to the unfiltered ones', () => {
    expect(routed({ ...kermanNew, places: ['Nigeria'], changes: killed(4) })).toEqual(['slack', 'slack-africa', 'tg-desk']);
    expect(routed({ ...kermanNew, places: ['Iran'], changes: killed(35) })).toEqual(['slack', 'slack-big', 'tg-desk']);
    expect(routed({ ...kermanNew, places: ['Kenya'], changes: killed(12) })).toEqual(['slack', 'slack-africa', 'slack-big', 'tg-desk']);
    expect(routed({ ...kermanNew, places: ['Iran'], changes: killed(10) })).toEqual(['slack', 'tg-desk']);
  });

  it('through the worker: each channel gets its own outbox row, ledger entry and post, once', async () => {
    const spy = captureOutbound();
    const key = 'routing-lagos';
    // The worker's own queue consumer runs with the test's default settings; keep the rows for ours to deliver.
    await overrideEnv(key, { ...desk, ALERTS: forgetfulQueue });
    const res = await postArticle(article(14, { place: 'Lagos', incident_id: key, extra: 'The blast hit a market in Lagos, Nigeria.' }));
    expect(res.status).toBe(200);
    const messages = await runInDurableObject(tracker(key), (_i, state) =>
      state.storage.sql.exec<{ message: string }>(`SELECT message FROM outbox ORDER BY seq`).toArray().map((r) => AlertMessage.parse(JSON.parse(r.message))),
    );
    expect(messages.map((m) => m.destination)).toEqual(['slack', 'slack-africa', 'slack-big', 'tg-desk']);

    spy.mockClear();
    // The same messages twice: a queue redelivery. Each channel is posted to once; the copies are acked unsent.
    const first = await consume(messages, desk);
    const again = await consume(messages, desk);
    expect(first.retryMessages).toEqual([]);
    expect(again.explicitAcks).toHaveLength(4);
    const urls = captured(spy).map((r) => r.url);
    expect(urls.filter((u) => u.endsWith('/legacy'))).toHaveLength(1);
    expect(urls.filter((u) => u.endsWith('/africa'))).toHaveLength(1);
    expect(urls.filter((u) => u.endsWith('/big'))).toHaveLength(1);
    expect(urls.filter((u) => u.includes('/sendMessage'))).toHaveLength(1);
    const statuses = await ledger(env).statuses(
      messages.map((m) => ({ alert_id: m.alert.alert_id, destination: m.destination })),
    );
    expect(statuses.map((s) => s.state)).toEqual(['delivered', 'delivered', 'delivered', 'delivered']);
  });
});
