// The alert destinations of one env object, validated once: a Worker's env does not change for an isolate's life.
import { destinationsFromEnv, type DestinationConfig } from '../notify';

const validated = new WeakMap<object, DestinationConfig[]>();

/**
 * `destinationsFromEnv`, remembered per env object. Every article request and every queue batch asks, and the
 * answer is a Zod parse of every destination setting; only a valid answer is kept, so a misconfiguration
 * throws on every call, as before.
 */
export function destinationsOf(env: object): DestinationConfig[] {
  let list = validated.get(env);
  if (!list) {
    list = destinationsFromEnv(env as Record<string, unknown>);
    validated.set(env, list);
  }
  return list;
}
