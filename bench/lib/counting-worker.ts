/**
 * Benchmark-only entry module: the real worker with every binding wrapped in a counter, so the cost
 * benchmark can read what one article actually does (Durable Object RPC calls and their wall time as the
 * caller sees it, KV operations, queue messages, SQLite rows read and written, alarms). Never deployed:
 * bench/cost.ts passes it as `entrypoint` to unstable_startWorker. GET /__bench/counts returns the tallies,
 * POST /__bench/reset zeroes them. Local workerd runs the worker and its Durable Objects in one isolate,
 * so one module-level tally sees both (cost.ts checks this by cross-checking against the chat sink).
 *
 * CPU per invocation (bench/invocations.ts): every invocation — the Worker's fetch, each queue batch, each
 * Durable Object RPC method and alarm — runs inside an AsyncLocalStorage frame that records its wall time and
 * the time it spent waiting on I/O it awaited (another object's RPC, KV, the queue, fetch). Local workerd's
 * clock advances during synchronous code (unlike production's), so wall − awaited I/O is the time the
 * invocation held the thread: its CPU, SQLite included. A Durable Object's first invocation also carries its
 * constructor (schema creation), as production bills it. GET /__bench/cpu returns the samples.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import worker, {
  DeliveryLedger as RealDeliveryLedger,
  IncidentIndex as RealIncidentIndex,
  IncidentTracker as RealIncidentTracker,
  RateLimiter as RealRateLimiter,
} from '../../src/index';
import type { FilingCall } from '../../src/durable/incident-index';
// (the feeds' state takes no part in filing an article: exported as it is, so the bindings resolve)
export { FeedState } from '../../src/index';
import type { Env } from '../../src/env';
import { timeSections } from './request-sections';

type Tally = Record<string, number>;
let counts: Tally = {};
let cursors: Array<{ cls: string; query: string; cursor: SqlStorageCursor<Record<string, SqlStorageValue>> }> = [];

interface Invocation {
  ioMs: number;
  inflight: number;
  ioStart: number;
}
const frames = new AsyncLocalStorage<Invocation>();
let cpuSamples: Record<string, number[]> = {};
/** Each sample's [start, end] in epoch ms (local workerd's Date.now() is the machine's clock), in the same order. */
let cpuSpans: Record<string, Array<[number, number]>> = {};

/** Runs one invocation in its own frame and records its CPU (wall minus awaited I/O) under `name`. */
async function invocation<T>(name: string, extraMs: number, fn: () => Promise<T> | T, perUnits = 1): Promise<T> {
  const inv: Invocation = { ioMs: 0, inflight: 0, ioStart: 0 };
  const started = performance.now();
  const startedAt = Date.now() - extraMs;
  try {
    return await frames.run(inv, fn);
  } finally {
    const cpu = performance.now() - started - inv.ioMs + extraMs;
    (cpuSamples[name] ??= []).push(cpu);
    (cpuSpans[name] ??= []).push([startedAt, Date.now()]);
    if (perUnits > 1) (cpuSamples[`${name} (per message)`] ??= []).push(cpu / perUnits);
  }
}

/**
 * Counts the time from calling `start` until its promise settles as I/O of the current invocation (overlapping
 * waits counted once). The call itself is inside: locally a Durable Object can be created, constructed and even
 * run synchronously inside its caller's stub call, which in production happens elsewhere. The cost is that the
 * caller's serialisation of its arguments counts as I/O (sub-millisecond for these payloads).
 */
function io<T>(start: () => Promise<T> | T): Promise<T> {
  const inv = frames.getStore();
  if (!inv) return Promise.resolve(start());
  if (inv.inflight++ === 0) inv.ioStart = performance.now();
  const done = () => {
    if (--inv.inflight === 0) inv.ioMs += performance.now() - inv.ioStart;
  };
  let p: Promise<T>;
  try {
    p = Promise.resolve(start());
  } catch (err) {
    done();
    throw err;
  }
  return p.finally(done);
}

const realFetch = globalThis.fetch.bind(globalThis);
globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => io(() => realFetch(input, init))) as typeof fetch;

/**
 * Body reads and WebCrypto calls can give the event loop a turn, in which other invocations (queue batches,
 * alarms) run and would be charged to the waiting one. Their own CPU (hashing a few KB) is microseconds: a
 * smaller error than the one it removes.
 */
function asIo<K extends string>(proto: Record<K, unknown>, names: readonly K[]): void {
  for (const name of names) {
    const real = proto[name] as (...a: unknown[]) => Promise<unknown>;
    proto[name] = function (this: unknown, ...args: unknown[]) {
      return io(() => real.apply(this, args));
    } as never;
  }
}
asIo(ReadableStreamDefaultReader.prototype as unknown as Record<'read', unknown>, ['read']);
asIo(Object.getPrototypeOf(crypto.subtle) as Record<'digest' | 'sign' | 'verify' | 'importKey', unknown>, ['digest', 'sign', 'verify', 'importKey']);

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
          return io(() => real[prop]!(...args)).finally(() => bump(`do_ms.${binding}`, Date.now() - started));
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
        return io(() => (value as (...a: unknown[]) => unknown).apply(target, args));
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
        return io(() => (value as (...a: unknown[]) => unknown).apply(target, args));
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
    cursors.push({ cls, query, cursor });
    bump(`sql_statements.${cls}`);
    return cursor;
  }) as SqlStorage['exec'];
  Object.defineProperty(sql, 'exec', { value: patched, configurable: true, writable: true });
  if (ctx.storage.sql.exec !== patched) bump(`sql_uninstrumented.${cls}`);
}

