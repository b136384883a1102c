/**
 * Delivery through a chat API that answers with the posted message (Slack bot, Discord webhook with wait=true,
 * Telegram): one thread per incident. Each step's result is in the delivery ledger before the next step runs,
 * so a retry resumes where the last try stopped: a reply is never posted twice, and a reply never goes out
 * before its incident's first message is known.
 */
import { classifyNetworkError, type AlertLinks, type DeliveryOutcome, type DeliveryRequest } from '../notify';
import { classifyApiResponse, editFirstRequest, firstMessageRequest, postedMessageRef, replyRequest, type ApiDestination } from '../notify/threads';
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

async function send(platform: ApiDestination['name'], step: 'post' | 'edit', req: DeliveryRequest, attempts: number, timeoutMs: number): Promise<Sent> {
  try {
    const res = await fetch(req.url, { ...req.init, signal: AbortSignal.timeout(timeoutMs) });
    const body = await res.text().catch(() => '');
    return { outcome: classifyApiResponse(platform, step, res.status, res.headers, body, attempts), status: res.status, body };
  } catch (err) {
    return { outcome: classifyNetworkError(attempts, err), body: '' };
  }
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
  const { book, dest, alert, destination, attempts, links, timeoutMs } = input;
  if (input.mode === 'flat') {
    const sent = await send(dest.name, 'post', firstMessageRequest(dest, alert, links), attempts, timeoutMs);
    return { outcome: sent.outcome, status: sent.status };
  }

  const step = await book.threadStep(alert.alert_id, alert.incident_key, destination, Date.now());
  switch (step.step) {
    case 'wait': {
      const delaySeconds = Math.max(1, Math.ceil((step.until_ms - Date.now()) / 1000));
      return { outcome: { kind: 'retry', delaySeconds, reason: `waiting for the incident's first message (alert ${step.opener} is posting it)` } };
    }
    case 'open': {
      const sent = await send(dest.name, 'post', firstMessageRequest(dest, alert, links), attempts, timeoutMs);
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
      const sent = await send(dest.name, 'post', replyRequest(dest, step.first, alert, links), attempts, timeoutMs);
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
