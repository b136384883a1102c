// The per-sender rate limiter: one Durable Object per sender id holding a token bucket.
import { DurableObject } from 'cloudflare:workers';
import type { Env } from '../env';

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * A token bucket per sender (one object per sender id). In memory on purpose: a limiter that forgets its
 * bucket when evicted errs on the side of letting a sender through, and costs no storage writes.
 */
export class RateLimiter extends DurableObject<Env> {
  private tokens = -1;
  private updatedMs = 0;

  async take(limitPerMinute: number, nowMs: number): Promise<RateDecision> {
    const capacity = Math.max(1, limitPerMinute);
    const refillPerMs = capacity / 60_000;
    if (this.tokens < 0) {
      this.tokens = capacity;
      this.updatedMs = nowMs;
    }
    this.tokens = Math.min(capacity, this.tokens + (nowMs - this.updatedMs) * refillPerMs);
    this.updatedMs = nowMs;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - this.tokens) / refillPerMs / 1000)) };
  }
}
