/**
 * Benchmark-only entry module: the real worker with every binding wrapped in a counter, so the cost
 * benchmark can read what one article actually does (Durable Object RPC calls and their wall time as the
 * caller sees it, KV operations, queue messages, SQLite rows read and written, alarms). Never deployed:
 * bench/cost.ts passes it as `entrypoint` to unstable_startWorker. GET /__bench/counts returns the tallies,
 * POST /__bench/reset zeroes them. Local workerd runs the worker and its Durable Objects in one isolate,
 * so one module-level tally sees both (cost.ts checks this by cross-checking against the chat sink).
 */
import worker, {
  DeliveryLedger as RealDeliveryLedger,
  IncidentIndex as RealIncidentIndex,
  IncidentTracker as RealIncidentTracker,
  RateLimiter as RealRateLimiter,
} from '../../src/index';
import type { Env } from '../../src/env';

type Tally = Record<string, number>;
let counts: Tally = {};
let cursors: Array<{ cls: string; cursor: SqlStorageCursor<Record<string, SqlStorageValue>> }> = [];

function bump(key: string, n = 1): void {
  counts[key] = (counts[key] ?? 0) + n;
}

const DO_BINDINGS = new Set(['INCIDENT_TRACKER', 'INCIDENT_INDEX', 'DELIVERY_LEDGER', 'RATE_LIMITER']);
const KV_BINDINGS = new Set(['READ_MODEL']);
const QUEUE_BINDINGS = new Set(['ALERTS', 'ALERTS_DLQ']);

/**
 * A stand-in for a Durable Object stub: any method name becomes a counted RPC call on the real stub.
 * (A Proxy whose target is the stub itself does not work: workerd refuses to serialise the call.)
 */
function wrapStub(binding: string, stub: object): object {
  const real = stub as Record<string, (...a: unknown[]) => unknown>;
  return new Proxy(
    {},
    {
      get(_t, prop) {
        if (typeof prop !== 'string' || prop === 'then') return undefined;
        if (prop === 'id' || prop === 'name') return (stub as Record<string, unknown>)[prop];
        return (...args: unknown[]) => {
          bump(`do.${binding}.${prop}`);
          const started = Date.now();
          return Promise.resolve(real[prop]!(...args)).finally(() => bump(`do_ms.${binding}`, Date.now() - started));
        };
      },
    },
  );
}

function wrapNamespace(binding: string, ns: DurableObjectNamespace): DurableObjectNamespace {
  return new Proxy(ns, {
    get(target, prop) {
      const value = Reflect.get(target, prop) as unknown;
      if (prop === "get") return (id: DurableObjectId) => wrapStub(binding, target.get(id));
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function wrapKv(binding: string, kv: KVNamespace): KVNamespace {
  return new Proxy(kv, {
    get(target, prop) {
      const value = Reflect.get(target, prop) as unknown;
      if (typeof prop !== 'string' || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const op = prop === 'getWithMetadata' ? 'get' : prop;
        bump(`kv.${binding}.${op}`);
        if (op === 'put') bump(`kv_bytes.${binding}`, typeof args[1] === 'string' ? new TextEncoder().encode(args[1]).length : 0);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

function wrapQueue(binding: string, q: Queue): Queue {
  return new Proxy(q, {
    get(target, prop) {
      const value = Reflect.get(target, prop) as unknown;
      if (typeof prop !== 'string' || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const batch = prop === 'sendBatch' ? (args[0] as unknown[]) : null;
        bump(`queue.${binding}.calls`);
        bump(`queue.${binding}.messages`, batch ? batch.length : 1);
        const bodies = batch ? batch.map((m) => (m as { body: unknown }).body) : [args[0]];
        for (const b of bodies) bump(`queue_bytes.${binding}`, JSON.stringify(b).length);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

const wrapped = new WeakMap<object, Env>();
function wrapEnv(env: Env): Env {
  const cached = wrapped.get(env);
  if (cached) return cached;
  const out: Record<string, unknown> = { ...env };
  for (const [k, v] of Object.entries(env)) {
    if (DO_BINDINGS.has(k)) out[k] = wrapNamespace(k, v as DurableObjectNamespace);
    else if (KV_BINDINGS.has(k)) out[k] = wrapKv(k, v as KVNamespace);
    else if (QUEUE_BINDINGS.has(k)) out[k] = wrapQueue(k, v as Queue);
  }
  wrapped.set(env, out as Env);
  return out as Env;
}

/** Records every cursor a class's SQL makes; rowsRead/rowsWritten are summed when counts are read. */
function instrumentSql(cls: string, ctx: DurableObjectState): void {
  const sql = ctx.storage.sql;
  const exec = sql.exec.bind(sql);
  const patched = ((query: string, ...bindings: unknown[]) => {
    const cursor = exec(query, ...(bindings as SqlStorageValue[]));
    cursors.push({ cls, cursor });
    bump(`sql_statements.${cls}`);
    return cursor;
  }) as SqlStorage['exec'];
  Object.defineProperty(sql, 'exec', { value: patched, configurable: true, writable: true });
  if (ctx.storage.sql.exec !== patched) bump(`sql_uninstrumented.${cls}`);
}

export class IncidentTracker extends RealIncidentTracker {
  constructor(ctx: DurableObjectState, env: Env) {
    bump('do_instances.IncidentTracker');
    instrumentSql('IncidentTracker', ctx);
    super(ctx, wrapEnv(env));
  }
  override async alarm(): Promise<void> {
    bump('do_alarms.IncidentTracker');
    const started = Date.now();
    try {
      await super.alarm();
    } finally {
      bump('do_alarm_ms.IncidentTracker', Date.now() - started);
    }
  }
}

export class IncidentIndex extends RealIncidentIndex {
  constructor(ctx: DurableObjectState, env: Env) {
    bump('do_instances.IncidentIndex');
    instrumentSql('IncidentIndex', ctx);
    super(ctx, wrapEnv(env));
  }
}

export class DeliveryLedger extends RealDeliveryLedger {
  constructor(ctx: DurableObjectState, env: Env) {
    bump('do_instances.DeliveryLedger');
    instrumentSql('DeliveryLedger', ctx);
    super(ctx, wrapEnv(env));
  }
}

export class RateLimiter extends RealRateLimiter {
  constructor(ctx: DurableObjectState, env: Env) {
    bump('do_instances.RateLimiter');
    super(ctx, wrapEnv(env));
  }
}

function snapshot(): Tally {
  const out: Tally = { ...counts };
  for (const { cls, cursor } of cursors) {
    out[`sql_rows_read.${cls}`] = (out[`sql_rows_read.${cls}`] ?? 0) + cursor.rowsRead;
    out[`sql_rows_written.${cls}`] = (out[`sql_rows_written.${cls}`] ?? 0) + cursor.rowsWritten;
  }
  return out;
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const path = new URL(request.url).pathname;
    if (path === '/__bench/counts') return Response.json(snapshot());
    if (path === '/__bench/reset') {
      counts = {};
      cursors = [];
      return Response.json({ ok: true });
    }
    bump('worker.fetch');
    return worker.fetch(request, wrapEnv(env), ctx);
  },
  async queue(batch: MessageBatch<unknown>, env: Env, ctx: ExecutionContext): Promise<void> {
    bump(`worker.queue.${batch.queue}`);
    bump(`queue_delivered.${batch.queue}`, batch.messages.length);
    void ctx;
    return worker.queue(batch, wrapEnv(env));
  },
} satisfies ExportedHandler<Env>;