/** Constructor CPU of each instance, added to its first invocation (production bills it there). */
const pendingCtorMs = new WeakMap<object, number>();

function construct(cls: string, self: object, started: number): void {
  const ms = performance.now() - started;
  pendingCtorMs.set(self, ms);
  (cpuSamples[`${cls}.constructor`] ??= []).push(ms);
}

/**
 * Each named entry point (the class's public RPC methods and `alarm`) on `sub`'s prototype becomes a recorded
 * invocation. Named, not discovered: TypeScript's private helpers are ordinary prototype methods at run time,
 * and wrapping one would split its caller's frame.
 */
function recordInvocations(cls: string, sub: { prototype: object }, real: { prototype: object }, names: readonly string[]): void {
  for (const name of names) {
    const own = Object.getOwnPropertyDescriptor(sub.prototype, name);
    const method = (own?.value ?? (real.prototype as Record<string, unknown>)[name]) as unknown;
    if (typeof method !== 'function') continue;
    Object.defineProperty(sub.prototype, name, {
      configurable: true,
      writable: true,
      value: function (this: object, ...args: unknown[]) {
        const ctor = pendingCtorMs.get(this) ?? 0;
        pendingCtorMs.delete(this);
        return invocation(`${cls}.${name}`, ctor, () => (method as (...a: unknown[]) => unknown).apply(this, args));
      },
    });
  }
}

