// Bench-only, inside workerd: the article request path's steps timed one by one, to find what in Worker.fetch costs.
import { authenticateIngest } from '../../src/auth';
import { settingsFromEnv, type Env } from '../../src/env';
import { extract, isEnglish, normaliseText } from '../../src/extract';
import { canonicalJson, prepareArticle, unfiledResult } from '../../src/ingest';
import { parseJsonBody } from '../../src/lib/body';
import { sha256Hex } from '../../src/lib/hash';
import { destinationsOf } from '../../src/queue/destinations';
import { ArticleInput } from '../../src/schema';
import { app } from '../../src/index';

/** The steps, in request order (the answer keeps it); `prepare` is normalise + language + extract + hash as the route runs them. */
type Section = 'settings' | 'verify (HMAC)' | 'JSON.parse + Zod' | 'normalise + language' | 'extract' | 'prepare (all of it)' | 'body hashes' | 'answer JSON' | 'hono 404';

/**
 * Runs each step of POST /v1/articles on one signed article, separately, `reps` times, and returns each one's
 * mean ms per run. Local workerd's clock advances during synchronous code but only in whole milliseconds, hence
 * the repetitions (so these are warm figures: a step's steady cost, not a first call's); async WebCrypto steps
 * include their await, an upper bound. Nothing is filed or stored.
 */
export async function timeSections(request: Request, env: Env, reps = 10): Promise<Record<Section, number>> {
  const out = {} as Record<Section, number>;
  const time = async <T>(name: Section, fn: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    let value!: T;
    for (let i = 0; i < reps; i++) value = await fn();
    out[name] = (performance.now() - t0) / reps;
    return value;
  };
  const raw = new Uint8Array(await request.arrayBuffer());
  const now = Date.now();
  const settings = await time('settings', () => {
    destinationsOf(env);
    return settingsFromEnv(env);
  });
  const sender = await time('verify (HMAC)', () => authenticateIngest(settings, request.headers, raw, Math.floor(now / 1000)));
  const json = await time('JSON.parse + Zod', () => parseJsonBody(request.headers.get('content-type') ?? undefined, raw));
  const input = ArticleInput.parse(json);
  const text = await time('normalise + language', () => {
    const t = normaliseText(input.text);
    isEnglish(t);
    return t;
  });
  await time('extract', () => extract({ text, ...(input.title ? { title: normaliseText(input.title) } : {}), ...(input.published ? { published: input.published } : {}) }));
  const prepared = await time('prepare (all of it)', () => prepareArticle(input, sender.webhookId, now, sender.name));
  await time('body hashes', async () => [await sha256Hex(canonicalJson(json)), await sha256Hex(raw)]);
  await time('answer JSON', () => JSON.stringify(unfiledResult(prepared.report, false)));
  await time('hono 404', () => app.fetch(new Request('http://bench.local/__no_such_route'), env));
  return out;
}
