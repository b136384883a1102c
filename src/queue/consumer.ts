// The alerts queue consumer: claims, delivers, retries or dead-letters each alert, and acks back to its outbox.
import { Settings, type Env } from '../env';
import * as z from 'zod';
import { lazy } from '../lib/lazy';
import { alertLinks, backoffSeconds, buildDeliveryRequest, type DestinationConfig, classifyDeliveryResponse, classifyNetworkError, destinationId, MAX_DELAY_SECONDS, type DeliveryOutcome } from '../notify';
import { AlertMessage } from '../schema';
import { log } from '../lib/log';
import { deliveryMode } from '../notify/threads';
import { destinationsOf } from './destinations';
import { deliverViaApi } from './threads';

/**
 * After this many attempts a message is dead-lettered by us (with its reason) rather than retried again: with the
 * default backoff (10 s doubling, capped at an hour) 16 attempts span about 7.4 hours, so a chat outage of a
 * working morning delays alerts instead of dead-lettering them after 21 minutes.
 */
export const MAX_ATTEMPTS = 16;
const DELIVERY_TIMEOUT_MS = 10_000;
const BACKOFF_CAP_SECONDS = 3_600;

/**
 * Retry pacing, from optional settings (strings, like every var):
 *   RETRY_BASE_SECONDS     backoff base: base·2^attempts s (default 5 → 10 s, 20 s, 40 s … capped at an hour);
 *                          fractions allowed, 0 retries at once. Only plain backoff is scaled: a delay the
 *                          service asked for (429 Retry-After, Discord/Telegram retry_after) is always honoured.
 *   MAX_DELIVERY_ATTEMPTS  attempts before a message is dead-lettered (default 16; keep ≤ the queue's max_retries + 1).
 * Fault drills and end-to-end tests shorten both; production leaves them unset.
 */
const RetrySettings = lazy(() =>
  z.object({
    RETRY_BASE_SECONDS: z.coerce.number().min(0).max(3_600).catch(5).default(5),
    MAX_DELIVERY_ATTEMPTS: z.coerce.number().int().min(1).max(100).catch(MAX_ATTEMPTS).default(MAX_ATTEMPTS),
  }),
);
export type RetrySettings = { base: number; maxAttempts: number };

export function retrySettings(env: Record<string, unknown>): RetrySettings {
  const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
  const s = RetrySettings.parse({ RETRY_BASE_SECONDS: blank(env.RETRY_BASE_SECONDS), MAX_DELIVERY_ATTEMPTS: blank(env.MAX_DELIVERY_ATTEMPTS) });
  return { base: s.RETRY_BASE_SECONDS, maxAttempts: s.MAX_DELIVERY_ATTEMPTS };
}

/** The delay for a retry: the service's own hint as given; plain backoff rescaled to the configured base. */
export function retryDelaySeconds(outcome: { delaySeconds: number }, attempts: number, settings: RetrySettings): number {
  const plainBackoff = outcome.delaySeconds === backoffSeconds(attempts);
  const seconds = plainBackoff ? Math.min(settings.base * 2 ** Math.max(1, attempts), BACKOFF_CAP_SECONDS) : outcome.delaySeconds;
  return Math.min(Math.max(0, Math.ceil(seconds)), MAX_DELAY_SECONDS);
}

/**
 * Webhook URLs and bot tokens are credentials. A failure's reason (a runtime's network error, a proxy's error
 * page) may quote the URL it was fetching; it goes to logs, the ledger, /health and dead letters, so strip them.
 */
export function redactCredentials(text: string, config: DestinationConfig): string {
  const secrets: string[] = [];
  for (const [field, value] of Object.entries(config)) {
    if (typeof value !== 'string' || field === 'name' || field === 'id' || field === 'api_base') continue;
    secrets.push(value);
    if (field === 'url') {
      try {
        const u = new URL(value);
        if (u.pathname.length > 1) secrets.push(u.pathname, encodeURI(u.pathname), u.pathname.slice(1));
        if (u.search.length > 1) secrets.push(u.search.slice(1));
      } catch {
        // not a URL: the whole value is already listed
      }
    }
  }
  let out = text;
  for (const secret of secrets.filter((x) => x.length >= 6).sort((a, b) => b.length - a.length)) out = out.split(secret).join('[redacted]');
  return out;
}

