/**
 * Standard Webhooks 1.0 signing and verification (https://www.standardwebhooks.com/), on WebCrypto so the
 * same code runs in workerd, Node (send CLI, chat sink, tests) and the browser. The reference `standardwebhooks`
 * package also compares in constant time, but verifies one secret per instance with a pure-JS SHA-256 and a
 * base64 dependency; here one native HMAC per configured secret checks every `v1,` entry and says which secret
 * (so which sender) matched, and the comparison loop is ours because workerd's timingSafeEqual is not in Node.
 */

const encoder = new TextEncoder();

export const TOLERANCE_SECONDS = 5 * 60;

export function base64Encode(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function base64Decode(text: string): Uint8Array | null {
  try {
    const binary = atob(text);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

/** `whsec_<base64>` (or bare base64) → key bytes; null when it is not valid base64. */
export function secretBytes(secret: string): Uint8Array | null {
  const trimmed = secret.trim();
  return base64Decode(trimmed.startsWith('whsec_') ? trimmed.slice('whsec_'.length) : trimmed);
}

async function hmacKey(secret: string, usage: 'sign' | 'verify'): Promise<CryptoKey | null> {
  const raw = secretBytes(secret);
  if (!raw || raw.length === 0) return null;
  return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);
}

function signedContent(id: string, timestamp: string, body: Uint8Array | string): Uint8Array {
  const prefix = encoder.encode(`${id}.${timestamp}.`);
  const payload = typeof body === 'string' ? encoder.encode(body) : body;
  const out = new Uint8Array(prefix.length + payload.length);
  out.set(prefix, 0);
  out.set(payload, prefix.length);
  return out;
}

/** Returns the `webhook-signature` header value (`v1,<base64>`). */
export async function signWebhook(secret: string, id: string, timestampSeconds: number, body: Uint8Array | string): Promise<string> {
  const key = await hmacKey(secret, 'sign');
  if (!key) throw new Error('webhook secret is not valid base64 (expected whsec_<base64>)');
  const mac = await crypto.subtle.sign('HMAC', key, signedContent(id, String(timestampSeconds), body));
  return `v1,${base64Encode(new Uint8Array(mac))}`;
}

/** Headers a sender attaches; `id` must stay the same across retries of one message. */
export async function webhookHeaders(secret: string, id: string, body: Uint8Array | string, nowSeconds = Math.floor(Date.now() / 1000)): Promise<Record<string, string>> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(nowSeconds),
    'webhook-signature': await signWebhook(secret, id, nowSeconds, body),
  };
}

export type VerifyFailure = 'missing_headers' | 'bad_timestamp' | 'stale_timestamp' | 'bad_signature';
/** `secretIndex`: which of the given secrets signed it (the sender's identity). */
export type VerifyResult = { ok: true; id: string; timestamp: number; secretIndex: number } | { ok: false; reason: VerifyFailure };

/**
 * Verifies a request against every configured secret (rotation: old and new are accepted together) and
 * every `v1,` signature in the header. The raw body bytes are verified before any JSON parsing.
 */
export async function verifyWebhook(
  secrets: readonly string[],
  headers: { id: string | null; timestamp: string | null; signature: string | null },
  body: Uint8Array,
  nowSeconds: number,
  toleranceSeconds = TOLERANCE_SECONDS,
): Promise<VerifyResult> {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature) return { ok: false, reason: 'missing_headers' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'bad_timestamp' };
  const ts = Number(timestamp);
  if (Math.abs(nowSeconds - ts) > toleranceSeconds) return { ok: false, reason: 'stale_timestamp' };

  const candidates: Uint8Array[] = [];
  for (const entry of signature.split(' ')) {
    const [version, value] = entry.split(',', 2);
    if (version !== 'v1' || !value) continue;
    const mac = base64Decode(value);
    if (mac && mac.length === 32) candidates.push(mac);
  }
  if (candidates.length === 0) return { ok: false, reason: 'bad_signature' };

  // One HMAC per secret, whatever the number of entries: a header stuffed with hundreds of `v1,` entries must
  // not make an unauthenticated request hash a 1 MiB body hundreds of times.
  const content = signedContent(id, timestamp, body);
  for (const [secretIndex, secret] of secrets.entries()) {
    const key = await hmacKey(secret, 'sign');
    if (!key) continue;
    const expected = new Uint8Array(await crypto.subtle.sign('HMAC', key, content));
    let matched = false;
    for (const mac of candidates) matched = constantTimeEqual(expected, mac) || matched;
    if (matched) return { ok: true, id, timestamp: ts, secretIndex };
  }
  return { ok: false, reason: 'bad_signature' };
}

/** Byte equality in time independent of where the arrays differ (both are 32-byte MACs here). */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}
