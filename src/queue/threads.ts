/**
 * Delivery through a chat API that answers with the posted message (Slack bot, Discord webhook with wait=true,
 * Telegram): one thread per incident. Each step's result is in the delivery ledger before the next step runs,
 * so a retry resumes where the last try stopped: a reply is never posted twice, and a reply never goes out
 * before its incident's first message is known.
 */
import { classifyNetworkError, type AlertLinks, type DeliveryOutcome, type DeliveryRequest } from '../notify';
import { classifyApiResponse, editFirstRequest, firstMessageRequest, postedMessageRef, replyRequest, slackLookupRequest, slackPostedTs, type ApiDestination, type MessageRef } from '../notify/threads';
import type { ApiStep } from '../notify/threads/outcome';
import type { DeliveryLedger } from '../durable/delivery-ledger';
import type { Alert } from '../schema';
import { log } from '../lib/log';

type Ledger = DurableObjectStub<DeliveryLedger>;

/** How many times one delivery re-edits the first message when other replies land while it edits. */
const EDIT_ROUNDS = 2;

export interface ApiDelivery {
  outcome: DeliveryOutcome;
  /** The last HTTP status the platform answered, for the delivery log line. */
  status?: number;
}

interface Sent {
  outcome: DeliveryOutcome;
  status?: number;
  body: string;
}

async function send(platform: ApiDestination['name'], step: ApiStep, req: DeliveryRequest, attempts: number, timeoutMs: number): Promise<Sent> {
  try {
    const res = await fetch(req.url, { ...req.init, signal: AbortSignal.timeout(timeoutMs) });
    const body = await res.text().catch(() => '');
    return { outcome: classifyApiResponse(platform, step, res.status, res.headers, body, attempts), status: res.status, body };
  } catch (err) {
    return { outcome: classifyNetworkError(attempts, err), body: '' };
  }
}

/**
 * Sends a post (first message or reply) once: when an earlier try of it may have reached the platform, a Slack
 * channel or thread is read back for it first, and a post found there is answered as if just sent. A Discord
 * bot's post carries a nonce Discord enforces, so there the retry itself is answered with the stored message.
 * Discord webhooks and Telegram bots can do neither, so there a retry posts again.
 */
async function post(input: ApiDeliveryInput, req: DeliveryRequest, first: MessageRef | null): Promise<Sent> {
  const { book, dest, alert, destination, attempts, timeoutMs } = input;
  const earlier = await book.beginPost(alert.alert_id, destination, Date.now());
  if (earlier !== null && dest.name === 'slack') {
    const lookup = await send('slack', 'lookup', slackLookupRequest(dest, first, earlier), attempts, timeoutMs);
    const ts = lookup.outcome.kind === 'delivered' ? slackPostedTs(lookup.body, alert.alert_id) : undefined;
    if (typeof ts === 'string') {
      const channel = first?.platform === 'slack' ? first.channel : dest.channel;
      log({ level: 'info', msg: 'an earlier try had posted this alert; adopted instead of posting again', alert_id: alert.alert_id, destination });
      return { outcome: { kind: 'delivered' }, status: lookup.status, body: JSON.stringify({ ok: true, channel, ts }) };
    }
    if (ts === undefined) {
      // Without channels:history (or groups:history) the look-up is refused: posting again may repeat a message,
      // but never loses one.
      const reason = lookup.outcome.kind === 'delivered' ? 'not a message listing' : input.redact(lookup.outcome.reason);
      log({ level: 'warn', msg: 'could not check Slack for an earlier try of this post; posting again', alert_id: alert.alert_id, destination, reason });
    }
  }
  return send(dest.name, 'post', req, attempts, timeoutMs);
}

export interface ApiDeliveryInput {
  book: Ledger;
  dest: ApiDestination;
  mode: 'thread' | 'flat';
  alert: Alert;
  destination: string;
  attempts: number;
  links: AlertLinks;
  timeoutMs: number;
  /** Strips the destination's credentials from a failure reason before it is logged or stored. */
  redact: (text: string) => string;
}

