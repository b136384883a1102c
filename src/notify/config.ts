/**
 * Destinations come only from Worker settings (secrets or vars), never from article payloads, so an
 * article can't redirect an alert. Malformed settings fail loudly at start-up rather than at first alert.
 */
import * as z from 'zod';
import { lazy } from '../lib/lazy';
import { CATEGORIES, DESTINATIONS, DestinationId, type DestinationName } from '../schema';
import { secretBytes } from '../lib/standard-webhooks';

export const DEFAULT_TELEGRAM_API_BASE = 'https://api.telegram.org';
export const DEFAULT_SLACK_API_BASE = 'https://slack.com/api';
export const DEFAULT_DISCORD_API_BASE = 'https://discord.com/api/v10';

const HttpUrl = lazy(() => z.url({ protocol: /^https?$/, hostname: z.regexes.hostname, error: 'must be an absolute http(s) URL' }).max(2_048));

const NonEmpty = lazy(() => z.string().trim().min(1));

export const DestinationFilter = lazy(() =>
  z.strictObject({
    /** incident_type must be one of these (case-insensitive); an untyped incident never matches. */
    types: z.array(NonEmpty).min(1).optional(),
    /** one of alert.places must equal one of these (case-insensitive). */
    countries: z.array(NonEmpty).min(1).optional(),
    /** keep only changes in these categories; "threats" keeps every threat change. */
    categories: z.array(z.enum([...CATEGORIES, 'threats'])).min(1).optional(),
    /** the largest casualty figure (after `categories` narrowing) must be at least this. */
    min_toll: z.number().int().nonnegative().optional(),
  }),
);
export type DestinationFilter = z.infer<typeof DestinationFilter>;

const TelegramToken = lazy(() => z.string().regex(/^\d{1,20}:[A-Za-z0-9_-]{20,}$/, 'must look like 123456:ABC… (the token from @BotFather)'));
const TelegramChatId = lazy(() => z.string().regex(/^(-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{3,31})$/, 'must be a numeric chat id or @channelusername'));
const SlackBotToken = lazy(() => z.string().regex(/^xox[bp]-[A-Za-z0-9-]{10,}$/, 'must be a Slack bot token, xoxb-… (OAuth & Permissions → Bot User OAuth Token)'));
const SlackChannel = lazy(() => z.string().regex(/^[CGD][A-Z0-9]{2,}$/, 'must be a Slack channel id such as C0123ABCD (channel details → About), not its name'));
const DiscordBotToken = lazy(() => z.string().regex(/^[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}$/, 'must be a Discord bot token (Developer Portal → Bot → Reset Token), not a webhook URL'));
const DiscordChannel = lazy(() => z.string().regex(/^\d{17,20}$/, 'must be a Discord channel id such as 1180000000000000000 (Developer Mode → right-click the channel → Copy Channel ID)'));
const WebhookSecret = lazy(() => z.string().refine((s) => (secretBytes(s)?.length ?? 0) > 0, 'must be a Standard Webhooks secret, whsec_<base64>'));

const filter = lazy(() => DestinationFilter.optional());
/** The destination's own name (from DESTINATIONS); absent for a single-URL setting, which is known by its platform. */
const id = lazy(() => DestinationId.optional());

