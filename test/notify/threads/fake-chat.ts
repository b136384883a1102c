// A stateful stand-in for Slack's Web API, Discord's webhook and bot APIs and Telegram's Bot API, answering the worker's fetch in tests.

export const SLACK_API = 'https://slack.fake/api';
export const SLACK_TOKEN = 'xoxb-1111-2222-threadtest';
export const DISCORD_TEXT_HOOK = 'https://discord.fake/api/webhooks/900/text-token';
export const DISCORD_FORUM_HOOK = 'https://discord.fake/api/webhooks/901/forum-token';
export const DISCORD_BOT_API = 'https://discord.fake/api/v10';
export const DISCORD_BOT_TOKEN = 'MTE4MDAwMDAwMDAwMDAwMDAwMQ.GfakeX.threadtestbottokenabcdefghijkl';
export const DISCORD_CHANNEL = '1180000000000000001';
export const TELEGRAM_API = 'https://telegram.fake';
export const TELEGRAM_TOKEN = '123456:THREADTESTTOKENabcdefghijkl';

/** One message as the fake platform holds it: where it is, what it replies to, and every text it has shown. */
export interface FakeMessage {
  platform: 'slack' | 'discord' | 'telegram';
  id: string;
  /** Slack thread_ts, Discord forum post id, Telegram reply_parameters.message_id. */
  parent: string | null;
  /** The body of each post and edit, oldest first. */
  versions: Array<Record<string, unknown>>;
}

/**
 * A fault for the next request whose method matches: `500-after` stores the message, then answers 500;
 * `timeout-after` stores it and never answers (the worker's timeout fires); `500-before` answers 500 without
 * storing (the platform failed); `400` refuses it for good. One-shot.
 */
export type Fault = { method: 'post' | 'edit'; kind: '500-after' | '500-before' | 'timeout-after' | '400' };

export class FakeChat {
  readonly messages: FakeMessage[] = [];
  readonly requests: Array<{ method: 'post' | 'edit' | 'lookup'; url: string; body: Record<string, unknown> }> = [];
  private faults: Fault[] = [];
  /** false: the Slack app lacks channels:history, so conversations.history/replies answer missing_scope. */
  slackCanRead = true;
  /**
   * How long the Discord bot API remembers a nonce sent with enforce_nonce (Discord says "the past few minutes"
   * and publishes no figure): a second Create Message with it inside this window answers the first message.
   */
  discordNonceWindowMs = 5 * 60_000;
  private readonly discordNonces = new Map<string, { id: string; atMs: number }>();
  private seq = 1000;

  fail(fault: Fault): void {
    this.faults.push(fault);
  }

  /** The messages in one platform, in posting order. */
  of(platform: FakeMessage['platform']): FakeMessage[] {
    return this.messages.filter((m) => m.platform === platform);
  }

  readonly respond = async (url: string, init: RequestInit | undefined): Promise<Response> => {
    const form = new Headers(init?.headers).get('content-type') === 'application/x-www-form-urlencoded';
    const raw = typeof init?.body === 'string' ? init.body : '';
    const body: Record<string, unknown> = form ? Object.fromEntries(new URLSearchParams(raw)) : raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const u = new URL(url);
    if (url.startsWith(SLACK_API)) return this.slack(u, init, body);
    if (url.startsWith(`${DISCORD_BOT_API}/channels/`)) return this.discordBot(u, init, body);
    if (url.startsWith(DISCORD_TEXT_HOOK) || url.startsWith(DISCORD_FORUM_HOOK)) return this.discord(u, init, body, url.startsWith(DISCORD_FORUM_HOOK));
    if (url.startsWith(`${TELEGRAM_API}/bot${TELEGRAM_TOKEN}/`)) return this.telegram(u, body);
    return new Response('no such fake', { status: 404 });
  };

