// Threaded delivery's pure parts: the requests per platform, reading the posted message's id, and the current figures.
import { describe, expect, it } from 'vitest';
import { headline } from '../../../src/notify/text';
import { currentFiguresAlert, editFirstRequest, firstMessageRequest, mergeFigures, postedMessageRef, replyRequest, SLACK_METADATA_EVENT, slackLookupRequest, slackPostedTs, threadName, type ApiDestination } from '../../../src/notify/threads';
import type { Change } from '../../../src/schema';
import { kermanNew, kermanUpdate } from '../fixtures';

const slack: ApiDestination = { name: 'slack', url: 'https://slack.fake/api/chat.postMessage', token: 'xoxb-1-2-abcdefghij', channel: 'C0DESK', api_base: 'https://slack.fake/api', threads: true };
const discordText: ApiDestination = { name: 'discord', url: 'https://discord.fake/api/webhooks/9/tok', threads: true };
const discordForum: ApiDestination = { ...discordText, forum: true };
const telegram: ApiDestination = { name: 'telegram', token: '1:ABCDEFGHIJKLMNOPQRSTUVWXYZ', chat_id: '-10042', api_base: 'https://telegram.fake', threads: true };

const body = (req: { init: { body: string } } | null) => JSON.parse(req?.init.body ?? 'null') as Record<string, unknown>;

describe('the first message', () => {
  it('Slack: chat.postMessage to the channel with the bot token, without link unfurls', () => {
    const req = firstMessageRequest(slack, kermanNew);
    expect(req.url).toBe('https://slack.fake/api/chat.postMessage');
    expect(req.init.headers.authorization).toBe('Bearer xoxb-1-2-abcdefghij');
    expect(body(req)).toMatchObject({ channel: 'C0DESK', text: 'New incident: Kerman stampede (Iran) \u2014 killed 35, injured 48', unfurl_links: false, unfurl_media: false });
    expect(body(req).thread_ts).toBeUndefined();
  });

  it('Discord: wait=true so the answer carries the message; in a forum, thread_name opens a post named after the incident', () => {
    expect(firstMessageRequest(discordText, kermanNew).url).toBe('https://discord.fake/api/webhooks/9/tok?wait=true');
    expect(body(firstMessageRequest(discordText, kermanNew)).thread_name).toBeUndefined();
    expect(body(firstMessageRequest(discordForum, kermanNew)).thread_name).toBe('Kerman stampede (Iran)');
  });

  it('Telegram: sendMessage, replying to nothing', () => {
    const req = firstMessageRequest(telegram, kermanNew);
    expect(req.url).toBe('https://telegram.fake/bot1:ABCDEFGHIJKLMNOPQRSTUVWXYZ/sendMessage');
    expect(body(req).reply_parameters).toBeUndefined();
  });

  it('a forum post name stays within Discord\u2019s 100 characters', () => {
    const name = threadName({ ...kermanNew, incident_title: 'Stampede '.repeat(30) });
    expect(name).toHaveLength(100);
    expect(name.endsWith('\u2026')).toBe(true);
  });
});

describe('a reply', () => {
  it('Slack: thread_ts is the first message\u2019s ts, in the channel Slack answered', () => {
    const req = replyRequest(slack, { platform: 'slack', channel: 'C0ANSWERED', ts: '1700000000.000100' }, kermanUpdate);
    expect(body(req)).toMatchObject({ channel: 'C0ANSWERED', thread_ts: '1700000000.000100', text: 'Kerman stampede (Iran) \u2014 killed 35 \u2192 56 (+21)' });
  });

  it('Discord forum: thread_id names the post; a text channel gets a plain post', () => {
    expect(replyRequest(discordForum, { platform: 'discord', id: '555', thread_id: '555' }, kermanUpdate).url).toBe('https://discord.fake/api/webhooks/9/tok?wait=true&thread_id=555');
    expect(replyRequest(discordText, { platform: 'discord', id: '555' }, kermanUpdate).url).toBe('https://discord.fake/api/webhooks/9/tok?wait=true');
  });

  it('Telegram: reply_parameters names the first message, and a deleted one does not block the reply', () => {
    expect(body(replyRequest(telegram, { platform: 'telegram', message_id: 77 }, kermanUpdate)).reply_parameters).toEqual({ message_id: 77, allow_sending_without_reply: true });
  });
});

describe('the edited first message', () => {
  const current = currentFiguresAlert(kermanUpdate, mergeFigures(mergeFigures({}, kermanNew.changes, kermanNew.created_ms), kermanUpdate.changes, kermanUpdate.created_ms));

  it('shows every figure the thread has told, as current values', () => {
    expect(headline(current)).toBe('Kerman stampede (Iran) \u2014 killed 56, injured 48');
  });

  it('Slack: chat.update of the first message\u2019s ts', () => {
    const req = editFirstRequest(slack, { platform: 'slack', channel: 'C0ANSWERED', ts: '1.2' }, current);
    expect(req?.url).toBe('https://slack.fake/api/chat.update');
    expect(body(req)).toMatchObject({ channel: 'C0ANSWERED', ts: '1.2', text: 'Kerman stampede (Iran) \u2014 killed 56, injured 48' });
  });

  it('Discord: PATCH of the webhook\u2019s message, in its forum post when there is one; mentions stay off', () => {
    const req = editFirstRequest(discordForum, { platform: 'discord', id: '555', thread_id: '555' }, current);
    expect(req?.init.method).toBe('PATCH');
    expect(req?.url).toBe('https://discord.fake/api/webhooks/9/tok/messages/555?thread_id=555');
    expect(body(req)).toMatchObject({ allowed_mentions: { parse: [] } });
    expect(editFirstRequest(discordText, { platform: 'discord', id: '555' }, current)?.url).toBe('https://discord.fake/api/webhooks/9/tok/messages/555');
  });

  it('Telegram: editMessageText of the first message, HTML as sent', () => {
    expect(body(editFirstRequest(telegram, { platform: 'telegram', message_id: 77 }, current))).toMatchObject({ chat_id: '-10042', message_id: 77, parse_mode: 'HTML' });
  });

  it('a stored id from another platform (the destination was reconfigured) gives no edit', () => {
    expect(editFirstRequest(telegram, { platform: 'slack', channel: 'C1', ts: '1.2' }, current)).toBeNull();
  });
});

