// When the platform refuses a Durable Object call (an overloaded index, a transient fault), the sender gets a 503
// JSON error with Retry-After, and a resend with the same id is applied once.
import { describe, expect, it } from 'vitest';
import type { Env } from '../../src/env';
import { app } from '../../src/index';
import { webhookHeaders } from '../../src/lib/standard-webhooks';
import { noteFiled, TEST_SECRET } from '../helpers';
import { article } from '../security/articles';
import { env } from '../security/state';

/** An error as the Durable Objects runtime raises it: a plain Error with its flags set. */
function platformError(message: string, flags: { overloaded?: boolean; retryable?: boolean; remote?: boolean }): Error {
  return Object.assign(new Error(message), flags);
}

/** The real env, but every index call throws `err` (the index object itself is never reached). */
function envWithIndexThrowing(err: Error): Env {
  const failing = { file: async () => Promise.reject(err), forget: async () => Promise.reject(err) };
  const namespace = new Proxy(env.INCIDENT_INDEX, {
    get: (target, prop) => {
      if (prop === 'get') return () => failing;
      const value = Reflect.get(target, prop) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value; // native methods need their own `this`
    },
  });
  return { ...env, INCIDENT_INDEX: namespace } as Env;
}

async function post(payload: unknown, webhookId: string, e: Env): Promise<Response> {
  const body = JSON.stringify(payload);
  const headers = await webhookHeaders(TEST_SECRET, webhookId, body);
  return noteFiled(app.request('/v1/articles', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }, e));
}

describe('platform refusals of a Durable Object call', () => {
  it('an overloaded index answers 503 overloaded with Retry-After 5; the same id sent again later is filed once', async () => {
    const payload = article(4, { place: 'Tarragona', incident_id: 'overload-tarragona' });
    const refused = await post(payload, 'msg_overload_1', envWithIndexThrowing(platformError('Durable Object is overloaded. Too many requests queued.', { overloaded: true })));
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    const body = (await refused.json()) as { error: { code: string; message: string; details: { retry_after_s: number } } };
    expect(body.error.code).toBe('overloaded');
    expect(body.error.details.retry_after_s).toBe(5);

    const accepted = await post(payload, 'msg_overload_1', env as Env);
    expect(accepted.status).toBe(200);
    const again = await post(payload, 'msg_overload_1', env as Env);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { duplicate: boolean }).duplicate).toBe(true);
  });

  it('a transient platform error answers 503 unavailable with Retry-After 1', async () => {
    const res = await post(article(2, { place: 'Lleida' }), 'msg_retryable_1', envWithIndexThrowing(platformError('Network connection lost.', { retryable: true })));
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unavailable');
  });

  it('an error thrown by our own object code (remote) stays a 500: a bug is not a busy service', async () => {
    const res = await post(article(2, { place: 'Girona' }), 'msg_remote_1', envWithIndexThrowing(platformError('bug in file', { remote: true, retryable: true })));
    expect(res.status).toBe(500);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('internal_error');
  });
});