/** `name` is the platform (it picks the payload builder); `id`, when set, tells two channels of one platform apart. */
export const DestinationConfig = lazy(() =>
  z.discriminatedUnion('name', [
    /**
     * With `token` (a bot token) and `channel`, alerts go through Slack's Web API (`url` is then its
     * chat.postMessage); without, `url` is an incoming webhook, which cannot thread.
     */
    z.object({ name: z.literal('slack'), id, url: HttpUrl, token: SlackBotToken.optional(), channel: SlackChannel.optional(), api_base: HttpUrl.optional(), threads: z.boolean().optional(), filter }),
    /**
     * `forum`: the webhook posts to a forum channel, where an incident's first alert opens a post. With `token` (a
     * bot token) and `channel`, alerts go through Create Message (`url`), whose nonce makes a retried post safe.
     */
    z.object({
      name: z.literal('discord'),
      id,
      url: HttpUrl,
      token: DiscordBotToken.optional(),
      channel: DiscordChannel.optional(),
      api_base: HttpUrl.optional(),
      threads: z.boolean().optional(),
      forum: z.boolean().optional(),
      filter,
    }),
    z.object({ name: z.literal('telegram'), id, token: TelegramToken, chat_id: TelegramChatId, api_base: HttpUrl, threads: z.boolean().optional(), filter }),
    z.object({ name: z.literal('teams'), id, url: HttpUrl, filter }),
    z.object({ name: z.literal('webhook'), id, url: HttpUrl, secret: WebhookSecret.optional(), filter }),
  ]),
);
export type DestinationConfig = z.infer<typeof DestinationConfig>;

/** What the delivery ledger and the outbox key a destination by: one row per (alert, destination id). */
export function destinationId(dest: DestinationConfig): string {
  return dest.id ?? dest.name;
}

/** A Worker setting's name, as DESTINATIONS refers to the secret or var holding a URL or token. */
const SettingName = lazy(() => z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/, 'must be the name of a secret or var, e.g. SLACK_AFRICA_URL'));

/**
 * One DESTINATIONS entry. The URL or token is never written here: `secret` names the setting holding it, so
 * the list itself can be a plain var in wrangler.jsonc while the credentials stay secrets.
 */
export const DestinationEntry = lazy(() =>
  z
    .strictObject({
      platform: z.enum(DESTINATIONS),
      name: DestinationId,
      /** The setting holding the webhook URL (slack, discord, teams, webhook) or the bot token (telegram; slack or discord with `channel`). */
      secret: SettingName,
      /** telegram only: the chat to post to. */
      chat_id: TelegramChatId.optional(),
      /** slack or discord: the channel id a bot token posts to; with it, `secret` names a bot token instead of a webhook URL. */
      channel: z.string().max(40).optional(),
      /** One thread per incident (slack with `channel`, discord, telegram): the first alert opens it, later ones reply. */
      threads: z.boolean().optional(),
      /** discord with threads only: the webhook's channel is a forum, where each incident becomes a post. */
      forum: z.boolean().optional(),
      /** telegram, or slack or discord with `channel`: the API base; default TELEGRAM_API_BASE / SLACK_API_BASE, else the public one. */
      api_base: HttpUrl.optional(),
      /** webhook only: the setting holding its whsec_ signing secret. */
      signing_secret: SettingName.optional(),
      filter,
    })
    .superRefine((e, ctx) => {
      if (e.platform === 'telegram' && e.chat_id === undefined) ctx.addIssue({ code: 'custom', path: ['chat_id'], message: 'is required for a telegram destination' });
      if (e.platform !== 'telegram' && e.chat_id !== undefined) ctx.addIssue({ code: 'custom', path: ['chat_id'], message: 'is only for a telegram destination' });
      const bot = e.platform === 'telegram' || ((e.platform === 'slack' || e.platform === 'discord') && e.channel !== undefined);
      if (!bot && e.api_base !== undefined) ctx.addIssue({ code: 'custom', path: ['api_base'], message: 'is only for a telegram destination or a slack or discord one with a channel' });
      if (e.channel !== undefined) {
        const channel = e.platform === 'slack' ? SlackChannel : e.platform === 'discord' ? DiscordChannel : null;
        const checked = channel?.safeParse(e.channel, { reportInput: false });
        if (!channel) ctx.addIssue({ code: 'custom', path: ['channel'], message: 'is only for a slack or discord destination' });
        else if (checked && !checked.success) ctx.addIssue({ code: 'custom', path: ['channel'], message: checked.error.issues[0]?.message ?? 'is invalid' });
      }
      if (e.platform === 'discord' && e.channel !== undefined && e.forum !== undefined) {
        // Discord de-duplicates a retried Create Message by its nonce, but not the call that opens a forum post.
        ctx.addIssue({ code: 'custom', path: ['forum'], message: 'is only for a discord webhook: a bot with channel posts to a text channel' });
      }
      if (e.threads === true && (e.platform === 'teams' || e.platform === 'webhook')) ctx.addIssue({ code: 'custom', path: ['threads'], message: `is not available for a ${e.platform} destination` });
      if (e.threads === true && e.platform === 'slack' && e.channel === undefined) {
        ctx.addIssue({ code: 'custom', path: ['threads'], message: 'needs a bot token and a channel: set channel and let secret name the bot token (an incoming webhook cannot thread)' });
      }
      if (e.forum !== undefined && !(e.platform === 'discord' && e.threads === true)) ctx.addIssue({ code: 'custom', path: ['forum'], message: 'is only for a discord destination with threads: true' });
      if (e.platform !== 'webhook' && e.signing_secret !== undefined) ctx.addIssue({ code: 'custom', path: ['signing_secret'], message: 'is only for a webhook destination' });
    }),
);
export type DestinationEntry = z.infer<typeof DestinationEntry>;