/**
 * Delivers one claimed alert. On `delivered` the ledger already holds the delivery (the consumer's own
 * markDelivered repeats it harmlessly); on `retry` the next try picks up at the step that failed.
 */
export async function deliverViaApi(input: ApiDeliveryInput): Promise<ApiDelivery> {
  const { book, dest, alert, destination, links } = input;
  if (input.mode === 'flat') {
    const sent = await post(input, firstMessageRequest(dest, alert, links), null);
    return { outcome: sent.outcome, status: sent.status };
  }

  const step = await book.threadStep(alert.alert_id, alert.incident_key, destination, Date.now());
  switch (step.step) {
    case 'wait': {
      const delaySeconds = Math.max(1, Math.ceil((step.until_ms - Date.now()) / 1000));
      return { outcome: { kind: 'retry', delaySeconds, reason: `waiting for the incident's first message (alert ${step.opener} is posting it)` } };
    }
    case 'open': {
      const sent = await post(input, firstMessageRequest(dest, alert, links), null);
      if (sent.outcome.kind !== 'delivered') return { outcome: sent.outcome, status: sent.status };
      const ref = postedMessageRef(dest, sent.body, true);
      if (ref) {
        await book.recordFirstMessage(alert, destination, ref, Date.now());
      } else {
        // Posted, but the answer names no message: posting again would duplicate it. Delivered unthreaded;
        // the incident's next alert finds no open thread and opens one.
        log({ level: 'warn', msg: 'first message posted but its id was not in the answer; the next alert opens the thread', alert_id: alert.alert_id, destination });
        await book.markDelivered(alert.alert_id, destination, Date.now());
      }
      return { outcome: sent.outcome, status: sent.status };
    }
    case 'reply': {
      const sent = await post(input, replyRequest(dest, step.first, alert, links), step.first);
      if (sent.outcome.kind !== 'delivered') return { outcome: sent.outcome, status: sent.status };
      await book.recordReply(alert, destination, postedMessageRef(dest, sent.body, false, step.first));
      return editFirstMessage(input, sent.status);
    }
    case 'edit':
      return editFirstMessage(input, undefined);
  }
}

/**
 * Brings the first message to the thread's current figures. Idempotent: the edit states the whole message, so
 * repeating it (a retry, a second copy) shows the same. A permanent refusal (message deleted, edit window
 * closed) does not undo the reply already posted: it is logged and the alert counts as delivered.
 */
async function editFirstMessage(input: ApiDeliveryInput, replyStatus: number | undefined): Promise<ApiDelivery> {
  const { book, dest, alert, destination, attempts, links, timeoutMs, redact } = input;
  let status = replyStatus;
  for (let round = 0; round < EDIT_ROUNDS; round++) {
    const state = await book.firstMessageState(alert.incident_key, destination);
    if (!state || state.edited_version >= state.version) break;
    const req = editFirstRequest(dest, state.first, state.current, links);
    if (!req) break;
    const sent = await send(dest.name, 'edit', req, attempts, timeoutMs);
    status = sent.status ?? status;
    if (sent.outcome.kind === 'retry') return { outcome: sent.outcome, status };
    if (sent.outcome.kind === 'dead') {
      const reason = redact(sent.outcome.reason);
      log({ level: 'warn', msg: 'the first message could not be edited; the reply is posted', alert_id: alert.alert_id, destination, reason });
      await book.recordFailure(destination, `edit of the first message: ${reason}`, Date.now());
      break;
    }
    const latest = await book.recordFirstMessageEdit(alert.incident_key, destination, state.version);
    if (latest <= state.version) break;
  }
  await book.markReplyDelivered(alert.alert_id, destination, Date.now());
  return { outcome: { kind: 'delivered' }, status };
}
