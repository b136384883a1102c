/**
 * What an API answer means for threaded delivery. Slack's Web API answers most errors with HTTP 200 and
 * `{"ok":false,"error":…}`, so a 2xx is not yet a delivery there; everything else reads as outcome.ts does.
 */
import { backoffSeconds, classifyDeliveryResponse, retryAfterSeconds, type DeliveryOutcome } from '../outcome';

/**
 * Slack error codes that may heal by themselves; every other code (invalid_auth, channel_not_found,
 * not_in_channel, is_archived, msg_too_long, message_not_found, cant_update_message, edit_window_closed …)
 * needs a person. Each row: the code and why it is worth another try.
 */
export const SLACK_RETRYABLE_ERRORS: ReadonlyArray<{ error: string; why: string }> = [
  { error: 'ratelimited', why: 'the method is rate limited; Retry-After says when to come back' },
  { error: 'internal_error', why: 'Slack failed while handling the call' },
  { error: 'fatal_error', why: 'Slack failed while handling the call' },
  { error: 'service_unavailable', why: 'Slack is down or in maintenance' },
  { error: 'request_timeout', why: 'the call timed out inside Slack' },
  { error: 'team_added_to_org', why: 'the workspace is moving into an Enterprise Grid org; calls work again shortly' },
];
const RETRYABLE = new Set(SLACK_RETRYABLE_ERRORS.map((r) => r.error));

/**
 * Telegram answers 400 "message is not modified" when an edit repeats the current text: for an edit that is
 * exactly what we wanted, so a retried edit counts as done.
 */
const TELEGRAM_UNCHANGED = /message is not modified/i;

/** post: chat.postMessage / execute webhook / sendMessage; edit: the first message's edit; lookup: Slack's read-back. */
export type ApiStep = 'post' | 'edit' | 'lookup';

const SLACK_METHOD: Record<ApiStep, string> = { post: 'chat.postMessage', edit: 'chat.update', lookup: 'conversations read-back' };

export function classifyApiResponse(
  platform: 'slack' | 'discord' | 'telegram',
  step: ApiStep,
  status: number,
  headers: Headers,
  bodyText: string,
  attempts: number,
  nowMs = Date.now(),
): DeliveryOutcome {
  if (platform === 'telegram' && step === 'edit' && status === 400 && TELEGRAM_UNCHANGED.test(bodyText)) return { kind: 'delivered' };
  if (platform !== 'slack' || status < 200 || status > 299) return classifyDeliveryResponse(status, headers, bodyText, attempts, nowMs);
  let body: { ok?: unknown; error?: unknown } | null = null;
  try {
    const v: unknown = JSON.parse(bodyText);
    body = typeof v === 'object' && v !== null ? (v as { ok?: unknown; error?: unknown }) : null;
  } catch {
    body = null;
  }
  if (body?.ok === true) return { kind: 'delivered' };
  const error = typeof body?.error === 'string' ? body.error.slice(0, 100) : 'an answer that is not Slack Web API JSON';
  const reason = `Slack ${SLACK_METHOD[step]}: ${error}`;
  if (!RETRYABLE.has(error)) return { kind: 'dead', reason };
  const hinted = retryAfterSeconds(headers.get('retry-after'), nowMs);
  return { kind: 'retry', delaySeconds: hinted !== null ? Math.max(1, Math.ceil(hinted)) : backoffSeconds(attempts), reason };
}