  private async handle(method: 'post' | 'edit', url: URL, body: Record<string, unknown>, apply: () => Response): Promise<Response> {
    this.requests.push({ method, url: url.toString(), body });
    const i = this.faults.findIndex((f) => f.method === method);
    const fault = i >= 0 ? this.faults.splice(i, 1)[0] : undefined;
    if (fault?.kind === '400') return Response.json({ ok: false, error_code: 400, description: 'Bad Request: chat not found' }, { status: 400 });
    if (fault?.kind === '500-before') return new Response('{"message":"upstream failed"}', { status: 500, headers: { 'content-type': 'application/json' } });
    const answer = apply();
    if (fault?.kind === '500-after') return new Response('{"message":"upstream failed"}', { status: 500, headers: { 'content-type': 'application/json' } });
    if (fault?.kind === 'timeout-after') throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    return answer;
  }

  private slack(u: URL, init: RequestInit | undefined, body: Record<string, unknown>): Promise<Response> | Response {
    const auth = new Headers(init?.headers).get('authorization');
    if (auth !== `Bearer ${SLACK_TOKEN}`) return Response.json({ ok: false, error: 'invalid_auth' });
    if (u.pathname.endsWith('/chat.postMessage')) {
      return this.handle('post', u, body, () => {
        const ts = `${Math.floor(Date.now() / 1000)}.${String(this.seq++).padStart(6, '0')}`;
        this.messages.push({ platform: 'slack', id: ts, parent: typeof body.thread_ts === 'string' ? body.thread_ts : null, versions: [body] });
        return Response.json({ ok: true, channel: 'C0THREADS', ts, message: { text: body.text } });
      });
    }
    if (u.pathname.endsWith('/chat.update')) {
      return this.handle('edit', u, body, () => {
        const msg = this.messages.find((m) => m.platform === 'slack' && m.id === body.ts);
        if (!msg || body.channel !== 'C0THREADS') return Response.json({ ok: false, error: 'message_not_found' });
        msg.versions.push(body);
        return Response.json({ ok: true, channel: body.channel, ts: body.ts });
      });
    }
    if (u.pathname.endsWith('/conversations.history') || u.pathname.endsWith('/conversations.replies')) {
      this.requests.push({ method: 'lookup', url: u.toString(), body });
      if (!this.slackCanRead) return Response.json({ ok: false, error: 'missing_scope', needed: 'channels:history' });
      const replies = u.pathname.endsWith('/conversations.replies');
      const oldest = Number(body.oldest ?? 0);
      const listed = this.of('slack')
        .filter((m) => (replies ? m.id === body.ts || m.parent === body.ts : m.parent === null) && Number(m.id) >= oldest)
        .map((m) => ({ ts: m.id, text: m.versions.at(-1)?.text, ...(body.include_all_metadata === 'true' ? { metadata: m.versions[0]?.metadata } : {}) }));
      return Response.json({ ok: true, messages: listed, has_more: false });
    }
    return Response.json({ ok: false, error: 'unknown_method' });
  }

  private discord(u: URL, init: RequestInit | undefined, body: Record<string, unknown>, forum: boolean): Promise<Response> | Response {
    const threadId = u.searchParams.get('thread_id');
    const edit = /\/messages\/[^/]+$/.exec(u.pathname);
    if (init?.method === 'PATCH' && edit) {
      return this.handle('edit', u, body, () => {
        const id = decodeURIComponent(u.pathname.split('/').pop() ?? '');
        const msg = this.messages.find((m) => m.platform === 'discord' && m.id === id && (forum ? m.parent === threadId : true));
        if (!msg) return Response.json({ message: 'Unknown Message', code: 10008 }, { status: 404 });
        msg.versions.push(body);
        return Response.json({ id, channel_id: msg.parent ?? 'text-channel' });
      });
    }
    if (u.searchParams.get('wait') !== 'true') return new Response(null, { status: 204 });
    if (forum && !threadId && typeof body.thread_name !== 'string') {
      return Response.json({ message: 'Webhooks posted to forum channels must have a thread_name or thread_id', code: 220001 }, { status: 400 });
    }
    return this.handle('post', u, body, () => {
      const id = String(this.seq++);
      // A forum post's id is its starter message's id.
      const parent = forum ? (threadId ?? id) : null;
      this.messages.push({ platform: 'discord', id, parent, versions: [body] });
      return Response.json({ id, channel_id: parent ?? 'text-channel', embeds: body.embeds });
    });
  }

