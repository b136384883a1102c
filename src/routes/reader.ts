// The reader check for read endpoints: READ_TOKEN as a bearer token or the dashboard's session cookie.
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env';
import { isReader } from '../auth';
import { settingsFromEnv } from '../env';
import { HttpError } from '../lib/errors';

export const SESSION_COOKIE = 'tollwatch_session';

/** Read endpoints expose stored data: they need the READ_TOKEN (header or dashboard cookie). */
export const requireReader = createMiddleware<AppEnv>(async (c, next) => {
  const settings = settingsFromEnv(c.env);
  if (!(await isReader(settings, c.req.header('authorization'), getCookie(c, SESSION_COOKIE)))) {
    throw new HttpError(401, 'unauthorized', settings.READ_TOKEN.length === 0 ? 'no READ_TOKEN is configured; set one with `wrangler secret put READ_TOKEN`' : 'send Authorization: Bearer <READ_TOKEN>');
  }
  await next();
});
