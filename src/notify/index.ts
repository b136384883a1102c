import { z } from 'zod';
import type { Alert, Change } from '../schema';

// First alert layer: Slack and plain text. The notify module replaces this whole; the queue consumer and the
// tracker depend only on these exports.

export const DestinationConfig = z.discriminatedUnion('name', [
  z.object({ name: z.literal('slack'), url: z.url({ protocol: /^https?$/ }) }),
]);
export type DestinationConfig = z.infer<typeof DestinationConfig>;

export function destinationsFromEnv(env: Record<string, unknown>): DestinationConfig[] {
  const url = env.SLACK_WEBHOOK_URL;
  if (typeof url !== 'string' || url === '') return [];
  return [DestinationConfig.parse({ name: 'slack', url })];
}

export function wantsAlert(_dest: DestinationConfig, alert: Alert): Alert | null {
  return alert;
}

function qualified(f: { value: number; qualifier: string }): string {
  const word = { exact: '', at_least: 'at least ', approx: 'about ', at_most: 'up to ' }[f.qualifier] ?? '';
  return `${word}${f.value}`;
}

function describeChange(c: Change): string {
  if (!c.from) return `${c.category} ${qualified(c.to)}`;
  const delta = c.to.value - c.from.value;
  const sign = delta > 0 ? `+${delta}` : delta < 0 ? `revised down, −${-delta}` : 'restated';
  return `${c.category} ${qualified(c.from)} → ${qualified(c.to)} (${sign})`;
}

export function alertText(alert: Alert): string {
  const head = `${alert.is_new_incident ? 'New incident: ' : ''}${alert.incident_title} — ${alert.changes.map(describeChange).join(', ')}`;
  return head;
}

export async function buildDeliveryRequest(dest: DestinationConfig, alert: Alert, _nowMs: number) {
  const text = alertText(alert);
  return {
    url: dest.url,
    init: { method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) },
  };
}

export type DeliveryOutcome =
  | { kind: 'delivered' }
  | { kind: 'retry'; delaySeconds: number; reason: string }
  | { kind: 'dead'; reason: string };

export function classifyDeliveryResponse(status: number, headers: Headers, _body: string, attempts: number): DeliveryOutcome {
  if (status >= 200 && status < 300) return { kind: 'delivered' };
  if (status === 429) return { kind: 'retry', delaySeconds: Number(headers.get('retry-after') ?? '5') || 5, reason: 'HTTP 429' };
  if (status >= 400 && status < 500 && ![408, 409, 425].includes(status)) return { kind: 'dead', reason: `HTTP ${status}` };
  return classifyNetworkError(attempts, `HTTP ${status}`);
}

export function classifyNetworkError(attempts: number, reason = 'network error'): DeliveryOutcome {
  return { kind: 'retry', delaySeconds: Math.min(2 ** attempts * 5, 3600), reason };
}
