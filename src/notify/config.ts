/**
 * Destinations come only from Worker settings (secrets or vars), never from article payloads, so an
 * article can't redirect an alert. Malformed settings fail loudly at start-up rather than at first alert.
 */
import * as z from 'zod';
import { CATEGORIES, DESTINATIONS, type DestinationName } from '../schema';
import { secretBytes } from '../lib/standard-webhooks';

export const DEFAULT_TELEGRAM_API_BASE = 'https://api.telegram.org';

const HttpUrl = z.url({ protocol: /^https?$/, hostname: z.regexes.hostname, error: 'must be an absolute http(s) URL' }).max(2_048);

const NonEmpty = z.string().trim().min(1);

export const DestinationFilter = z.strictObject({
  /** incident_type must be one of these (case-insensitive); an untyped incident never matches. */
  types: z.array(NonEmpty).min(1).optional(),
  /** one of alert.places must equal one of these (case-insensitive). */
  countries: z.array(NonEmpty).min(1).optional(),
  /** keep only changes in these categories; "threats" keeps every threat change. */
  categories: z.array(z.enum([...CATEGORIES, 'threats'])).min(1).optional(),
  /** the largest casualty figure (after `categories` narrowing) must be at least this. */
  min_toll: z.number().int().nonnegative().optional(),
});
export type DestinationFilter = z.infer<typeof DestinationFilter>;

const TelegramToken = z.string().regex(/^\d{1,20}:[A-Za-z0-9_-]{20,}$/, 'must look like 123456:ABC… (the token from @BotFather)');
const TelegramChatId = z.string().regex(/^(-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{3,31})$/, 'must be a numeric chat id or @channelusername');
const WebhookSecret = z.string().refine((s) => (secretBytes(s)?.length ?? 0) > 0, 'must be a Standard Webhooks secret, whsec_<base64>');

const filter = DestinationFilter.optional();

export const DestinationConfig = z.discriminatedUnion('name', [
  z.object({ name: z.literal('slack'), url: HttpUrl, filter }),
  z.object({ name: z.literal('discord'), url: HttpUrl, filter }),
  z.object({ name: z.literal('telegram'), token: TelegramToken, chat_id: TelegramChatId, api_base: HttpUrl, filter }),
  z.object({ name: z.literal('teams'), url: HttpUrl, filter }),
  z.object({ name: z.literal('webhook'), url: HttpUrl, secret: WebhookSecret.optional(), filter }),
]);
export type DestinationConfig = z.infer<typeof DestinationConfig>;

const DestinationFilters = z
  .string()
  .transform((text, ctx): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      ctx.issues.push({ code: 'custom', message: 'must be valid JSON, e.g. {"slack":{"min_toll":10}}', input: text });
      return z.NEVER;
    }
  })
  .pipe(z.partialRecord(z.enum(DESTINATIONS), DestinationFilter));

/** Settings are read as trimmed strings; values are never echoed in errors (tokens live in them). */
const Settings = z.object({
  SLACK_WEBHOOK_URL: HttpUrl.optional(),
  DISCORD_WEBHOOK_URL: HttpUrl.optional(),
  TELEGRAM_BOT_TOKEN: TelegramToken.optional(),
  TELEGRAM_CHAT_ID: TelegramChatId.optional(),
  TELEGRAM_API_BASE: HttpUrl.optional(),
  TEAMS_WEBHOOK_URL: HttpUrl.optional(),
  ALERT_WEBHOOK_URL: HttpUrl.optional(),
  ALERT_WEBHOOK_SECRET: WebhookSecret.optional(),
  DESTINATION_FILTERS: DestinationFilters.optional(),
});
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

/** The configured destinations, in DESTINATIONS order; none configured → []. */
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
  if (issues.length > 0 || !parsed.success) throw new DestinationConfigError(new z.ZodError(issues));

  const s = parsed.data;
  const filters = s.DESTINATION_FILTERS ?? {};
  const withFilter = <T extends { name: DestinationName }>(d: T): T & { filter?: DestinationFilter } => {
    const f = filters[d.name];
    return f ? { ...d, filter: f } : d;
  };
  const out: DestinationConfig[] = [];
  if (s.SLACK_WEBHOOK_URL) out.push(withFilter({ name: 'slack', url: s.SLACK_WEBHOOK_URL }));
  if (s.DISCORD_WEBHOOK_URL) out.push(withFilter({ name: 'discord', url: s.DISCORD_WEBHOOK_URL }));
  if (s.TELEGRAM_BOT_TOKEN && s.TELEGRAM_CHAT_ID) {
    const api_base = (s.TELEGRAM_API_BASE ?? DEFAULT_TELEGRAM_API_BASE).replace(/\/+$/, '');
    out.push(withFilter({ name: 'telegram', token: s.TELEGRAM_BOT_TOKEN, chat_id: s.TELEGRAM_CHAT_ID, api_base }));
  }
  if (s.TEAMS_WEBHOOK_URL) out.push(withFilter({ name: 'teams', url: s.TEAMS_WEBHOOK_URL }));
  if (s.ALERT_WEBHOOK_URL) {
    const secret = s.ALERT_WEBHOOK_SECRET;
    out.push(withFilter(secret ? { name: 'webhook', url: s.ALERT_WEBHOOK_URL, secret } : { name: 'webhook', url: s.ALERT_WEBHOOK_URL }));
  }
  return out;
}