export function ledger(env: Env) {
  return env.DELIVERY_LEDGER.get(env.DELIVERY_LEDGER.idFromName('global'));
}

/** The incident tracker whose outbox holds this alert (trackers are named by incident key). */
function outboxOf(env: Env, alert: AlertMessage['alert']) {
  return env.INCIDENT_TRACKER.get(env.INCIDENT_TRACKER.idFromName(alert.incident_key));
}

/**
 * Tells the tracker its outbox row is settled (delivered or dead-lettered) so it stops re-offering it. Best
 * effort: if this fails, the tracker's alarm finds the same answer in the ledger.
 */
async function settleOutbox(env: Env, message: AlertMessage): Promise<void> {
  await settleOutboxes(env, [message]);
}

/** `settleOutbox` for many messages: one call per incident, the incidents in parallel. */
async function settleOutboxes(env: Env, messages: readonly AlertMessage[]): Promise<void> {
  const byIncident = new Map<string, AlertMessage[]>();
  for (const m of messages) byIncident.set(m.alert.incident_key, [...(byIncident.get(m.alert.incident_key) ?? []), m]);
  await Promise.all(
    [...byIncident.values()].map(async (list) => {
      try {
        await outboxOf(env, list[0]!.alert).settleMany(list.map((m) => ({ alert_id: m.alert.alert_id, destination: m.destination })));
      } catch (err) {
        log({ level: 'warn', msg: 'outbox settle failed; the tracker alarm will ask the ledger', alert_id: list.map((m) => m.alert.alert_id).join(', '), error: String(err) });
      }
    }),
  );
}

interface Pending {
  msg: Message<unknown>;
  message: AlertMessage;
}

/**
 * Delivers each alert message to its destination. The batch is claimed in the ledger in one call (already
 * delivered, dead, or another copy being sent → ack this copy); the claimed messages are POSTed, each destination's
 * in batch order and the destinations side by side; the deliveries are recorded in one ledger call before they are
 * acked, then acked back to their trackers' outboxes, one call per incident. Failures, rare, go one by one: 429 →
 * retry after the service's delay; permanent 4xx → dead letter; others → exponential backoff, then dead letter after
 * MAX_ATTEMPTS. (One round trip per message per step made a batch's CPU and wall time grow with its size.)
 */
