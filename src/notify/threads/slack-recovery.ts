/**
 * Finding a Slack post whose answer was lost. Each post carries its alert id as message metadata; before a retry
 * posts again, the channel (first message) or the thread (reply) is read back for a message with that id, so a
 * post Slack stored before the connection dropped or a 5xx came back is adopted instead of sent twice.
 */
import type { MessageMetadata } from '@slack/types';
import type { DeliveryRequest } from '../request';
import type { MessageRef } from './ref';

/** The metadata event type tollwatch's posts carry; the payload names the alert. */
export const SLACK_METADATA_EVENT = 'tollwatch_alert';

/** Messages read back per look-up: more than a thread or a channel gets in the minutes a retry waits. */
const LOOKUP_LIMIT = 200;
/** The look-up starts this long before the first try, for clocks that disagree. */
const CLOCK_SLACK_MS = 60_000;

export function slackMetadata(alertId: string): MessageMetadata {
  return { event_type: SLACK_METADATA_EVENT, event_payload: { alert_id: alertId } };
}

type SlackApi = { api_base: string; token: string; channel: string };

/**
 * conversations.replies of the thread (for a reply) or conversations.history of the channel (for a first
 * message), from just before the first try. Form-encoded: Slack's read methods take arguments as a form.
 */
export function slackLookupRequest(dest: SlackApi, first: MessageRef | null, sinceMs: number): DeliveryRequest {
  const thread = first?.platform === 'slack' ? first : null;
  const params = new URLSearchParams({
    channel: thread ? thread.channel : dest.channel,
    ...(thread ? { ts: thread.ts } : {}),
    oldest: (Math.max(0, sinceMs - CLOCK_SLACK_MS) / 1000).toFixed(6),
    include_all_metadata: 'true',
    limit: String(LOOKUP_LIMIT),
  });
  return {
    url: `${dest.api_base}/${thread ? 'conversations.replies' : 'conversations.history'}`,
    init: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${dest.token}` }, body: params.toString() },
  };
}

type Listed = { ts?: unknown; metadata?: { event_type?: unknown; event_payload?: { alert_id?: unknown } } };

/**
 * The ts of the message posted for `alertId`, from a look-up's answer: a string when found, null when the
 * answer lists no such message, undefined when the answer is not a listing (an error: missing_scope, …).
 */
export function slackPostedTs(bodyText: string, alertId: string): string | null | undefined {
  let body: { ok?: unknown; messages?: unknown } | null;
  try {
    body = JSON.parse(bodyText) as { ok?: unknown; messages?: unknown } | null;
  } catch {
    return undefined;
  }
  if (body?.ok !== true || !Array.isArray(body.messages)) return undefined;
  const found = (body.messages as Listed[]).find((m) => m.metadata?.event_type === SLACK_METADATA_EVENT && m.metadata.event_payload?.alert_id === alertId);
  return typeof found?.ts === 'string' ? found.ts : null;
}
