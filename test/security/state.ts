// A digest of everything a request could store (KV, the index, the trackers), to prove a refusal changed nothing.
import { env as rawEnv } from 'cloudflare:workers';
import type { Env } from '../../src/env';
import { listDurableObjectIds, runInDurableObject } from 'cloudflare:test';
import { sha256Hex } from '../../src/lib/hash';

/** The test env typed as the worker's Env (test/env.d.ts's merge does not reach these bindings under tsc 7). */
export const env = rawEnv as unknown as Env;

/**
 * A digest of everything tollwatch stores: every KV key with its value and metadata, and every table row of
 * every Durable Object that holds durable state (index, trackers, ledger). Two equal digests mean no refused
 * request touched storage. (The rate limiter is in memory by design and is not state.)
 */
export interface DigestOptions {
  /** Leave out the delivery ledger (written in the background by queue deliveries). */
  withoutLedger?: boolean;
  /**
   * Dump only these incidents' trackers (by key) plus the number of tracker objects: a request that touched any
   * other tracker would have created it and changed the count. Keeps a digest cheap when there are many.
   */
  trackers?: Iterable<string>;
  /**
   * Only the authoritative state: the index and the trackers' state, report log and actions. Leaves out the
   * outbox (rows leave once the ledger has the delivery), the KV read model and the trackers' `meta` bookkeeping, which a coalesced flush (an alarm up to 1 s after the
   * request that caused it) rewrites on its own schedule; check those with `readModelMatches` once quiet.
   */
  authoritativeOnly?: boolean;
}

export async function stateDigest(opts: DigestOptions = {}): Promise<string> {
  const parts = await stateParts(opts);
  lastParts = parts;
  return sha256Hex(parts.join('\n'));
}

/**
 * A digest once background work has finished: queued deliveries write the ledger after the chat service
 * answered, and a coalesced flush rewrites KV up to a second after a request. Waits until no tracker has a
 * flush pending (`kv_dirty`) or an alert in its outbox, and two digests in a row agree.
 */
export async function quietStateDigest(opts: DigestOptions = {}, gapMs = 400, tries = 40): Promise<string> {
  // A flush owed, or an alert not yet acked back by the consumer (the local queue batches for up to a second).
  const pending = () => lastParts.some((part) => part.includes('{"k":"kv_dirty","v":"1"}') || /;outbox=\[\{/.test(part));
  let previous = await stateDigest(opts);
  for (let i = 0; i < tries; i++) {
    await new Promise((r) => setTimeout(r, gapMs));
    const next = await stateDigest(opts);
    if (next === previous && !pending()) return next;
    previous = next;
  }
  return previous;
}

let lastParts: string[] = [];

/** What differs between two digests' parts, for a failure message (each part cut to 300 characters). */
export function partsDiff(before: readonly string[], after: readonly string[]): string {
  const b = new Set(before);
  const a = new Set(after);
  const cut = (x: string) => x.slice(0, 300);
  return `removed: ${JSON.stringify(before.filter((x) => !a.has(x)).map(cut))}; added: ${JSON.stringify(after.filter((x) => !b.has(x)).map(cut))}`;
}

/** The parts behind the last digest (for a failure message: which key or table changed). */
export function lastStateParts(): string[] {
  return lastParts;
}

export async function stateParts(opts: DigestOptions = {}): Promise<string[]> {
  const parts: string[] = [];
  let cursor: string | undefined;
  for (; !opts.authoritativeOnly; ) {
    const page = await env.READ_MODEL.list(cursor ? { cursor } : {});
    for (const k of page.keys) parts.push(`kv:${k.name}:${JSON.stringify(k.metadata ?? null)}:${await env.READ_MODEL.get(k.name)}`);
    if (page.list_complete) break;
    cursor = page.cursor;
  }
  for (const ns of ['INCIDENT_INDEX', 'INCIDENT_TRACKER', ...(opts.withoutLedger ? [] : ['DELIVERY_LEDGER' as const])] as const) {
    const namespace = env[ns] as DurableObjectNamespace;
    let ids = (await listDurableObjectIds(namespace)).map(String);
    if (ns === 'INCIDENT_TRACKER' && opts.trackers) {
      parts.push(`${ns}:count:${ids.length}`);
      ids = [...opts.trackers].map((key) => namespace.idFromName(key).toString());
    }
    for (const id of ids.sort()) {
      const stub = namespace.get(namespace.idFromString(id));
      // The outbox is drained in the background too: the consumer acks each delivered alert back to its tracker.
      const skip = ns === 'INCIDENT_TRACKER' && opts.authoritativeOnly ? ['meta', 'outbox'] : [];
      parts.push(`${ns}:${id}:${await runInDurableObject(stub, (_i, state) => dumpSql(state.storage.sql, skip))}`);
    }
  }
  return parts;
}

function dumpSql(sql: SqlStorage, skip: string[] = []): string {
  const tables = sql
    .exec<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' ORDER BY name`)
    .toArray()
    .map((r) => r.name)
    .filter((t) => !skip.includes(t));
  return tables.map((t) => `${t}=${JSON.stringify(sql.exec(`SELECT * FROM "${t}"`).toArray())}`).join(';');
}

/**
 * Waits for the incidents' pending read-model flushes, then checks KV shows what each tracker holds (same state
 * version, one timeline entry per logged report). Returns the mismatches.
 */
export async function readModelMismatches(keys: Iterable<string>): Promise<string[]> {
  const out: string[] = [];
  for (const key of keys) {
    const stub = env.INCIDENT_TRACKER.get(env.INCIDENT_TRACKER.idFromName(key));
    // The alarm also guards undelivered alerts (up to a minute out), so wait on the flush flag, not the alarm.
    for (let i = 0; i < 40; i++) {
      const dirty = await runInDurableObject(stub, (_i, state) => state.storage.sql.exec<{ v: string }>(`SELECT v FROM meta WHERE k = 'kv_dirty'`).toArray()[0]?.v);
      if (dirty !== '1') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const held = await runInDurableObject(stub, (_i, state) => ({
      version: (JSON.parse(state.storage.sql.exec<{ json: string }>(`SELECT json FROM state`).one().json) as { version: number }).version,
      reports: state.storage.sql.exec<{ n: number }>(`SELECT COUNT(*) AS n FROM reports`).one().n,
    }));
    const summary = await env.READ_MODEL.get<{ version: number; timeline?: { entries: Array<{ kind: string }> } }>(`incident:${key}`, 'json');
    const timeline = summary?.timeline;
    const shown = timeline?.entries.filter((e) => e.kind === 'report').length ?? -1;
    if (summary?.version !== held.version) out.push(`${key}: KV version ${summary?.version} ≠ tracker ${held.version}`);
    // Reports that changed nothing are logged without dirtying the read model: the timeline may trail by those.
    if (shown > held.reports || shown < 1) out.push(`${key}: KV timeline has ${shown} reports, tracker ${held.reports}`);
  }
  return out;
}