export class IncidentTracker extends RealIncidentTracker {
  constructor(ctx: DurableObjectState, env: Env) {
    const started = performance.now();
    bump('do_instances.IncidentTracker');
    instrumentSql('IncidentTracker', ctx);
    super(ctx, wrapEnv(env));
    construct('IncidentTracker', this, started);
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
recordInvocations('IncidentTracker', IncidentTracker, RealIncidentTracker, ['apply', 'state', 'settle', 'settleMany', 'holds', 'setMuted', 'setClosed', 'reportsFor', 'releaseReports', 'adoptReports', 'alarm']);

export class IncidentIndex extends RealIncidentIndex {
  constructor(ctx: DurableObjectState, env: Env) {
    const started = performance.now();
    bump('do_instances.IncidentIndex');
    instrumentSql('IncidentIndex', ctx);
    super(ctx, wrapEnv(env));
    construct('IncidentIndex', this, started);
  }

  /** Filing-cost benchmark (bench/filing.ts): opens `count` incidents of one type, each in its own town of one country. */
  async benchSeed(count: number, type: string, country: string, nowMs: number): Promise<void> {
    for (let i = 0; i < count; i++) await this.createFor(`bench-${i}`, { type, places: [`Town ${i}`, country] }, nowMs - (i % 1000) * 60_000);
  }

  /** Filing-cost benchmark: files the calls one after another inside this object; the loop's milliseconds. */
  async benchFile(calls: FilingCall[]): Promise<number> {
    const started = performance.now();
    for (const call of calls) await this.file(call);
    return performance.now() - started;
  }
}
recordInvocations('IncidentIndex', IncidentIndex, RealIncidentIndex, ['file', 'forget', 'articleKey', 'reassignArticle', 'mergeInto', 'setClosed', 'createFor', 'exists']);

export class DeliveryLedger extends RealDeliveryLedger {
  constructor(ctx: DurableObjectState, env: Env) {
    const started = performance.now();
    bump('do_instances.DeliveryLedger');
    instrumentSql('DeliveryLedger', ctx);
    super(ctx, wrapEnv(env));
    construct('DeliveryLedger', this, started);
  }
}
recordInvocations('DeliveryLedger', DeliveryLedger, RealDeliveryLedger, ['claim', 'claimMany', 'recordRetry', 'statuses', 'isDelivered', 'markDelivered', 'markDeliveredMany', 'recordFailure', 'addDeadLetter', 'listDeadLetters', 'getDeadLetter', 'claimDeadLetter', 'finishRedrive', 'releaseDeadLetter', 'status', 'alarm']);

export class RateLimiter extends RealRateLimiter {
  constructor(ctx: DurableObjectState, env: Env) {
    const started = performance.now();
    bump('do_instances.RateLimiter');
    super(ctx, wrapEnv(env));
    construct('RateLimiter', this, started);
  }
}
recordInvocations('RateLimiter', RateLimiter, RealRateLimiter, ['take']);

/**
 * A statement's label in the rows-written breakdown: its verb and table ("INSERT INTO reports"), so statements that
 * differ only past the table's name are summed under one; a multi-statement exec (a schema) is named by its first.
 */
function statementLabel(query: string): string {
  const statements = query.split(';').map((q) => q.replace(/\s+/g, ' ').trim()).filter((q) => q !== '');
  const first = (statements[0] ?? '').replace(/ VALUES .*| WHERE .*| SET .*/, '').replace(/\(.*$/, '').trim();
  return statements.length > 1 ? `${first} and ${statements.length - 1} more statements` : first;
}

function snapshot(): Tally {
  const out: Tally = { ...counts };
  for (const { cls, query, cursor } of cursors) {
    out[`sql_rows_read.${cls}`] = (out[`sql_rows_read.${cls}`] ?? 0) + cursor.rowsRead;
    out[`sql_rows_written.${cls}`] = (out[`sql_rows_written.${cls}`] ?? 0) + cursor.rowsWritten;
    // Per statement, so the cost section can say which statements the rows go to.
    if (cursor.rowsWritten > 0) {
      const key = `sql_written_by.${cls}: ${statementLabel(query)}`;
      out[key] = (out[key] ?? 0) + cursor.rowsWritten;
    }
  }
  return out;
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const path = new URL(request.url).pathname;
    if (path === '/__bench/counts') return Response.json(snapshot());
    if (path === '/__bench/cpu') return Response.json(cpuSamples);
    if (path === '/__bench/cpu-spans') return Response.json(cpuSpans);
    if (path === '/__bench/clock') return Response.json({ now: Date.now() });
    if (path === '/__bench/index-rate') {
      // Open-loop filing calls at a fixed rate against one (seeded) index; each call's latency as the caller sees it.
      const q = (await request.json()) as { name: string; rate: number; seconds: number; calls: FilingCall[] };
      const index = env.INCIDENT_INDEX.get(env.INCIDENT_INDEX.idFromName(q.name)) as unknown as IncidentIndex;
      const latencies: number[] = [];
      const pending: Promise<void>[] = [];
      const started = performance.now();
      const total = Math.round(q.rate * q.seconds);
      for (let i = 0; i < total; i++) {
        const due = started + (i * 1000) / q.rate;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const call = q.calls[i % q.calls.length]!;
        const sent = performance.now();
        pending.push(index.file({ ...call, articleId: `${call.articleId}-${i}` }).then(() => void latencies.push(performance.now() - sent)));
      }
      await Promise.all(pending);
      return Response.json({ latencies, ms: performance.now() - started });
    }
    if (path === '/__bench/trackers') {
      // Object-creation benchmark: n trackers asked for their state one after another, all fresh or all one object.
      const q = (await request.json()) as { names: string[] };
      for (const name of q.names) await env.INCIDENT_TRACKER.get(env.INCIDENT_TRACKER.idFromName(name)).state();
      return Response.json({ ok: true });
    }
    if (path === '/__bench/kv-puts') {
      // What the local KV simulator spends on a put the size of a read-model value (bench/ratio-parts.ts): raw env,
      // keys of the benchmark's own, never read.
      const q = (await request.json()) as { count: number; bytes: number; tag: string };
      const value = 'x'.repeat(q.bytes);
      for (let i = 0; i < q.count; i++) await env.READ_MODEL.put(`bench-kv:${q.tag}:${i}`, value, { metadata: { v: 1 } });
      return Response.json({ ok: true });
    }
    if (path === '/__bench/filing') {
      // Raw env: the index named here is the benchmark's own, and its calls are not part of any tally.
      const q = (await request.json()) as { name: string; seed?: { count: number; type: string; country: string; nowMs: number }; calls?: FilingCall[] };
      const index = env.INCIDENT_INDEX.get(env.INCIDENT_INDEX.idFromName(q.name)) as unknown as IncidentIndex;
      if (q.seed) await index.benchSeed(q.seed.count, q.seed.type, q.seed.country, q.seed.nowMs);
      return Response.json({ ms: q.calls ? await index.benchFile(q.calls) : 0 });
    }
    if (path === '/__bench/sections') return Response.json(await timeSections(request, env));
    if (path === '/__bench/reset') {
      counts = {};
      cursors = [];
      cpuSamples = {};
      cpuSpans = {};
      return Response.json({ ok: true });
    }
    bump('worker.fetch');
    // The body is read before the frame opens: waiting for the client's bytes is I/O, and while the read
    // waits, other invocations (queue batches, alarms) run on this thread and would be charged to this one.
    const body = request.body ? await request.arrayBuffer() : null;
    const buffered = new Request(request, { body });
    return invocation('Worker.fetch', 0, () => worker.fetch(buffered, wrapEnv(env), ctx));
  },
  async queue(batch: MessageBatch<unknown>, env: Env, ctx: ExecutionContext): Promise<void> {
    bump(`worker.queue.${batch.queue}`);
    bump(`queue_delivered.${batch.queue}`, batch.messages.length);
    void ctx;
    return invocation(`Worker.queue (${batch.queue.endsWith('-dlq') ? 'dead letters' : 'alerts'})`, 0, () => worker.queue(batch, wrapEnv(env)), batch.messages.length);
  },
} satisfies ExportedHandler<Env>;