describe('the thread\u2019s figures', () => {
  const killed = (value: number): Change => ({ kind: 'casualty', category: 'killed', from: null, to: { value, qualifier: 'exact' }, change: 'new', quote: `${value} killed` });
  const threat = (noun: string, value: number): Change => ({ kind: 'threat', category: 'weapon', noun, from: null, to: { value, qualifier: 'exact' }, change: 'new', quote: `${value} ${noun}` });

  it('a later alert moves a figure; an older one delivered late does not roll it back', () => {
    const later = mergeFigures({}, [killed(56)], 2_000);
    expect(mergeFigures(later, [killed(35)], 1_000)['casualty:killed']?.change.to.value).toBe(56);
    expect(mergeFigures(later, [killed(60)], 3_000)['casualty:killed']?.change.to.value).toBe(60);
  });

  it('threats are one figure per noun', () => {
    expect(Object.keys(mergeFigures({}, [threat('missiles', 3), threat('drones', 12)], 1))).toEqual(['threat:weapon:missiles', 'threat:weapon:drones']);
  });
});

describe('reading the posted message from the answer', () => {
  it('Slack: channel and ts', () => {
    expect(postedMessageRef(slack, '{"ok":true,"channel":"C9","ts":"1.5"}', true)).toEqual({ platform: 'slack', channel: 'C9', ts: '1.5' });
  });
  it('Discord: the id; a forum post\u2019s first message gives the post (its channel_id), replies keep it', () => {
    expect(postedMessageRef(discordText, '{"id":"7","channel_id":"1"}', true)).toEqual({ platform: 'discord', id: '7' });
    expect(postedMessageRef(discordForum, '{"id":"7","channel_id":"7"}', true)).toEqual({ platform: 'discord', id: '7', thread_id: '7' });
    expect(postedMessageRef(discordForum, '{"id":"8","channel_id":"7"}', false, { platform: 'discord', id: '7', thread_id: '7' })).toEqual({ platform: 'discord', id: '8', thread_id: '7' });
  });
  it('Telegram: result.message_id', () => {
    expect(postedMessageRef(telegram, '{"ok":true,"result":{"message_id":12}}', true)).toEqual({ platform: 'telegram', message_id: 12 });
  });
  it('an answer without an id, or not JSON, gives none', () => {
    expect(postedMessageRef(slack, '{"ok":true}', true)).toBeNull();
    expect(postedMessageRef(telegram, 'ok', true)).toBeNull();
  });
});

describe('reading Slack back for a post whose answer was lost', () => {
  it('every Slack post names its alert in message metadata', () => {
    expect(body(firstMessageRequest(slack, kermanNew)).metadata).toEqual({ event_type: SLACK_METADATA_EVENT, event_payload: { alert_id: 'alt_kerman_1' } });
    expect(body(replyRequest(slack, { platform: 'slack', channel: 'C9', ts: '1.2' }, kermanUpdate)).metadata).toEqual({ event_type: SLACK_METADATA_EVENT, event_payload: { alert_id: 'alt_kerman_2' } });
  });

  it('a first message is looked for in the channel, a reply in its thread, from a minute before the first try, with metadata', () => {
    const channel = slackLookupRequest(slack, null, 1_700_000_060_000);
    expect(channel.url).toBe('https://slack.fake/api/conversations.history');
    expect(Object.fromEntries(new URLSearchParams(channel.init.body))).toEqual({ channel: 'C0DESK', oldest: '1700000000.000000', include_all_metadata: 'true', limit: '200' });
    const thread = slackLookupRequest(slack, { platform: 'slack', channel: 'C9', ts: '1.2' }, 1_700_000_060_000);
    expect(thread.url).toBe('https://slack.fake/api/conversations.replies');
    expect(new URLSearchParams(thread.init.body).get('ts')).toBe('1.2');
    expect(thread.init.headers.authorization).toBe('Bearer xoxb-1-2-abcdefghij');
  });

  it('finds the ts of the message carrying the alert id; null when none does; undefined when the answer is no listing', () => {
    const listing = (alertId: string) => JSON.stringify({ ok: true, messages: [{ ts: '5.1' }, { ts: '5.2', metadata: { event_type: SLACK_METADATA_EVENT, event_payload: { alert_id: alertId } } }] });
    expect(slackPostedTs(listing('a1'), 'a1')).toBe('5.2');
    expect(slackPostedTs(listing('a2'), 'a1')).toBeNull();
    expect(slackPostedTs('{"ok":false,"error":"missing_scope"}', 'a1')).toBeUndefined();
    expect(slackPostedTs('<html>', 'a1')).toBeUndefined();
  });
});