const jsonText = (example: string) =>
  z.string().transform((text, ctx): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      ctx.issues.push({ code: 'custom', message: `must be valid JSON, e.g. ${example}`, input: text });
      return z.NEVER;
    }
  });

const DestinationList = lazy(() => jsonText('[{"platform":"slack","name":"slack-africa","secret":"SLACK_AFRICA_URL"}]').pipe(z.array(DestinationEntry).max(50)));

const DestinationFilters = lazy(() => jsonText('{"slack":{"min_toll":10}}').pipe(z.partialRecord(z.enum(DESTINATIONS), DestinationFilter)));

/**
 * THREADS: the single-URL settings to deliver one thread per incident, so a desk with DISCORD_WEBHOOK_URL or a
 * Telegram bot need not rewrite its config as DESTINATIONS. Each row: a value, what it threads, and why a
 * platform is refused.
 */
export const THREAD_SETTINGS: ReadonlyArray<{ value: string; setting: string | null; meaning: string }> = [
  { value: 'discord', setting: 'DISCORD_WEBHOOK_URL', meaning: 'the webhook posts into a text channel: the first message is edited, later alerts follow it' },
  { value: 'discord-forum', setting: 'DISCORD_WEBHOOK_URL', meaning: 'the webhook posts into a forum channel: each incident opens a post, later alerts reply in it' },
  { value: 'telegram', setting: 'TELEGRAM_BOT_TOKEN', meaning: 'later alerts reply to the first message (reply_parameters), which is edited' },
  { value: 'slack', setting: null, meaning: 'SLACK_WEBHOOK_URL is an incoming webhook, which cannot thread: add a Slack bot to DESTINATIONS with channel and "threads": true' },
  { value: 'teams', setting: null, meaning: 'Teams Workflows webhooks have no threads' },
  { value: 'webhook', setting: null, meaning: 'the signed webhook has no threads' },
];
const THREADABLE = THREAD_SETTINGS.filter((r) => r.setting !== null).map((r) => r.value);

const ThreadsList = lazy(() =>
  jsonText('["discord","telegram"]').pipe(
    z.array(
      z.string().superRefine((value, ctx) => {
        const row = THREAD_SETTINGS.find((r) => r.value === value);
        if (!row) ctx.addIssue({ code: 'custom', message: `"${value.slice(0, 40)}" is not one of ${THREADABLE.join(', ')}` });
        else if (row.setting === null) ctx.addIssue({ code: 'custom', message: `"${value}" cannot thread: ${row.meaning}` });
      }),
    ).max(THREAD_SETTINGS.length),
  ),
);

