// The daily digest: which incidents it lists, their net changes, per-destination filters, and once-a-day delivery.
import { afterEach, describe, expect, it, vi } from 'vitest';
import worker from '../../src/index';
import { lastDue, sendDigests } from '../../src/digest-job';
import { captureOutbound, captured } from '../helpers';
import type { Env } from '../../src/env';
import { buildDigestRequest, destinationsFromEnv, digestFor, digestOf, digestText } from '../../src/notify';
import { writeReadModel } from '../../src/durable/read-model-kv';
import type { IncidentSummary, Timeline } from '../../src/track/read-model';
import type { Change } from '../../src/schema';
import { configError } from './fixtures';
import { env } from '../security/state';

const HOUR = 60 * 60 * 1000;
/** 07:00 UTC on a fixed day: the digest hour most tests use. */
const DUE = Date.UTC(2026, 5, 10, 7);

const killed = (from: number | null, to: number): Change => ({
  kind: 'casualty',
  category: 'killed',
  from: from === null ? null : { value: from, qualifier: 'exact' },
  to: { value: to, qualifier: 'exact' },
  change: from === null ? 'new' : to > from ? 'up' : 'down',
  quote: `${to} people were killed`,
});

function incident(key: string, opts: { title: string; places: string[]; killed: number; reports: { at: number; changes: Change[] }[]; muted?: boolean }): { summary: IncidentSummary; timeline: Timeline } {
  const figure = { value: opts.killed, qualifier: 'exact' as const, quote: 'q', published_ms: DUE - HOUR, article_id: `${key}-a`, outlet: 'Example Wire', outlets: ['Example Wire'] };
  const summary: IncidentSummary = {
    v: 1,
    key,
    title: opts.title,
    type: 'blast',
    places: opts.places,
    figures: { killed: figure },
    threats: {},
    report_count: opts.reports.length,
    last_published_ms: DUE - HOUR,
    last_received_ms: Math.max(...opts.reports.map((r) => r.at)),
    last_change_ms: Math.max(...opts.reports.map((r) => r.at)),
    muted: opts.muted ?? false,
    closed: false,
    version: opts.reports.length,
  };
  const timeline: Timeline = {
    v: 1,
    key,
    entries: opts.reports.map((r, i) => ({
      kind: 'report' as const,
      article_id: `${key}-${i}`,
      outlet: 'Example Wire',
      published_ms: r.at,
      received_ms: r.at,
      casualties: {},
      threats: [],
      changes: r.changes,
      alert: null,
      alert_id: null,
    })),
  };
  return { summary, timeline };
}

const quarry = incident('2026-06-09-quarry-blast', {
  title: 'Quarrytown blast',
  places: ['Nigeria'],
  killed: 9,
  reports: [
    { at: DUE - 20 * HOUR, changes: [killed(null, 3)] },
    { at: DUE - 5 * HOUR, changes: [killed(3, 9)] },
  ],
});
const harbour = incident('2026-06-08-harbour-fire', {
  title: 'Harbour fire',
  places: ['Iran'],
  killed: 25,
  reports: [
    { at: DUE - 30 * HOUR, changes: [killed(null, 12)] },
    { at: DUE - 2 * HOUR, changes: [killed(12, 25)] },
  ],
});
const stale = incident('2026-06-01-old-storm', { title: 'Old storm', places: ['Chile'], killed: 4, reports: [{ at: DUE - 40 * HOUR, changes: [killed(null, 4)] }] });
const quiet = incident('2026-06-09-muted', { title: 'Muted one', places: ['Chile'], killed: 2, reports: [{ at: DUE - HOUR, changes: [killed(null, 2)] }], muted: true });

