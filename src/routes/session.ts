// GET/POST /login and POST /logout: the dashboard's session cookie for readers holding the READ_TOKEN.
import { Hono, type Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import * as z from 'zod';
import { lazy } from '../lib/lazy';
import type { AppEnv } from '../app-env';
import { matchingReadToken } from '../auth';
import { hasSessionCookie, safeNext } from '../dashboard/access';
import { htmlHeaders, newNonce } from '../dashboard/layout';
import { LoginPage } from '../dashboard/pages';
import { settingsFromEnv } from '../env';
import { issueSession } from '../lib/session';
import { SESSION_COOKIE } from './reader';
import { sameOrigin } from './writes';

/*
 * Dashboard sign-in: the READ_TOKEN entered once in a form becomes an HttpOnly, Secure, SameSite=Strict session
 * cookie — a signed expiry (src/lib/session.ts), never the token — which requireReader and the pages accept.
 */

export const session = new Hono<AppEnv>();

/** Twelve hours: a desk shift. The browser forgets the token after that. */
export const SESSION_MAX_AGE_S = 12 * 60 * 60;
const LOGIN_ATTEMPTS_PER_MINUTE = 10;
const MAX_FORM_BYTES = 8_192;

const LoginForm = lazy(() =>
  z.object({
    token: z.string().trim().min(1).max(1_000),
    next: z.string().optional(),
  }),
);

const COOKIE_OPTIONS = { path: '/', httpOnly: true, secure: true, sameSite: 'Strict' } as const;

function page(c: Context<AppEnv>, status: 200 | 400 | 401 | 403 | 413 | 429, props: { error?: string; next: string }) {
  const nonce = newNonce();
  const settings = settingsFromEnv(c.env);
  return c.html(
    LoginPage({ nonce, generatedMs: Date.now(), signedIn: hasSessionCookie(c), isPublic: settings.DASHBOARD_PUBLIC, ...props }),
    status,
    htmlHeaders(nonce),
  );
}

session.get('/login', (c) => page(c, 200, { next: safeNext(c.req.query('next')) }));

session.post('/login', async (c) => {
  if (!sameOrigin(c)) return page(c, 403, { error: 'This form must be sent from the dashboard itself.', next: '/' });
  // A sign-in form is a few hundred bytes; refuse to buffer anything big.
  const length = Number(c.req.header('content-length') ?? 'NaN');
  if (!Number.isFinite(length) || length > MAX_FORM_BYTES) return page(c, 413, { error: 'The form was too large.', next: '/' });
  const body = await c.req.parseBody();
  const parsed = LoginForm.safeParse({ token: body['token'], next: typeof body['next'] === 'string' ? body['next'] : undefined });
  const next = safeNext(parsed.success ? parsed.data.next : undefined);
  if (!parsed.success) return page(c, 400, { error: 'Enter the read token.', next });

  const ip = c.req.header('cf-connecting-ip') ?? 'unknown';
  const limiter = c.env.RATE_LIMITER.get(c.env.RATE_LIMITER.idFromName(`login:${ip}`));
  const decision = await limiter.take(LOGIN_ATTEMPTS_PER_MINUTE, Date.now());
  if (!decision.allowed) {
    c.header('retry-after', String(decision.retryAfterSeconds));
    return page(c, 429, { error: `Too many attempts; try again in ${decision.retryAfterSeconds} s.`, next });
  }

  const settings = settingsFromEnv(c.env);
  const readToken = await matchingReadToken(settings, parsed.data.token);
  if (readToken === null) {
    return page(c, 401, {
      error: settings.READ_TOKEN.length === 0 ? 'No READ_TOKEN is configured on this worker.' : 'That token is not valid.',
      next,
    });
  }
  setCookie(c, SESSION_COOKIE, await issueSession(readToken, Date.now(), SESSION_MAX_AGE_S), { ...COOKIE_OPTIONS, maxAge: SESSION_MAX_AGE_S });
  return c.redirect(next, 303);
});

session.post('/logout', (c) => {
  if (!sameOrigin(c)) return page(c, 403, { error: 'This form must be sent from the dashboard itself.', next: '/' });
  deleteCookie(c, SESSION_COOKIE, COOKIE_OPTIONS);
  return c.redirect('/login', 303);
});
