// How the platform's own refusals of a Durable Object call are answered: 503 JSON with Retry-After, never a 500.
import { errorBody } from '../lib/errors';

/** A busy object sheds load: its callers wait a few seconds rather than retry at once and add to the queue. */
export const OVERLOADED_RETRY_AFTER_S = 5;
/** A transient platform error (the object was moving or restarting): the request can be sent again at once. */
export const UNAVAILABLE_RETRY_AFTER_S = 1;

export interface Refusal {
  status: 503;
  body: ReturnType<typeof errorBody>;
  headers: Record<string, string>;
}

function flag(err: unknown, name: 'overloaded' | 'retryable' | 'remote'): boolean {
  return typeof err === 'object' && err !== null && (err as Record<string, unknown>)[name] === true;
}

/**
 * Durable Object infrastructure errors carry `.overloaded` (too many requests queued at one object: the single
 * index under a burst) or `.retryable` (transient); an error our own object code threw carries `.remote` and is a
 * bug, answered 500 elsewhere. The article was not applied, or is safe to send again: its id makes a resend
 * idempotent (the index answers a seen id from storage, the tracker a held report), so nothing is lost or doubled.
 */
export function platformRefusal(err: unknown): Refusal | null {
  if (flag(err, 'remote')) return null;
  if (flag(err, 'overloaded')) {
    return {
      status: 503,
      body: errorBody('overloaded', `the service is busy; send the article again in ${OVERLOADED_RETRY_AFTER_S} s with the same id`, { retry_after_s: OVERLOADED_RETRY_AFTER_S }),
      headers: { 'retry-after': String(OVERLOADED_RETRY_AFTER_S) },
    };
  }
  if (flag(err, 'retryable')) {
    return {
      status: 503,
      body: errorBody('unavailable', `a transient platform error; send the article again in ${UNAVAILABLE_RETRY_AFTER_S} s with the same id`, { retry_after_s: UNAVAILABLE_RETRY_AFTER_S }),
      headers: { 'retry-after': String(UNAVAILABLE_RETRY_AFTER_S) },
    };
  }
  return null;
}