describe('what a digest lists', () => {
  it('incidents changed in the last 24 hours, newest change first, each figure folded into one net change', () => {
    const digest = digestOf([quarry, harbour, stale, quiet], DUE);
    expect(digest.incidents.map((i) => i.key)).toEqual([harbour.summary.key, quarry.summary.key]);
    expect(digest.incidents[1]?.changes.map((c) => [c.from?.value ?? null, c.to.value])).toEqual([[null, 9]]);
    // The harbour fire opened before the window: its change in the window is 12 → 25, not "new".
    expect(digest.incidents[0]?.changes.map((c) => [c.from?.value ?? null, c.to.value])).toEqual([[12, 25]]);
    expect(digestText(digest, 3_000).split('\n')).toEqual([
      'Daily digest to 2026-06-10 07:00 UTC: 2 incidents changed in the last 24 hours',
      'Harbour fire (Iran) — now killed 25; in 24 h: killed 12 → 25 (+13)',
      'Quarrytown blast (Nigeria) — now killed 9; in 24 h: killed 9',
    ]);
  });

  it('nothing when nothing changed in the window', () => {
    expect(digestOf([stale, quiet], DUE).incidents).toEqual([]);
    expect(digestOf([quarry], DUE + 48 * HOUR).incidents).toEqual([]);
  });

  it("each destination's filter keeps its own share", () => {
    const [africa, big] = destinationsFromEnv({
      A: 'https://a.test/x',
      B: 'https://b.test/x',
      DESTINATIONS: JSON.stringify([
        { platform: 'slack', name: 'africa', secret: 'A', filter: { countries: ['Nigeria'] } },
        { platform: 'slack', name: 'big', secret: 'B', filter: { min_toll: 11 } },
      ]),
    });
    const digest = digestOf([quarry, harbour], DUE);
    expect(digestFor(africa!, digest).incidents.map((i) => i.title)).toEqual(['Quarrytown blast']);
    expect(digestFor(big!, digest).incidents.map((i) => i.title)).toEqual(['Harbour fire']);
  });

  it('fits each platform: a long digest ends with "…and N more"', async () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      incident(`2026-06-09-town-${i}`, { title: `Explosion in a very long-named town number ${i}`, places: ['Ghana'], killed: i + 1, reports: [{ at: DUE - HOUR, changes: [killed(null, i + 1)] }] }),
    );
    const [discord] = destinationsFromEnv({ DISCORD_WEBHOOK_URL: 'https://discord.test/api/webhooks/1/x' });
    const req = await buildDigestRequest(discord!, digestOf(many, DUE), 'digest:2026-06-10', DUE);
    const content = (JSON.parse(req.init.body) as { content: string }).content;
    expect(content.length).toBeLessThanOrEqual(2_000);
    expect(content).toMatch(/…and \d+ more$/);
  });

  it('DIGEST_HOURS names configured destinations and hours 0–23, or the error says which', () => {
    expect(configError({ SLACK_WEBHOOK_URL: 'https://s.test/x', DIGEST_HOURS: '{"slak":7}' }).message).toContain('DIGEST_HOURS.slak: "slak" is not a configured destination');
    expect(configError({ SLACK_WEBHOOK_URL: 'https://s.test/x', DIGEST_HOURS: '{"slack":24}' }).message).toContain('DIGEST_HOURS.slack');
    expect(configError({ SLACK_WEBHOOK_URL: 'https://s.test/x', DIGEST_HOURS: '{slack:7}' }).message).toContain('DIGEST_HOURS: must be valid JSON');
  });

  it('is due at the most recent occurrence of its hour', () => {
    expect(lastDue(DUE + 5 * 60_000, 7)).toBe(DUE);
    expect(lastDue(DUE - 60_000, 7)).toBe(DUE - 24 * HOUR);
  });
});

