// Who sent a request: ingest senders by Standard Webhooks signature or bearer token, readers by READ_TOKEN or session cookie.
import type { Settings } from './env';
import { HttpError } from './lib/errors';
import { safeEqual, sha256Hex } from './lib/hash';
import { verifySession } from './lib/session';
import { verifyWebhook, type VerifyFailure } from './lib/standard-webhooks';

export interface Sender {
  /** Stable, non-secret identity for rate limiting and logs. */
  id: string;
  /** The Standard Webhooks message id: the idempotency key for retries. */
  webhookId?: string;
  /** The name given to the sender's secret (`name:whsec_…`); its ids live in a namespace of their own. */
  name?: string;
}

const failureMessages: Record<VerifyFailure, string> = {
  missing_headers: 'webhook-id, webhook-timestamp and webhook-signature headers are required (or an Authorization: Bearer token)',
  bad_timestamp: 'webhook-timestamp must be Unix seconds',
  stale_timestamp: 'webhook-timestamp is more than 5 minutes away from the server clock',
  bad_signature: 'webhook-signature does not match the body for any configured secret',
};

function bearer(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m?.[1] ?? null;
}

/** The entry of `allowed` equal to `token`, or null; every entry is compared, so timing tells nothing. */
async function matchingToken(token: string, allowed: readonly string[]): Promise<string | null> {
  let found: string | null = null;
  for (const candidate of allowed) if (await safeEqual(token, candidate)) found = candidate;
  return found;
}

async function matchesAny(token: string, allowed: readonly string[]): Promise<boolean> {
  return (await matchingToken(token, allowed)) !== null;
}

/**
 * Who may send articles: a Standard Webhooks signature over the raw body, or a bearer token. With neither
 * configured the endpoint refuses everything, unless the local-development setting (env.dev only) is on.
 */
export async function authenticateIngest(settings: Settings, headers: Headers, rawBody: Uint8Array, nowSeconds: number): Promise<Sender> {
  const token = bearer(headers.get('authorization') ?? undefined);
  const hasSignature = headers.has('webhook-signature') || headers.has('webhook-id');

  if (token !== null && !hasSignature) {
    if (settings.INGEST_TOKENS.length > 0 && (await matchesAny(token, settings.INGEST_TOKENS))) {
      return { id: `token:${(await sha256Hex(token)).slice(0, 12)}` };
    }
    if (settings.INGEST_TOKENS.length > 0 || !settings.LOCAL_DEV_INSECURE) {
      throw new HttpError(401, 'unauthorized', 'the bearer token is not valid');
    }
  }

  if (settings.WEBHOOK_SECRETS.length > 0 && (hasSignature || !settings.LOCAL_DEV_INSECURE)) {
    const result = await verifyWebhook(
      settings.WEBHOOK_SECRETS.map((e) => e.secret),
      { id: headers.get('webhook-id'), timestamp: headers.get('webhook-timestamp'), signature: headers.get('webhook-signature') },
      rawBody,
      nowSeconds,
    );
    if (!result.ok) throw new HttpError(401, 'unauthorized', failureMessages[result.reason], { reason: result.reason });
    if (result.id.length > 200) throw new HttpError(400, 'invalid_webhook_id', 'webhook-id must be at most 200 characters');
    const entry = settings.WEBHOOK_SECRETS[result.secretIndex];
    // Each sender gets its own rate-limit bucket: by the name given to its secret, else by the secret itself.
    const id = entry?.sender ? `sender:${entry.sender}` : `secret:${(await sha256Hex(entry?.secret ?? '')).slice(0, 12)}`;
    return { id, webhookId: result.id, ...(entry?.sender ? { name: entry.sender } : {}) };
  }

  if (settings.LOCAL_DEV_INSECURE) {
    const webhookId = headers.get('webhook-id');
    return { id: 'local-dev', ...(webhookId ? { webhookId: webhookId.slice(0, 200) } : {}) };
  }
  if (settings.INGEST_TOKENS.length > 0) throw new HttpError(401, 'unauthorized', 'send an Authorization: Bearer token or a Standard Webhooks signature');
  throw new HttpError(403, 'ingest_not_configured', 'no WEBHOOK_SECRETS or INGEST_TOKENS are configured, so this worker accepts no articles; set one with `wrangler secret put`');
}

/** Read endpoints: the READ_TOKEN as a bearer token, or a live dashboard session cookie signed with it. */
export async function isReader(settings: Settings, authorization: string | undefined, sessionCookie: string | undefined, nowMs = Date.now()): Promise<boolean> {
  if (settings.READ_TOKEN.length === 0) return false;
  const token = bearer(authorization);
  if (token !== null) return matchesAny(token, settings.READ_TOKEN);
  return sessionCookie !== undefined && verifySession(settings.READ_TOKEN, sessionCookie, nowMs);
}

/** The configured READ_TOKEN equal to `token` (the key its session is signed with), or null. */
export function matchingReadToken(settings: Settings, token: string): Promise<string | null> {
  return matchingToken(token, settings.READ_TOKEN);
}
