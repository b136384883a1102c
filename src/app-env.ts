// Hono's typing for this app: the Worker's bindings and the per-request values routes share.
import type { Env } from './env';

/** Hono's typing for this app: the Worker env and per-request values the logger reads. */
export interface AppEnv {
  Bindings: Env;
  Variables: { incident: string | undefined };
}