describe('sending the digest', () => {
  /** A chat service in miniature: answers `status` and keeps what it was sent. */
  function service(status = 200) {
    const sent: { url: string; body: string }[] = [];
    let answer = status;
    return {
      sent,
      answer: (s: number) => (answer = s),
      fetcher: async (url: string, init?: RequestInit) => {
        sent.push({ url, body: String(init?.body ?? '') });
        return new Response(answer === 200 ? 'ok' : 'down', { status: answer });
      },
    };
  }

  it('sends once at the hour, retries a failure the next hour, and never twice', async () => {
    for (const i of [quarry, harbour, stale]) await writeReadModel(env.READ_MODEL, i.summary, i.timeline);
    const e = { ...env, SLACK_WEBHOOK_URL: 'https://hooks.slack.test/digest', DIGEST_HOURS: '{"slack":7}' } as Env;
    const chat = service(503);

    expect((await sendDigests(e, DUE - 2 * HOUR, chat.fetcher)).map((o) => o.outcome)).toEqual(['not_due']); // yesterday's, never tried
    expect((await sendDigests(e, DUE + 60_000, chat.fetcher)).map((o) => o.outcome)).toEqual(['retry']);
    chat.answer(200);
    expect((await sendDigests(e, DUE + HOUR + 60_000, chat.fetcher)).map((o) => o.outcome)).toEqual(['delivered']);
    expect((await sendDigests(e, DUE + 2 * HOUR + 60_000, chat.fetcher)).map((o) => o.outcome)).toEqual(['already_sent']);
    expect((await sendDigests(e, DUE + 5 * 60_000, chat.fetcher)).map((o) => o.outcome)).toEqual(['already_sent']);

    expect(chat.sent).toHaveLength(2); // the failed try and the delivered one
    const text = (JSON.parse(chat.sent[1]!.body) as { text: string }).text;
    expect(text).toContain('2 incidents changed');
    expect(text).toContain('Harbour fire (Iran)');
    expect(text).not.toContain('Old storm');
  });

  it('a Slack bot\u2019s HTTP 200 with ok:false is a failed digest, retried the next hour', async () => {
    for (const i of [quarry, harbour]) await writeReadModel(env.READ_MODEL, i.summary, i.timeline);
    const e = {
      ...env,
      DESTINATIONS: JSON.stringify([{ platform: 'slack', name: 'desk', secret: 'SLACK_BOT_TOKEN_DESK', channel: 'C0123' }]),
      SLACK_BOT_TOKEN_DESK: 'xoxb-1234-5678-abcdefghijkl',
      DIGEST_HOURS: '{"desk":7}',
    } as Env;
    const sent: string[] = [];
    const fetcher = async (url: string) => (sent.push(url), Response.json({ ok: false, error: 'not_in_channel' }));
    const [o] = (await sendDigests(e, DUE + 60_000, fetcher)).filter((x) => x.destination === 'desk');
    expect(o).toMatchObject({ outcome: 'retry', reason: 'Slack chat.postMessage: not_in_channel' });
    expect(sent).toEqual(['https://slack.com/api/chat.postMessage']);
  });

  it('sends nothing on a day when nothing changed', async () => {
    const e = { ...env, TEAMS_WEBHOOK_URL: 'https://teams.test/digest', DIGEST_HOURS: '{"teams":7}' } as Env;
    const chat = service();
    const [o] = await sendDigests(e, DUE + 10 * 24 * HOUR + 60_000, chat.fetcher);
    expect(o?.outcome).toBe('nothing_changed');
    expect(chat.sent).toEqual([]);
  });
});

/** The digest's cron as wrangler.jsonc declares it (test/e2e/feeds-crons.test.ts reads it there). */
const WRANGLER_DIGEST_CRON = '0 * * * *';

describe('the Cron Trigger runs the digest', () => {
  afterEach(() => vi.restoreAllMocks());

  it('the hourly cron (0 * * * *) sends the digest due this hour through the worker; the feed cron does not', async () => {
    // Not in the last seconds of an hour: the job and this test must agree on which hour it is.
    if (Date.now() % HOUR > HOUR - 5_000) await new Promise((r) => setTimeout(r, 6_000));
    const hourStart = Date.now() - (Date.now() % HOUR);
    const recent = incident('2026-12-cron-digest', { title: 'Cron test blast', places: ['Kenya'], killed: 6, reports: [{ at: hourStart - 2 * HOUR, changes: [killed(null, 6)] }] });
    await writeReadModel(env.READ_MODEL, recent.summary, recent.timeline);
    const e = { ...env, SLACK_WEBHOOK_URL: 'https://hooks.slack.test/cron', DIGEST_HOURS: JSON.stringify({ slack: new Date(hourStart).getUTCHours() }) } as Env;
    const spy = captureOutbound();
    const run = (cron: string) => worker.scheduled({ cron, scheduledTime: Date.now() }, e);

    await run('*/10 * * * *');
    expect(captured(spy).filter((r) => r.url === 'https://hooks.slack.test/cron')).toEqual([]);
    await run(WRANGLER_DIGEST_CRON);
    const sent = captured(spy).filter((r) => r.url === 'https://hooks.slack.test/cron');
    expect(sent).toHaveLength(1);
    expect((JSON.parse(sent[0]!.body) as { text: string }).text).toContain('Cron test blast (Kenya)');
    await run(WRANGLER_DIGEST_CRON);
    expect(captured(spy).filter((r) => r.url === 'https://hooks.slack.test/cron')).toHaveLength(1);
  });
});