export async function consumeAlerts(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const book = ledger(env);
  const destinations = destinationsOf(env);
  const pacing = retrySettings(env);
  // A malformed PUBLIC_URL refuses articles at the edge and shows in /health; here it only drops the link,
  // so alerts already queued still go out.
  const publicUrl = Settings.shape.PUBLIC_URL.safeParse(env.PUBLIC_URL).data;
  const decoded: Pending[] = [];
  for (const msg of batch.messages) {
    const parsed = AlertMessage.safeParse(msg.body);
    if (!parsed.success) {
      log({ level: 'error', msg: 'undecodable alert message dropped', id: msg.id });
      msg.ack();
      continue;
    }
    decoded.push({ msg, message: parsed.data });
  }
  if (decoded.length === 0) return;

  const claims = await book.claimMany(decoded.map(({ message }) => ({ alert_id: message.alert.alert_id, destination: message.destination })), Date.now());
  const settled: AlertMessage[] = [];
  const byDestination = new Map<string, Pending[]>();
  decoded.forEach((p, i) => {
    const claim = claims[i];
    if (claim === 'claimed') {
      byDestination.set(p.message.destination, [...(byDestination.get(p.message.destination) ?? []), p]);
      return;
    }
    // Delivered or dead: settled. Busy: another copy is being sent; the outbox keeps the alert if it fails.
    if (claim !== 'busy') settled.push(p.message);
    p.msg.ack();
  });

  const delivered: Array<{ pending: Pending; status: number | undefined; at: number }> = [];
  const failed: Array<{ pending: Pending; outcome: Exclude<DeliveryOutcome, { kind: 'delivered' }>; at: number }> = [];
  await Promise.all(
    [...byDestination].map(async ([destination, list]) => {
      const config = destinations.find((d) => destinationId(d) === destination);
      for (const pending of list) {
        if (!config) {
          await deadLetter(env, pending.message, `destination ${destination} is no longer configured`);
          pending.msg.ack();
          continue;
        }
        let outcome: DeliveryOutcome;
        let status: number | undefined;
        const { alert } = pending.message;
        const links = alertLinks(publicUrl, alert.incident_key);
        const api = deliveryMode(config);
        if (api) {
          // Slack bot, Discord/Telegram threads: several requests per alert, each step recorded in the ledger.
          const redact = (text: string) => redactCredentials(text, config);
          ({ outcome, status } = await deliverViaApi({ book, ...api, alert, destination, attempts: pending.msg.attempts, links, timeoutMs: DELIVERY_TIMEOUT_MS, redact }));
        } else {
          try {
            const { url, init } = await buildDeliveryRequest(config, alert, Date.now(), links);
            const res = await fetch(url, { ...init, signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS) });
            const body = await res.text().catch(() => '');
            status = res.status;
            outcome = classifyDeliveryResponse(res.status, res.headers, body, pending.msg.attempts);
          } catch (err) {
            outcome = classifyNetworkError(pending.msg.attempts, err);
          }
        }
        if (outcome.kind === 'delivered') delivered.push({ pending, status, at: Date.now() });
        else failed.push({ pending, outcome: { ...outcome, reason: redactCredentials(outcome.reason, config) }, at: Date.now() });
      }
    }),
  );

  if (delivered.length > 0) {
    await book.markDeliveredMany(delivered.map(({ pending: { message }, at }) => ({ alert_id: message.alert.alert_id, destination: message.destination, at_ms: at })));
    for (const { pending, status } of delivered) {
      const { alert, destination } = pending.message;
      // A Teams Workflows URL answers 202 once the flow has the card; the flow posts it afterwards, and a failure
      // there shows only in the flow's run history. Say which of the two this log line means.
      const accepted = status === 202;
      log({ level: 'info', msg: accepted ? 'alert accepted by the destination (202: queued by its workflow, not yet posted)' : 'alert delivered', alert_id: alert.alert_id, destination, attempts: pending.msg.attempts, status });
      settled.push(pending.message);
      pending.msg.ack();
    }
  }

  for (const { pending, outcome, at } of failed) {
    const { msg, message } = pending;
    const { alert, destination } = message;
    if (outcome.kind === 'dead' || msg.attempts >= pacing.maxAttempts) {
      await book.recordFailure(destination, outcome.reason, at);
      await deadLetter(env, message, outcome.kind === 'dead' ? outcome.reason : `gave up after ${msg.attempts} attempts: ${outcome.reason}`);
      msg.ack();
    } else {
      const delaySeconds = retryDelaySeconds(outcome, msg.attempts, pacing);
      await book.recordRetry(alert.alert_id, destination, at + delaySeconds * 1000, outcome.reason, at);
      log({ level: 'warn', msg: 'alert delivery will be retried', alert_id: alert.alert_id, destination, attempts: msg.attempts, delay_s: delaySeconds, reason: outcome.reason });
      msg.retry({ delaySeconds });
    }
  }
  await settleOutboxes(env, settled);
}

/**
 * Filed straight in the ledger (visible, re-drivable, and "settled" for the outbox), not through the DLQ: a
 * local queue lives in memory, so a letter parked there would be lost with a crash.
 */
async function deadLetter(env: Env, message: AlertMessage, reason: string): Promise<void> {
  await ledger(env).addDeadLetter(message, reason, Date.now());
  log({ level: 'error', msg: 'alert dead-lettered', alert_id: message.alert.alert_id, destination: message.destination, reason });
  await settleOutbox(env, message);
}

/** Messages that exhausted the queue's own retries arrive here; they are kept for inspection and re-drive. */
export async function consumeDeadLetters(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  for (const msg of batch.messages) {
    const parsed = AlertMessage.safeParse(msg.body);
    if (parsed.success) {
      const { dead_reason, ...message } = parsed.data;
      await ledger(env).addDeadLetter(message, dead_reason ?? 'queue retries exhausted', Date.now());
      await settleOutbox(env, message);
    }
    msg.ack();
  }
}
