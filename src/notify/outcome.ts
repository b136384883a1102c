/**
 * What to do with a delivery's response. "dead" means retrying can't help (bad URL, revoked token, rejected
 * payload); everything that may heal by itself is retried with a delay the platform asked for or backoff.
 */

export type DeliveryOutcome =
  | { kind: 'delivered' }
  | { kind: 'retry'; delaySeconds: number; reason: string }
  | { kind: 'dead'; reason: string };

/** Cloudflare Queues refuses delays over 12 hours. */
export const MAX_DELAY_SECONDS = 43_200;
const BACKOFF_CAP_SECONDS = 3_600;
const REASON_MAX = 300;

/** 10 s, 20 s, 40 s … capped at an hour; `attempts` counts tries so far, starting at 1. */
export function backoffSeconds(attempts: number): number {
  const n = Number.isFinite(attempts) ? Math.max(1, Math.floor(attempts)) : 1;
  return Math.min(2 ** n * 5, BACKOFF_CAP_SECONDS);
}

function clampDelay(seconds: number): number {
  return Math.min(Math.max(1, Math.ceil(seconds)), MAX_DELAY_SECONDS);
}

/** Retry-After as delta-seconds or HTTP-date (RFC 9110 §10.2.3); null when absent or unreadable. */
export function retryAfterSeconds(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v);
  if (!/[a-z]/i.test(v)) return null;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, (at - nowMs) / 1000);
}

type JsonBody = {
  retry_after?: unknown;
  message?: unknown;
  description?: unknown;
  parameters?: { retry_after?: unknown; migrate_to_chat_id?: unknown };
};

function parseJson(bodyText: string): JsonBody | null {
  const t = bodyText.trim();
  if (!t.startsWith('{') || t.length > 65_536) return null;
  try {
    const v: unknown = JSON.parse(t);
    return typeof v === 'object' && v !== null ? (v as JsonBody) : null;
  } catch {
    return null;
  }
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null);

/** A short, single-line description for logs and the dead-letter record. */
function describe(status: number, bodyText: string, json: JsonBody | null): string {
  const detail = typeof json?.description === 'string' ? json.description : typeof json?.message === 'string' ? json.message : bodyText;
  const oneLine = detail.replace(/\s+/g, ' ').trim();
  const text = oneLine ? `HTTP ${status}: ${oneLine}` : `HTTP ${status}`;
  return text.length > REASON_MAX ? `${text.slice(0, REASON_MAX - 1)}\u2026` : text;
}

export function classifyDeliveryResponse(status: number, headers: Headers, bodyText: string, attempts: number, nowMs = Date.now()): DeliveryOutcome {
  if (status >= 200 && status <= 299) return { kind: 'delivered' };
  const json = parseJson(bodyText);
  const reason = describe(status, bodyText, json);

  if (status === 429) {
    // Slack and Telegram send Retry-After; Discord sends it and a more precise float in the body.
    const hints = [retryAfterSeconds(headers.get('retry-after'), nowMs), num(json?.retry_after), num(json?.parameters?.retry_after)].filter(
      (h): h is number => h !== null,
    );
    const delaySeconds = hints.length > 0 ? clampDelay(Math.max(...hints)) : backoffSeconds(attempts);
    return { kind: 'retry', delaySeconds, reason };
  }

  if (status === 408 || status === 409 || status === 425 || (status >= 500 && status <= 599)) {
    const hinted = status === 503 ? retryAfterSeconds(headers.get('retry-after'), nowMs) : null;
    return { kind: 'retry', delaySeconds: hinted !== null ? clampDelay(hinted) : backoffSeconds(attempts), reason };
  }

  if (status >= 400 && status <= 499) {
    const migrated = json?.parameters?.migrate_to_chat_id;
    if (typeof migrated === 'number' || typeof migrated === 'string') {
      return { kind: 'dead', reason: `${reason} (the group became a supergroup: set TELEGRAM_CHAT_ID to ${String(migrated)})` };
    }
    return { kind: 'dead', reason };
  }

  // fetch follows redirects, so a 3xx here is a redirect we were not allowed to follow: a configuration problem.
  if (status >= 300 && status <= 399) return { kind: 'dead', reason: `${reason} (redirect; check the destination URL)` };

  return { kind: 'retry', delaySeconds: backoffSeconds(attempts), reason };
}

/** fetch threw (DNS, connection reset, timeout): always worth another try. */
export function classifyNetworkError(attempts: number, error?: unknown): DeliveryOutcome {
  const message = error instanceof Error ? error.message : error === undefined ? '' : String(error);
  const reason = `network error${message ? `: ${message.replace(/\s+/g, ' ').trim().slice(0, REASON_MAX)}` : ''}`;
  return { kind: 'retry', delaySeconds: backoffSeconds(attempts), reason };
}