/** Settings are read as trimmed strings; values are never echoed in errors (tokens live in them). */
const Settings = lazy(() =>
  z.object({
    SLACK_WEBHOOK_URL: HttpUrl.optional(),
    DISCORD_WEBHOOK_URL: HttpUrl.optional(),
    TELEGRAM_BOT_TOKEN: TelegramToken.optional(),
    TELEGRAM_CHAT_ID: TelegramChatId.optional(),
    TELEGRAM_API_BASE: HttpUrl.optional(),
    SLACK_API_BASE: HttpUrl.optional(),
    TEAMS_WEBHOOK_URL: HttpUrl.optional(),
    ALERT_WEBHOOK_URL: HttpUrl.optional(),
    ALERT_WEBHOOK_SECRET: WebhookSecret.optional(),
    DESTINATION_FILTERS: DestinationFilters.optional(),
    DESTINATIONS: DestinationList.optional(),
    THREADS: ThreadsList.optional(),
  }),
);
const SETTING_NAMES = Object.keys(Settings.shape) as (keyof typeof Settings.shape)[];

/** Thrown by destinationsFromEnv; `cause` is the ZodError, `settings` the names of the offending settings. */
export class DestinationConfigError extends Error {
  override readonly name = 'DestinationConfigError';
  readonly settings: string[];
  override readonly cause: z.ZodError;
  constructor(error: z.ZodError) {
    const lines = error.issues.map((i) => `${i.path.map(String).join('.') || '(settings)'}: ${i.message}`);
    super(`Invalid alert destination settings — ${lines.join('; ')}`);
    this.cause = error;
    this.settings = [...new Set(error.issues.map((i) => String(i.path[0] ?? '')))].filter(Boolean);
  }
}

function requiredWith(present: string, missing: string): z.core.$ZodIssue {
  return { code: 'custom', path: [missing], message: `is required when ${present} is set`, input: undefined };
}

/** The configured destinations: the single-URL ones in platform order, then the DESTINATIONS list in its order; none → []. */
export function destinationsFromEnv(env: Record<string, unknown>): DestinationConfig[] {
  const raw: Record<string, unknown> = {};
  for (const key of SETTING_NAMES) {
    const value = env[key];
    const trimmed = typeof value === 'string' ? value.trim() : value;
    // Empty means unset: `wrangler secret put` can't delete, and vars can only be blanked.
    if (trimmed !== undefined && trimmed !== null && trimmed !== '') raw[key] = trimmed;
  }

  const parsed = Settings.safeParse(raw, { reportInput: false });
  const issues: z.core.$ZodIssue[] = parsed.success ? [] : [...parsed.error.issues];
  const has = (key: string) => raw[key] !== undefined;
  if (has('TELEGRAM_BOT_TOKEN') && !has('TELEGRAM_CHAT_ID')) issues.push(requiredWith('TELEGRAM_BOT_TOKEN', 'TELEGRAM_CHAT_ID'));
  if (has('TELEGRAM_CHAT_ID') && !has('TELEGRAM_BOT_TOKEN')) issues.push(requiredWith('TELEGRAM_CHAT_ID', 'TELEGRAM_BOT_TOKEN'));
  if (has('ALERT_WEBHOOK_SECRET') && !has('ALERT_WEBHOOK_URL')) issues.push(requiredWith('ALERT_WEBHOOK_SECRET', 'ALERT_WEBHOOK_URL'));
  if (parsed.success) issues.push(...threadsIssues(parsed.data.THREADS ?? [], has));
  if (issues.length > 0 || !parsed.success) throw new DestinationConfigError(new z.ZodError(issues));

  const s = parsed.data;
  const threaded = new Set(s.THREADS ?? []);
  const filters = s.DESTINATION_FILTERS ?? {};
  const withFilter = <T extends { name: DestinationName }>(d: T): T & { filter?: DestinationFilter } => {
    const f = filters[d.name];
    return f ? { ...d, filter: f } : d;
  };
  const out: DestinationConfig[] = [];
  if (s.SLACK_WEBHOOK_URL) out.push(withFilter({ name: 'slack', url: s.SLACK_WEBHOOK_URL }));
  if (s.DISCORD_WEBHOOK_URL) {
    const thread = threaded.has('discord-forum') ? { threads: true, forum: true } : threaded.has('discord') ? { threads: true } : {};
    out.push(withFilter({ name: 'discord', url: s.DISCORD_WEBHOOK_URL, ...thread }));
  }
  if (s.TELEGRAM_BOT_TOKEN && s.TELEGRAM_CHAT_ID) {
    const api_base = (s.TELEGRAM_API_BASE ?? DEFAULT_TELEGRAM_API_BASE).replace(/\/+$/, '');
    out.push(withFilter({ name: 'telegram', token: s.TELEGRAM_BOT_TOKEN, chat_id: s.TELEGRAM_CHAT_ID, api_base, ...(threaded.has('telegram') ? { threads: true } : {}) }));
  }
  if (s.TEAMS_WEBHOOK_URL) out.push(withFilter({ name: 'teams', url: s.TEAMS_WEBHOOK_URL }));
  if (s.ALERT_WEBHOOK_URL) {
    const secret = s.ALERT_WEBHOOK_SECRET;
    out.push(withFilter(secret ? { name: 'webhook', url: s.ALERT_WEBHOOK_URL, secret } : { name: 'webhook', url: s.ALERT_WEBHOOK_URL }));
  }
  const listed = listedDestinations(s.DESTINATIONS ?? [], env, new Set(out.map(destinationId)), { telegram: s.TELEGRAM_API_BASE, slack: s.SLACK_API_BASE });
  if (listed.issues.length > 0) throw new DestinationConfigError(new z.ZodError(listed.issues));
  return [...out, ...listed.destinations];
}

