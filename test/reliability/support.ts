// Test support for the delivery tests: swapping a live Durable Object's bindings, running the queue consumer.
import { createExecutionContext, createMessageBatch, getQueueResult, runInDurableObject } from 'cloudflare:test';
import worker from '../../src/index';
import type { Env } from '../../src/env';
import type { AlertMessage } from '../../src/schema';
import { env } from '../security/state';

export const tracker = (key: string) => env.INCIDENT_TRACKER.get(env.INCIDENT_TRACKER.idFromName(key));

/**
 * In the Workers pool a Durable Object runs in the test's isolate, so runInDurableObject hands us the live
 * instance: its `env` can be swapped for one with a failing or hanging binding while it keeps its real code.
 */
export async function overrideEnv(key: string, overrides: Partial<Env>): Promise<void> {
  await runInDurableObject(tracker(key), (instance) => {
    const inner = instance as unknown as { env: Env };
    Object.defineProperty(inner, 'env', { value: { ...inner.env, ...overrides }, configurable: true, writable: true });
  });
}

/** Reads the tracker's own SQLite (outbox rows, meta flags) and its alarm. */
export async function trackerStorage(key: string): Promise<{ outbox: number; meta: Record<string, string>; alarm: number | null }> {
  return runInDurableObject(tracker(key), async (_instance, state) => {
    const outbox = state.storage.sql.exec<{ n: number }>(`SELECT COUNT(*) AS n FROM outbox`).one().n;
    const meta = Object.fromEntries(state.storage.sql.exec<{ k: string; v: string }>(`SELECT k, v FROM meta`).toArray().map((r) => [r.k, r.v]));
    return { outbox, meta, alarm: await state.storage.getAlarm() };
  });
}

/** A promise and the function that settles it: a binding call that "hangs" until the test lets it go. */
export function gate(): { wait: Promise<void>; open: () => void } {
  let open = () => {};
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { wait, open };
}

/** Runs the real queue handler on a hand-made batch; returns what it acked and retried. */
export async function consume(bodies: unknown[], overrides: Partial<Env> = {}) {
  const batch = createMessageBatch(
    'tollwatch-alerts',
    bodies.map((body, i) => ({ id: `m${i}`, timestamp: new Date(), attempts: 1, body })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch as MessageBatch<unknown>, { ...env, ...overrides } as Env);
  return getQueueResult(batch, ctx);
}

/** A small, valid Slack alert message for incident `key` (alert id `key:v1`). */
export function slackAlert(key: string, killed: number): AlertMessage {
  return {
    v: 1,
    destination: 'slack',
    alert: {
      v: 1,
      alert_id: `${key}:v1`,
      incident_key: key,
      incident_title: key,
      incident_type: null,
      places: [],
      is_new_incident: true,
      changes: [{ kind: 'casualty', category: 'killed', from: null, to: { value: killed, qualifier: 'exact' }, change: 'new', quote: `${killed} people were killed.` }],
      outlet: 'Example Wire',
      published_ms: 0,
      created_ms: 0,
      corroboration: { killed: 1 },
    },
  };
}
