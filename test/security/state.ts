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
export async function stateDigest(): Promise<string> {
  const parts: string[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await env.READ_MODEL.list(cursor ? { cursor } : {});
    for (const k of page.keys) parts.push(`kv:${k.name}:${JSON.stringify(k.metadata ?? null)}:${await env.READ_MODEL.get(k.name)}`);
    if (page.list_complete) break;
    cursor = page.cursor;
  }
  for (const ns of ['INCIDENT_INDEX', 'INCIDENT_TRACKER', 'DELIVERY_LEDGER'] as const) {
    const namespace = env[ns] as DurableObjectNamespace;
    const ids = await listDurableObjectIds(namespace);
    for (const id of ids.map(String).sort()) {
      const stub = namespace.get(namespace.idFromString(id));
      parts.push(`${ns}:${id}:${await runInDurableObject(stub, (_i, state) => dumpSql(state.storage.sql))}`);
    }
  }
  return sha256Hex(parts.join('\n'));
}

function dumpSql(sql: SqlStorage): string {
  const tables = sql
    .exec<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' ORDER BY name`)
    .toArray()
    .map((r) => r.name);
  return tables.map((t) => `${t}=${JSON.stringify(sql.exec(`SELECT * FROM "${t}"`).toArray())}`).join(';');
}
