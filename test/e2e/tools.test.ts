/** The Node-side dev tools on their own (no worker): article loading/sorting, the chat sink, send errors. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { webhookHeaders } from '../../src/lib/standard-webhooks';
import { DEV_ALERT_WEBHOOK_SECRET, startChatSink, type ChatSink } from '../../scripts/chat-sink';
import { alertText } from '../../scripts/lib/alert-text';
import { contentId, loadArticles, parseArticleFile, sortByPublished } from '../../scripts/lib/articles';
import { formatResult, sendOne } from '../../scripts/lib/send';

describe('articles', () => {
  it('sorts by published, keeps ties in the given order, puts missing/unparsable last', () => {
    const items = [
      { n: 'no-date', publishedMs: null },
      { n: 'b', publishedMs: 2 },
      { n: 'a1', publishedMs: 1 },
      { n: 'bad', publishedMs: null },
      { n: 'a2', publishedMs: 1 },
    ];
    expect(sortByPublished(items).map((i) => i.n)).toEqual(['a1', 'a2', 'b', 'no-date', 'bad']);
  });

  it('loads a directory in published order with stable webhook ids', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tw-articles-'));
    await writeFile(path.join(dir, 'a.json'), JSON.stringify({ text: 'later', published: '2020-01-08T00:00:00Z' }));
    await writeFile(path.join(dir, 'b.json'), JSON.stringify({ id: 'given-id', text: 'earlier', published: '2020-01-07' }));
    await writeFile(path.join(dir, 'c.json'), JSON.stringify({ text: 'undated' }));
    await writeFile(path.join(dir, 'notes.txt'), 'ignored');
    const loaded = await loadArticles([dir]);
    expect(loaded.map((a) => a.label)).toEqual(['b.json', 'a.json', 'c.json']);
    expect(loaded[0]!.webhookId).toBe('given-id');
    expect(loaded[1]!.webhookId).toBe(contentId(loaded[1]!.body));
    expect(loaded[1]!.webhookId).toMatch(/^art_[0-9a-f]{32}$/);
    expect((await loadArticles([path.join(dir, 'a.json')]))[0]!.webhookId).toBe(loaded[1]!.webhookId);
  });

  it('reads arrays and reports invalid JSON', () => {
    const many = parseArticleFile('x.json', JSON.stringify([{ text: 'one' }, { text: 'two' }]));
    expect(many.map((a) => a.label)).toEqual(['x.json[0]', 'x.json[1]']);
    expect(parseArticleFile('y.json', '{nope')[0]!.loadError).toMatch(/^invalid JSON/);
  });
});

describe('send', () => {
  it('says when nothing is listening', async () => {
    const [article] = parseArticleFile('a.json', JSON.stringify({ text: 'x' }));
    const sink = await startChatSink({ port: 0, quiet: true });
    const url = sink.url;
    await sink.close();
    const r = await sendOne(article!, { url });
    expect(r.ok).toBe(false);
    expect(formatResult(r)).toBe(`a.json ✗ network: cannot reach ${url} (connection refused) — is \`npm run dev\` running?`);
  });
});

describe('chat sink', () => {
  let sink: ChatSink | undefined;
  afterEach(async () => {
    await sink?.close();
    sink = undefined;
  });
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${sink!.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('answers like each service and logs readable text', async () => {
    sink = await startChatSink({ port: 0, quiet: true });
    const slack = await post('/slack', { text: 'fallback', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*Kerman* <https://e.org|source>' } }] });
    expect([slack.status, await slack.text()]).toEqual([200, 'ok']);
    expect((await post('/discord', { embeds: [{ title: 'T', description: 'D' }] })).status).toBe(204);
    const tg = await post('/telegram/botdev-bot-token/sendMessage', { chat_id: '-100123', text: '<b>Kerman</b> &amp; Iran', parse_mode: 'HTML' });
    const tgJson = (await tg.json()) as { ok: boolean; result: { chat: { id: number }; text: string } };
    expect([tg.status, tgJson.ok, tgJson.result.chat.id, tgJson.result.text]).toEqual([200, true, -100123, 'Kerman & Iran']);
    const card = { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'A' }, { type: 'Container', items: [{ type: 'TextBlock', text: 'B' }] }] };
    expect((await post('/teams', { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] })).status).toBe(202);
    const body = JSON.stringify({ type: 'tollwatch.alert', timestamp: '2020-01-07T00:01:00Z', data: { text: 'hook' } });
    const signed = await webhookHeaders(DEV_ALERT_WEBHOOK_SECRET, 'msg_1', body);
    expect((await post('/webhook', body, signed)).status).toBe(200);
    expect((await post('/webhook', body, { ...signed, 'webhook-id': 'other' })).status).toBe(200);
    expect((await post('/nowhere', {})).status).toBe(404);

    expect(sink.received.map((r) => [r.destination, r.text])).toEqual([
      ['slack', '*Kerman* source (https://e.org)'],
      ['discord', 'T\nD'],
      ['telegram', 'Kerman & Iran'],
      ['teams', 'A\nB'],
      ['webhook', 'hook'],
      ['webhook', 'hook'],
    ]);
    expect(sink.byDestination('webhook').map((r) => r.signature)).toEqual(['valid', 'invalid']);
  });

  it('fails on demand (count, destination, Retry-After) and then recovers', async () => {
    sink = await startChatSink({ port: 0, quiet: true });
    sink.fail({ status: 429, retryAfter: 7, count: 2, destination: 'discord' });
    const first = await post('/discord', { content: 'x' });
    expect([first.status, first.headers.get('retry-after'), ((await first.json()) as { retry_after: number }).retry_after]).toEqual([429, '7', 7]);
    expect((await post('/slack', { text: 'unaffected' })).status).toBe(200);
    expect((await post('/discord', { content: 'x' })).status).toBe(429);
    expect((await post('/discord', { content: 'x' })).status).toBe(204);
    sink.fail({ status: 500, forMs: 60_000 });
    expect((await post('/teams', {})).status).toBe(500);
    expect((await post('/teams', {})).status).toBe(500);
    sink.clearFailures();
    expect((await post('/teams', {})).status).toBe(202);
    expect(sink.requests.map((r) => r.status)).toEqual([429, 200, 429, 204, 500, 500, 202]);
    expect(sink.received.map((r) => r.destination)).toEqual(['slack', 'discord', 'teams']);
    await expect(sink.waitFor(3)).resolves.toHaveLength(3);
    await expect(sink.waitFor(4, { timeoutMs: 50 })).rejects.toThrow(/waited 50 ms/);
  });

  it('turns each destination payload back into text', () => {
    expect(alertText('slack', { text: 'only <https://a.b|link>' })).toBe('only link (https://a.b)');
    expect(alertText('slack', { text: 'x', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'head\n>quote &amp; more' } }] })).toBe('head\n│ quote & more');
    expect(alertText('discord', { content: 'c', embeds: [{ title: 't', fields: [{ name: 'killed', value: '59' }] }] })).toBe('c\nt\nkilled: 59');
    expect(alertText('telegram', { text: 'a<br>b &lt;3' })).toBe('a\nb <3');
    expect(alertText('teams', { type: 'message', attachments: [{ content: { body: [{ type: 'FactSet', facts: [{ title: 'killed', value: '59' }] }] } }] })).toBe('killed: 59');
  });
});