  /** Create Message and Edit Message in one text channel, with Discord's nonce de-duplication. */
  private discordBot(u: URL, init: RequestInit | undefined, body: Record<string, unknown>, nowMs = Date.now()): Promise<Response> | Response {
    if (new Headers(init?.headers).get('authorization') !== `Bot ${DISCORD_BOT_TOKEN}`) return Response.json({ message: '401: Unauthorized', code: 0 }, { status: 401 });
    const [, channel, id] = /^\/api\/v10\/channels\/([^/]+)\/messages(?:\/([^/]+))?$/.exec(u.pathname) ?? [];
    if (channel !== DISCORD_CHANNEL) return Response.json({ message: 'Unknown Channel', code: 10003 }, { status: 404 });
    if (init?.method === 'PATCH' && id) {
      return this.handle('edit', u, body, () => {
        const msg = this.messages.find((m) => m.platform === 'discord' && m.id === id);
        if (!msg) return Response.json({ message: 'Unknown Message', code: 10008 }, { status: 404 });
        msg.versions.push(body);
        return Response.json({ id, channel_id: channel });
      });
    }
    return this.handle('post', u, body, () => {
      const nonce = typeof body.nonce === 'string' ? body.nonce : null;
      const seen = nonce !== null && body.enforce_nonce === true ? this.discordNonces.get(nonce) : undefined;
      if (seen && nowMs - seen.atMs <= this.discordNonceWindowMs) return Response.json({ id: seen.id, channel_id: channel, nonce });
      const created = String(this.seq++);
      const reference = body.message_reference as { message_id?: string } | undefined;
      this.messages.push({ platform: 'discord', id: created, parent: reference?.message_id ?? null, versions: [body] });
      if (nonce !== null) this.discordNonces.set(nonce, { id: created, atMs: nowMs });
      return Response.json({ id: created, channel_id: channel, nonce });
    });
  }

  /** Moves the Discord nonce memory into the past, as if `ms` had gone by since each post. */
  ageDiscordNonces(ms: number): void {
    for (const entry of this.discordNonces.values()) entry.atMs -= ms;
  }

  private telegram(u: URL, body: Record<string, unknown>): Promise<Response> | Response {
    const method = u.pathname.split('/').pop();
    if (method === 'sendMessage') {
      return this.handle('post', u, body, () => {
        const id = this.seq++;
        const reply = body.reply_parameters as { message_id?: number } | undefined;
        this.messages.push({ platform: 'telegram', id: String(id), parent: reply?.message_id !== undefined ? String(reply.message_id) : null, versions: [body] });
        return Response.json({ ok: true, result: { message_id: id, chat: { id: body.chat_id }, text: body.text } });
      });
    }
    if (method === 'editMessageText') {
      return this.handle('edit', u, body, () => {
        const msg = this.messages.find((m) => m.platform === 'telegram' && m.id === String(body.message_id));
        if (!msg) return Response.json({ ok: false, error_code: 400, description: 'Bad Request: message to edit not found' }, { status: 400 });
        if (msg.versions.at(-1)?.text === body.text) {
          return Response.json({ ok: false, error_code: 400, description: 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same' }, { status: 400 });
        }
        msg.versions.push(body);
        return Response.json({ ok: true, result: { message_id: body.message_id, text: body.text } });
      });
    }
    return Response.json({ ok: false, error_code: 404, description: 'Not Found' }, { status: 404 });
  }
}
