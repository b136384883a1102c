import { Hono, type Context } from 'hono';
import * as z from 'zod';
import type { AppEnv } from '../app-env';
import { hasSessionCookie, requireDashboard } from '../dashboard/access';
import { htmlHeaders, newNonce } from '../dashboard/layout';
import { DashboardPage, IncidentPage, MessagePage, type CardData } from '../dashboard/pages';
import { filterChoices, filterIncidents, TABLE_MAX_ROWS, TablePage, TableQuery } from '../dashboard/table';
import { DEFAULT_LIMIT, ListQuery, pageOf } from '../dashboard/paging';
import { settingsFromEnv } from '../env';
import { feedHealth } from '../feeds/health';
import { listIncidents, readIncident } from '../durable/read-model-kv';
import { IncidentKey } from './incidents';

/*
 * The server-rendered dashboard: GET / (and /dashboard) lists incidents newest activity first, 20 a page;
 * GET /incidents/:key shows one incident with its full timeline. No scripts, one inline stylesheet.
 */

export const dashboard = new Hono<AppEnv>();

function base(c: Context<AppEnv>) {
  const settings = settingsFromEnv(c.env);
  return { nonce: newNonce(), generatedMs: Date.now(), signedIn: !settings.DASHBOARD_PUBLIC && hasSessionCookie(c) };
}

function message(c: Context<AppEnv>, status: 400 | 404, title: string, text: string) {
  const b = base(c);
  return c.html(MessagePage({ ...b, title, message: text }), status, htmlHeaders(b.nonce));
}

async function list(c: Context<AppEnv>) {
  const query = ListQuery.safeParse({ limit: c.req.query('limit'), cursor: c.req.query('cursor') });
  if (!query.success) return message(c, 400, 'Bad request', z.prettifyError(query.error));
  const limit = query.data.limit ?? DEFAULT_LIMIT;
  const all = await listIncidents(c.env.READ_MODEL);
  const page = pageOf(all, limit, query.data.cursor);
  const cards: CardData[] = await Promise.all(
    page.items.map(async (item) => {
      const { summary, timeline } = await readIncident(c.env.READ_MODEL, item.key);
      return { key: item.key, meta: item.meta, summary, timeline };
    }),
  );
  const path = new URL(c.req.url).pathname;
  const nextHref = page.nextCursor
    ? `${path}?${new URLSearchParams({ ...(query.data.limit ? { limit: String(limit) } : {}), cursor: page.nextCursor }).toString()}`
    : null;
  const b = base(c);
  const failingFeeds = (await feedHealth(c.env)).feeds.filter((f) => f.failing);
  return c.html(DashboardPage({ ...b, cards, total: all.length, nextHref, firstPage: !query.data.cursor, failingFeeds }), 200, htmlHeaders(b.nonce));
}

/** A small icon (a rising line) so browsers do not ask for a missing /favicon.ico. Public: it shows nothing. */
const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1f4fbf"/><path d="M5 24h6v-6h6v-5h5V7h5" fill="none" stroke="#fff" stroke-width="3" stroke-linejoin="round"/></svg>`;
dashboard.get('/favicon.svg', (c) => c.body(FAVICON, 200, { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' }));
dashboard.get('/favicon.ico', (c) => c.redirect('/favicon.svg', 301));

dashboard.get('/', requireDashboard, list);
dashboard.get('/dashboard', requireDashboard, list);

/** The dense table: filters and sort from the query string; a bad filter re-renders the form with the reason. */
dashboard.get('/table', requireDashboard, async (c) => {
  const all = await listIncidents(c.env.READ_MODEL);
  const choices = filterChoices(all);
  const b = base(c);
  const parsed = TableQuery.safeParse(c.req.query());
  if (!parsed.success) {
    const page = TablePage({ ...b, rows: [], matched: 0, total: all.length, query: { sort: 'recent' }, choices, error: z.prettifyError(parsed.error) });
    return c.html(page, 400, htmlHeaders(b.nonce));
  }
  const matched = filterIncidents(all, parsed.data);
  const rows: CardData[] = await Promise.all(
    matched.slice(0, TABLE_MAX_ROWS).map(async (item) => {
      const { summary, timeline } = await readIncident(c.env.READ_MODEL, item.key);
      return { key: item.key, meta: item.meta, summary, timeline };
    }),
  );
  return c.html(TablePage({ ...b, rows, matched: matched.length, total: all.length, query: parsed.data, choices }), 200, htmlHeaders(b.nonce));
});

dashboard.get('/incidents/:key', requireDashboard, async (c) => {
  const key = IncidentKey.safeParse(c.req.param('key'));
  if (!key.success) return message(c, 404, 'No such incident', 'That incident key is not valid.');
  const { summary, timeline } = await readIncident(c.env.READ_MODEL, key.data);
  if (!summary) return message(c, 404, 'No such incident', 'There is no incident with that key (it may have been merged into another).');
  const b = base(c);
  return c.html(IncidentPage({ ...b, summary, timeline }), 200, htmlHeaders(b.nonce));
});
