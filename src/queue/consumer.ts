import type { Env } from '../env';
import { buildDeliveryRequest, classifyDeliveryResponse, classifyNetworkError, destinationsFromEnv, type DeliveryOutcome } from '../notify';
import { AlertMessage } from '../schema';
import { log } from '../lib/log';

/** After this many attempts a message is dead-lettered by us (with its reason) rather than retried again. */
export const MAX_ATTEMPTS = 8;
const DELIVERY_TIMEOUT_MS = 10_000;

export function ledger(env: Env) {
  return env.DELIVERY_LEDGER.get(env.DELIVERY_LEDGER.idFromName('global'));
}

/**
 * Delivers each alert message to its destination. Per message: already delivered → ack; else POST, and on
 * 2xx record the delivery before acking; 429 → retry after the service's delay; permanent 4xx → dead letter;
 * other failures → exponential backoff, then dead letter after MAX_ATTEMPTS.
 */
export async function consumeAlerts(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const book = ledger(env);
  const destinations = destinationsFromEnv(env);
  for (const msg of batch.messages) {
    const parsed = AlertMessage.safeParse(msg.body);
    if (!parsed.success) {
      log({ level: 'error', msg: 'undecodable alert message dropped', id: msg.id });
      msg.ack();
      continue;
    }
    const message = parsed.data;
    const { alert, destination } = message;
    if (await book.isDelivered(alert.alert_id, destination)) {
      msg.ack();
      continue;
    }
    const config = destinations.find((d) => d.name === destination);
    if (!config) {
      await deadLetter(env, message, `destination ${destination} is no longer configured`);
      msg.ack();
      continue;
    }

    let outcome: DeliveryOutcome;
    try {
      const { url, init } = await buildDeliveryRequest(config, alert, Date.now());
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS) });
      const body = await res.text().catch(() => '');
      outcome = classifyDeliveryResponse(res.status, res.headers, body, msg.attempts);
    } catch (err) {
      outcome = classifyNetworkError(msg.attempts, err instanceof Error ? err.message : String(err));
    }

    const now = Date.now();
    if (outcome.kind === 'delivered') {
      await book.markDelivered(alert.alert_id, destination, now);
      log({ level: 'info', msg: 'alert delivered', alert_id: alert.alert_id, destination, attempts: msg.attempts });
      msg.ack();
    } else if (outcome.kind === 'dead' || msg.attempts >= MAX_ATTEMPTS) {
      await book.recordFailure(destination, outcome.reason, now);
      await deadLetter(env, message, outcome.kind === 'dead' ? outcome.reason : `gave up after ${msg.attempts} attempts: ${outcome.reason}`);
      msg.ack();
    } else {
      await book.recordFailure(destination, outcome.reason, now);
      log({ level: 'warn', msg: 'alert delivery will be retried', alert_id: alert.alert_id, destination, attempts: msg.attempts, delay_s: outcome.delaySeconds, reason: outcome.reason });
      msg.retry({ delaySeconds: Math.min(Math.max(0, Math.ceil(outcome.delaySeconds)), 43_200) });
    }
  }
}

/** Straight to the dead-letter queue, with the reason; its consumer files it where it can be seen and re-driven. */
async function deadLetter(env: Env, message: AlertMessage, reason: string): Promise<void> {
  await env.ALERTS_DLQ.send({ ...message, dead_reason: reason }, { contentType: 'json' });
  log({ level: 'error', msg: 'alert dead-lettered', alert_id: message.alert.alert_id, destination: message.destination, reason });
}

/** Messages that exhausted the queue's own retries arrive here; they are kept for inspection and re-drive. */
export async function consumeDeadLetters(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  for (const msg of batch.messages) {
    const parsed = AlertMessage.safeParse(msg.body);
    if (parsed.success) {
      const { dead_reason, ...message } = parsed.data;
      await ledger(env).addDeadLetter(message, dead_reason ?? 'queue retries exhausted', Date.now());
    }
    msg.ack();
  }
}
