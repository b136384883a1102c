// Guards for operator writes (incident care, dead-letter re-drive): same origin for cookies, JSON only, a complete body.
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import * as z from 'zod';
import type { AppEnv } from '../app-env';
import { parseJsonBody, readLimitedBody } from '../lib/body';
import { HttpError } from '../lib/errors';

/** A browser request from this origin (browsers send Origin or Sec-Fetch-Site on every POST). */
export function sameOrigin(c: Context<AppEnv>): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site === 'same-origin') return true;
  const origin = c.req.header('origin');
  return origin !== undefined && origin === new URL(c.req.url).origin;
}

/**
 * For state-changing POSTs behind requireReader. A bearer token is never sent by a browser on its own, so only
 * cookie-authenticated requests can be forged cross-site: those must come from this origin. JSON only, so no
 * HTML form (urlencoded, multipart, text/plain) can make the request without a CORS preflight.
 */
export const requireWriteRequest = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.method !== 'POST') return next();
  if (c.req.header('authorization') === undefined && !sameOrigin(c)) {
    throw new HttpError(403, 'cross_site', 'a request signed in with the dashboard cookie must come from the dashboard itself (Origin or Sec-Fetch-Site)');
  }
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new HttpError(415, 'unsupported_media_type', 'send a JSON body with content-type: application/json', { content_type: c.req.header('content-type') ?? null });
  }
  await next();
});

/** The request's JSON body checked against `schema`: an empty or partial body is refused, never defaulted. */
export async function writeBody<T extends z.ZodType>(req: Request, schema: T): Promise<z.infer<T>> {
  const raw = await readLimitedBody(req);
  if (raw.byteLength === 0) throw new HttpError(400, 'empty_body', 'the body is empty; send a JSON object');
  const parsed = schema.safeParse(parseJsonBody(req.headers.get('content-type') ?? undefined, raw));
  if (!parsed.success) {
    throw new HttpError(400, 'invalid_request', z.prettifyError(parsed.error), {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message })),
    });
  }
  return parsed.data;
}
