// The Worker's environment: bindings as wrangler declares them, and the settings schema validated at the edge.
import * as z from 'zod';
import { CATEGORIES, Threshold } from './schema';
import { secretBytes } from './lib/standard-webhooks';
import type { AlertMessage } from './schema';

/**
 * Settings the Worker reads that wrangler.jsonc does not declare at the top level: secrets (`wrangler secret
 * put`), optional vars and drill knobs. Each is validated where it is read (Settings below, src/notify/config.ts,
 * the queue consumer, the tracker's recheck), so a string type is all the edge needs here.
 */
export type UndeclaredSettings = {
  WEBHOOK_SECRETS?: string;
  INGEST_TOKENS?: string;
  THRESHOLDS?: string;
  QUIET_PERIOD_DAYS?: string;
  DESTINATION_FILTERS?: string;
  RETRY_BASE_SECONDS?: string;
  MAX_DELIVERY_ATTEMPTS?: string;
  OUTBOX_RECHECK_SECONDS?: string;
  PUBLIC_URL?: string;
  FEEDS?: string;
  DESTINATIONS?: string;
  DIGEST_HOURS?: string;
  THREADS?: string;
};

/**
 * The Worker's env: bindings and vars generated from wrangler.jsonc by `npm run cf-typegen` into
 * worker-configuration.d.ts (`Cloudflare.Env`), plus the undeclared settings, with the two queues typed by
 * the message they carry (the generated type cannot know it).
 */
export type Env = Omit<Cloudflare.Env, 'ALERTS' | 'ALERTS_DLQ'> &
  UndeclaredSettings & {
    ALERTS: Queue<AlertMessage>;
    ALERTS_DLQ: Queue<AlertMessage>;
  };

const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

const positiveInt = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) {
        ctx.addIssue({ code: 'custom', message: `expected a non-negative integer, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });

const secretList = z
  .string()
  .optional()
  .transform((v) => (v ?? '').split(/[\s,]+/).filter((s) => s.length > 0));

/**
 * WEBHOOK_SECRETS entries: `whsec_<base64>`, optionally named `newsroom:whsec_<base64>`. The name is the sender
 * (its rate-limit bucket and log identity); entries sharing a name are one sender mid-rotation. An unnamed
 * secret is its own sender, known by a fingerprint of the secret.
 */
export const WebhookSecretEntry = z.string().transform((entry, ctx) => {
  const m = /^([A-Za-z0-9_.-]{1,64}):(.+)$/.exec(entry);
  const secret = m?.[2] ?? entry;
  if ((secretBytes(secret)?.length ?? 0) === 0) {
    ctx.addIssue({ code: 'custom', message: 'each entry must be whsec_<base64>, optionally prefixed by a sender name and a colon (name:whsec_…)' });
    return z.NEVER;
  }
  return { sender: m?.[1] ?? null, secret };
});
export type WebhookSecretEntry = z.infer<typeof WebhookSecretEntry>;

const jsonSetting = <T extends z.ZodType>(schema: T) =>
  z
    .string()
    .optional()
    .transform((v, ctx): z.infer<T> | undefined => {
      if (v === undefined || v.trim() === '') return undefined;
      let parsed: unknown;
      try {
        parsed = JSON.parse(v);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not valid JSON' });
        return z.NEVER;
      }
      const result = schema.safeParse(parsed);
      if (!result.success) {
        ctx.addIssue({ code: 'custom', message: z.prettifyError(result.error) });
        return z.NEVER;
      }
      return result.data;
    });

const Thresholds = z.partialRecord(z.enum([...CATEGORIES, 'threats']), Threshold);
const QuietDays = z.record(z.string(), z.number().positive());

/** Every non-binding setting, parsed once at the edge. Destinations are parsed by src/notify. */
export const Settings = z.object({
  LOCAL_DEV_INSECURE: flag,
  DASHBOARD_PUBLIC: flag,
  MIN_SOURCES: positiveInt(1),
  RATE_LIMIT_PER_MINUTE: positiveInt(120),
  WEBHOOK_SECRETS: secretList.pipe(z.array(WebhookSecretEntry)),
  INGEST_TOKENS: secretList,
  READ_TOKEN: secretList,
  THRESHOLDS: jsonSetting(Thresholds),
  QUIET_PERIOD_DAYS: jsonSetting(QuietDays),
  /** Where the dashboard is served (https://tollwatch.example.workers.dev): alerts link to their incident's page. */
  PUBLIC_URL: z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : undefined))
    .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.hostname, error: 'must be an absolute http(s) URL, e.g. https://tollwatch.example.workers.dev' }).optional()),
});
export type Settings = z.infer<typeof Settings>;

export class SettingsError extends Error {
  constructor(readonly details: string) {
    super(`invalid configuration: ${details}`);
  }
}

const cache = new WeakMap<object, Settings>();

export function settingsFromEnv(env: Env): Settings {
  const cached = cache.get(env);
  if (cached) return cached;
  const parsed = Settings.safeParse(env);
  if (!parsed.success) throw new SettingsError(z.prettifyError(parsed.error));
  cache.set(env, parsed.data);
  return parsed.data;
}
