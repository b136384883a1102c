// The daily digest edge: at each destination's hour, read the changed incidents, and deliver its digest once.
import type { Env } from './env';
import { log } from './lib/log';
import { buildDigestRequest, classifyDeliveryResponse, classifyNetworkError, destinationId, destinationsFromEnv, digestFor, digestHoursFromEnv, digestOf } from './notify';
import { DIGEST_WINDOW_MS } from './notify/digest';
import { classifyApiResponse, deliveryMode } from './notify/threads';
import { ledger, redactCredentials } from './queue/consumer';
import { listIncidents, readIncident } from './durable/read-model-kv';
import type { IncidentSummary, Timeline } from './track/read-model';

const HOUR_MS = 60 * 60 * 1000;
const DELIVERY_TIMEOUT_MS = 10_000;
/** Incidents read for one run (2 KV reads each), most recently changed first, within the subrequest limit. */
export const MAX_DIGEST_INCIDENTS = 20;

export interface DigestOutcome {
  destination: string;
  digest_id: string;
  outcome: 'delivered' | 'retry' | 'nothing_changed' | 'already_sent' | 'not_due' | 'busy';
  incidents?: number;
  reason?: string;
}

type Fetcher = (input: string, init?: RequestInit) => Promise<Response>;

/** The most recent time at or before `nowMs` that is `hour`:00 UTC. */
export function lastDue(nowMs: number, hour: number): number {
  const d = new Date(nowMs);
  const today = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hour);
  return today <= nowMs ? today : today - 24 * HOUR_MS;
}

/**
 * Runs hourly. A destination's digest is due at its hour; one with nothing in it is not sent. Delivery is keyed
 * in the delivery ledger by (digest:<date>, destination) like an alert, so a second run in the same hour sends
 * nothing; a failed send is retried at each following hour until the next day's digest replaces it.
 */
export async function sendDigests(env: Env, nowMs: number, fetcher: Fetcher = (i, init) => fetch(i, init)): Promise<DigestOutcome[]> {
  const destinations = destinationsFromEnv(env);
  const hours = digestHoursFromEnv(env, destinations);
  if (hours.size === 0) return [];
  const book = ledger(env);
  let known: { summary: IncidentSummary; timeline: Timeline | null }[] | null = null;
  const outcomes: DigestOutcome[] = [];
  for (const dest of destinations) {
    const name = destinationId(dest);
    const hour = hours.get(name);
    if (hour === undefined) continue;
    const dueMs = lastDue(nowMs, hour);
    const digestId = `digest:${new Date(dueMs).toISOString().slice(0, 10)}`;
    const base = { destination: name, digest_id: digestId };
    const [status] = await book.statuses([{ alert_id: digestId, destination: name }]);
    if (status?.state === 'delivered' || status?.state === 'dead') {
      outcomes.push({ ...base, outcome: 'already_sent' });
      continue;
    }
    // Past its hour, only a digest that was tried and failed is tried again; an empty one never was.
    if (status?.state === 'unknown' && nowMs - dueMs >= HOUR_MS) {
      outcomes.push({ ...base, outcome: 'not_due' });
      continue;
    }
    known ??= await changedIncidents(env, nowMs - DIGEST_WINDOW_MS - 24 * HOUR_MS);
    const digest = digestFor(dest, digestOf(known, dueMs));
    if (digest.incidents.length === 0) {
      outcomes.push({ ...base, outcome: 'nothing_changed' });
      continue;
    }
    if ((await book.claim(digestId, name, nowMs)) !== 'claimed') {
      outcomes.push({ ...base, outcome: 'busy' });
      continue;
    }
    let outcome;
    try {
      const { url, init } = await buildDigestRequest(dest, digest, digestId, nowMs);
      const res = await fetcher(url, { ...init, signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS) });
      const body = await res.text().catch(() => '');
      // A Slack bot's Web API answers errors with HTTP 200 and ok:false: read it as the alerts' answers are read.
      const api = deliveryMode(dest);
      outcome = api ? classifyApiResponse(api.dest.name, 'post', res.status, res.headers, body, 1) : classifyDeliveryResponse(res.status, res.headers, body, 1);
    } catch (err) {
      outcome = classifyNetworkError(1, err);
    }
    if (outcome.kind === 'delivered') {
      await book.markDelivered(digestId, name, Date.now());
      outcomes.push({ ...base, outcome: 'delivered', incidents: digest.incidents.length });
    } else {
      const reason = redactCredentials(outcome.reason, dest);
      await book.recordRetry(digestId, name, nowMs + HOUR_MS, reason, Date.now());
      outcomes.push({ ...base, outcome: 'retry', incidents: digest.incidents.length, reason });
    }
  }
  for (const o of outcomes) log({ level: o.outcome === 'retry' ? 'warn' : 'info', msg: 'digest', ...o });
  return outcomes;
}

/** Incidents whose last change is after `sinceMs` (from the KV listing's metadata), with summary and timeline. */
async function changedIncidents(env: Env, sinceMs: number): Promise<{ summary: IncidentSummary; timeline: Timeline | null }[]> {
  const listed = (await listIncidents(env.READ_MODEL))
    .filter((i) => i.meta.last_change_ms >= sinceMs && !i.meta.muted)
    .sort((a, b) => b.meta.last_change_ms - a.meta.last_change_ms)
    .slice(0, MAX_DIGEST_INCIDENTS);
  // (one read each: the summary and its timeline are one value)
  const read = await Promise.all(listed.map((i) => readIncident(env.READ_MODEL, i.key)));
  return read.filter((r): r is { summary: IncidentSummary; timeline: Timeline | null } => r.summary !== null);
}