/**
 * A THREADS value must name a single-URL setting that is set (threading nothing is a typo, not a choice), and a
 * Discord webhook is either a text channel's or a forum's, not both.
 */
function threadsIssues(values: readonly string[], has: (key: string) => boolean): z.core.$ZodIssue[] {
  const issues: z.core.$ZodIssue[] = [];
  for (const [i, value] of values.entries()) {
    const setting = THREAD_SETTINGS.find((r) => r.value === value)?.setting;
    if (setting && !has(setting)) issues.push({ code: 'custom', path: ['THREADS', i], message: `"${value}" needs ${setting}, which is not set`, input: undefined });
    if (values.indexOf(value) !== i) issues.push({ code: 'custom', path: ['THREADS', i], message: `"${value}" is listed twice`, input: undefined });
  }
  if (values.includes('discord') && values.includes('discord-forum')) {
    issues.push({ code: 'custom', path: ['THREADS', values.indexOf('discord-forum')], message: 'DISCORD_WEBHOOK_URL posts into a text channel ("discord") or a forum ("discord-forum"), not both', input: undefined });
  }
  return issues;
}

/**
 * Resolves DESTINATIONS entries against the settings they name. An issue's path starts with DESTINATIONS and
 * the entry's index; its message names the referenced setting but never quotes its value.
 */
