/**
 * Dashboard session cookies: `v1.<expires, Unix seconds>.<base64url HMAC-SHA256>`, keyed by the READ_TOKEN that
 * signed in. The cookie never carries the token itself, so a leaked cookie grants at most what is left of its
 * twelve hours and reveals nothing that works as a bearer token; rotating READ_TOKEN ends every session.
 */

import { base64Decode, base64Encode } from './standard-webhooks';

const encoder = new TextEncoder();
const PREFIX = 'v1';

/** URL-safe, unpadded base64 over the Standard Webhooks codec (cookie values need no escaping). */
const base64url = (bytes: Uint8Array) => base64Encode(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

function fromBase64url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(text)) return null;
  return base64Decode(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
}

async function key(readToken: string, usage: 'sign' | 'verify'): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', encoder.encode(readToken), { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);
}

/** The signed string: the purpose is part of it, so a MAC made for anything else never passes as a session. */
const signed = (expiresS: number) => encoder.encode(`tollwatch-dashboard-session.${PREFIX}.${expiresS}`);

export async function issueSession(readToken: string, nowMs: number, maxAgeS: number): Promise<string> {
  const expiresS = Math.floor(nowMs / 1000) + maxAgeS;
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', await key(readToken, 'sign'), signed(expiresS)));
  return `${PREFIX}.${expiresS}.${base64url(mac)}`;
}

/** True when the cookie was issued under one of `readTokens` and has not expired. */
export async function verifySession(readTokens: readonly string[], cookie: string, nowMs: number): Promise<boolean> {
  const m = /^v1\.(\d{1,12})\.([A-Za-z0-9_-]{1,100})$/.exec(cookie);
  if (!m) return false;
  const expiresS = Number(m[1]);
  const mac = fromBase64url(m[2] ?? '');
  if (!mac || mac.length !== 32 || expiresS * 1000 <= nowMs) return false;
  let ok = false;
  // crypto.subtle.verify compares in constant time; every token is tried so timing does not tell which matched.
  for (const token of readTokens) ok = (await crypto.subtle.verify('HMAC', await key(token, 'verify'), mac, signed(expiresS))) || ok;
  return ok;
}
