// The dashboard's access rule and the middleware that redirects strangers to the login form.
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env';
import { isReader } from '../auth';
import { settingsFromEnv } from '../env';
import { SESSION_COOKIE } from '../routes/reader';

/*
 * Who may see the dashboard pages: everyone when DASHBOARD_PUBLIC is set (local dev), otherwise a reader —
 * the READ_TOKEN as a bearer token or in the session cookie set by POST /login (same rule as requireReader).
 * Pages answer a redirect to the login form instead of the API's 401 JSON.
 */

export async function hasDashboardAccess(c: Context<AppEnv>): Promise<boolean> {
  const settings = settingsFromEnv(c.env);
  if (settings.DASHBOARD_PUBLIC) return true;
  return isReader(settings, c.req.header('authorization'), getCookie(c, SESSION_COOKIE));
}

/** Whether to offer "Sign out": a session cookie is present and the pages are not public anyway. */
export function hasSessionCookie(c: Context<AppEnv>): boolean {
  return getCookie(c, SESSION_COOKIE) !== undefined;
}

/** A same-site path to return to after login; anything else (absolute, protocol-relative, odd) is "/". */
export function safeNext(next: string | undefined | null): string {
  if (!next || next.length > 1_000) return '/';
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || /[\u0000-\u001f\\]/.test(next)) return '/';
  return next;
}

export const requireDashboard = createMiddleware<AppEnv>(async (c, next) => {
  if (await hasDashboardAccess(c)) return next();
  const url = new URL(c.req.url);
  const target = url.pathname + url.search;
  return c.redirect(target === '/' ? '/login' : `/login?next=${encodeURIComponent(target)}`, 303);
});