function listedDestinations(
  entries: readonly DestinationEntry[],
  env: Record<string, unknown>,
  taken: Set<string>,
  bases: { telegram: string | undefined; slack: string | undefined },
): { destinations: DestinationConfig[]; issues: z.core.$ZodIssue[] } {
  const issues: z.core.$ZodIssue[] = [];
  const destinations: DestinationConfig[] = [];
  const issue = (index: number, field: string, message: string) => issues.push({ code: 'custom', path: ['DESTINATIONS', index, field], message, input: undefined });
  const read = (index: number, field: string, setting: string, schema: z.ZodType<string>): string | undefined => {
    const value = env[setting];
    const trimmed = typeof value === 'string' ? value.trim() : '';
    if (trimmed === '') {
      issue(index, field, `names ${setting}, which is not set`);
      return undefined;
    }
    const parsed = schema.safeParse(trimmed, { reportInput: false });
    if (!parsed.success) issue(index, field, `${setting} ${parsed.error.issues[0]?.message ?? 'is invalid'}`);
    return parsed.success ? parsed.data : undefined;
  };
  for (const [i, e] of entries.entries()) {
    if (taken.has(e.name)) issue(i, 'name', `"${e.name}" is already the name of another destination`);
    taken.add(e.name);
    const f = e.filter ? { filter: e.filter } : {};
    const threads = e.threads === undefined ? {} : { threads: e.threads };
    if (e.platform === 'telegram') {
      const token = read(i, 'secret', e.secret, TelegramToken);
      const api_base = (e.api_base ?? bases.telegram ?? DEFAULT_TELEGRAM_API_BASE).replace(/\/+$/, '');
      if (token && e.chat_id) destinations.push({ name: 'telegram', id: e.name, token, chat_id: e.chat_id, api_base, ...threads, ...f });
    } else if (e.platform === 'slack' && e.channel !== undefined) {
      const token = read(i, 'secret', e.secret, SlackBotToken);
      const api_base = (e.api_base ?? bases.slack ?? DEFAULT_SLACK_API_BASE).replace(/\/+$/, '');
      if (token) destinations.push({ name: 'slack', id: e.name, url: `${api_base}/chat.postMessage`, token, channel: e.channel, api_base, ...threads, ...f });
    } else if (e.platform === 'discord' && e.channel !== undefined) {
      const token = read(i, 'secret', e.secret, DiscordBotToken);
      const api_base = (e.api_base ?? DEFAULT_DISCORD_API_BASE).replace(/\/+$/, '');
      if (token) destinations.push({ name: 'discord', id: e.name, url: `${api_base}/channels/${e.channel}/messages`, token, channel: e.channel, api_base, ...threads, ...f });
    } else if (e.platform === 'discord') {
      const url = read(i, 'secret', e.secret, HttpUrl);
      if (url) destinations.push({ name: 'discord', id: e.name, url, ...threads, ...(e.forum === undefined ? {} : { forum: e.forum }), ...f });
    } else if (e.platform === 'webhook') {
      const url = read(i, 'secret', e.secret, HttpUrl);
      const secret = e.signing_secret ? read(i, 'signing_secret', e.signing_secret, WebhookSecret) : undefined;
      if (url && (secret || !e.signing_secret)) destinations.push({ name: 'webhook', id: e.name, url, ...(secret ? { secret } : {}), ...f });
    } else {
      const url = read(i, 'secret', e.secret, HttpUrl);
      if (url) destinations.push({ name: e.platform, id: e.name, url, ...f });
    }
  }
  return { destinations, issues };
}

const DigestHours = lazy(() => jsonText('{"slack":7}').pipe(z.record(z.string(), z.number().int().min(0).max(23, 'must be an hour of the day, 0–23 (UTC)'))));

/**
 * DIGEST_HOURS: destination name → the UTC hour its daily digest is sent. Each name must be a configured
 * destination, so a typo is refused rather than silently sending nothing.
 */
export function digestHoursFromEnv(env: Record<string, unknown>, destinations: readonly DestinationConfig[]): Map<string, number> {
  const raw = typeof env.DIGEST_HOURS === 'string' ? env.DIGEST_HOURS.trim() : '';
  if (raw === '') return new Map();
  const parsed = z.object({ DIGEST_HOURS: DigestHours }).safeParse({ DIGEST_HOURS: raw }, { reportInput: false });
  if (!parsed.success) throw new DestinationConfigError(parsed.error);
  const known = new Set(destinations.map(destinationId));
  const issues: z.core.$ZodIssue[] = Object.keys(parsed.data.DIGEST_HOURS)
    .filter((name) => !known.has(name))
    .map((name) => ({ code: 'custom', path: ['DIGEST_HOURS', name], message: `"${name}" is not a configured destination (known: ${[...known].join(', ') || 'none'})`, input: undefined }));
  if (issues.length > 0) throw new DestinationConfigError(new z.ZodError(issues));
  return new Map(Object.entries(parsed.data.DIGEST_HOURS));
}
