// The dashboard's server-rendered pages: figures, qualifier words, the timeline, escaping and access.
import { env, exports } from 'cloudflare:workers';
import { createExecutionContext } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app } from '../../src/index';
import { writeReadModel } from '../../src/durable/read-model-kv';
import type { IncidentSummary, Timeline } from '../../src/track/read-model';
import { captureOutbound, postArticle, READ_TOKEN } from '../helpers';
import { AUTH, BASE, escapeHtml, get, postStampede, textOf, unique, waitForDetail } from './support';

beforeEach(() => {
  captureOutbound();
});
afterEach(() => vi.restoreAllMocks());

function postForm(path: string, form: Record<string, string>, headers: Record<string, string> = { origin: BASE }): Promise<Response> {
  return exports.default.fetch(`${BASE}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  });
}

async function html(path: string, headers: Record<string, string> = AUTH): Promise<string> {
  const res = await get(path, headers);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/html');
  return res.text();
}

/** The <article> card of one incident on the list page. */
function cardOf(page: string, key: string): string {
  const start = page.indexOf(`data-key="${key}"`);
  expect(start, `card for ${key}`).toBeGreaterThan(0);
  const end = page.indexOf('</article>', start);
  return page.slice(start, end);
}

function chartOf(fragment: string, category: string): string {
  const at = fragment.indexOf(`data-category="${category}" data-points=`);
  expect(at, `${category} chart`).toBeGreaterThan(0);
  const start = fragment.lastIndexOf('<svg', at);
  return fragment.slice(start, fragment.indexOf('</svg>', start));
}

describe('dashboard pages', () => {
  it('shows the stampede with its latest figures, an SVG point per figure-setting report, and the update badge', async () => {
    const key = await postStampede();
    await waitForDetail(key, (d) => d.incident.figures.killed?.value === 56);

    const page = await html('/');
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toMatch(/Generated <time datetime="\d{4}-\d{2}-\d{2}T[\d:.]+Z">/);
    expect(page).not.toContain('<script');
    const card = cardOf(page, key);
    const text = textOf(card);
    expect(text).toContain('Killed 56');
    expect(text).toContain('Injured 213');
    expect(text).toMatch(/\bupdated\b/);
    expect(text).toContain('Seed desk, Wire desk');
    expect(text).toContain('56 people were killed and 213 injured'); // the latest quote
    for (const category of ['killed', 'injured']) {
      const svg = chartOf(card, category);
      expect(svg).toContain('role="img"');
      expect(svg).toMatch(/<title id="[^"]+">/);
      expect(svg.match(/<circle /g)).toHaveLength(2); // the seed and the later report both set it
      expect(svg.match(/<circle [^>]*>\s*<title>[^<]+<\/title>/g)).toHaveLength(2);
      expect(svg).toContain('Date published (UTC)');
      expect(svg).toContain('7 Jan'); // a date on the x axis
    }
    expect(chartOf(card, 'killed')).toContain('data-value="35"');
    expect(chartOf(card, 'killed')).toContain('data-value="56"');
    expect(textOf(chartOf(card, 'killed'))).toMatch(/\b60\b/); // counts on the y axis

    expect(await html('/dashboard')).toContain(`data-key="${key}"`);
  });

  it('shows qualifier words, and the incident page has the full timeline table', async () => {
    const incidentId = unique('qualifiers');
    const res = await postArticle({
      title: 'Landslide buries hillside village',
      url: 'https://example.org/news/landslide',
      published: '2024-05-02T06:00:00Z',
      source: 'Valley Herald',
      incident_id: incidentId,
      text: 'At least 12 people were killed and about 40 injured when a landslide buried part of the village before dawn, the district governor said. Rescuers were digging by hand.',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const key = (await res.json<{ incident: string }>()).incident;
    await waitForDetail(key, (d) => d.incident.figures.killed?.value === 12);

    const card = textOf(cardOf(await html('/?limit=100'), key));
    expect(card).toContain('Killed at least 12');
    expect(card).toContain('Injured about 40');

    const page = await html(`/incidents/${encodeURIComponent(key)}`);
    expect(page).toMatch(/<table class="timeline">\s*<caption>/);
    expect(page).toContain('<th scope="col">Outlet</th>');
    expect(page).toContain('<a href="https://example.org/news/landslide" rel="noopener noreferrer">Valley Herald</a>');
    const text = textOf(page);
    expect(text).toContain('Killed: at least 12 (first figure)');
    expect(text).toContain('Injured: about 40 (first figure)');
    expect(text).toContain('2 May 2024, 06:00 UTC');
    expect(text).toContain('“At least 12 people were killed and about 40 injured');
    expect(chartOf(page, 'killed')).toContain('class="pt open"'); // a lower bound is a hollow point
    expect(textOf(chartOf(page, 'killed'))).toContain('≥12');

    const missing = await get('/incidents/no-such-incident');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('No such incident');
  });

  it('escapes article text: no markup from a sender reaches the page', async () => {
    const incidentId = unique('escape');
    const res = await postArticle({
      title: 'Blast at depot <b>bold</b> claim',
      published: '2024-06-01T10:00:00Z',
      source: '<script>alert("outlet")</script> Gazette',
      incident_id: incidentId,
      text: 'Officials said 7 people were killed in the blast &lt;script&gt;alert(1)&lt;/script&gt; near the port <img src=x onerror=alert(2)// and more',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const key = (await res.json<{ incident: string }>()).incident;
    const detail = await waitForDetail(key, (d) => d.incident.figures.killed?.value === 7);
    const quote = detail.incident.figures.killed?.quote ?? '';
    expect(quote.length).toBeGreaterThan(0);

    for (const path of ['/?limit=100', `/incidents/${encodeURIComponent(key)}`]) {
      const page = await html(path);
      expect(page).not.toMatch(/<script/i);
      expect(page).not.toMatch(/<img/i);
      expect(page).not.toContain('<b>');
      expect(page).toContain('&lt;script&gt;alert(&quot;outlet&quot;)&lt;/script&gt; Gazette');
      expect(page).toContain(escapeHtml(`“${quote}”`));
    }
  });

  it('sends a visitor without access to the login form, and the form sets a strict, secure, HttpOnly cookie', async () => {
    for (const [path, location] of [['/', '/login'], ['/dashboard', '/login?next=%2Fdashboard']]) {
      const res = await get(path ?? '', {});
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(location);
    }
    const deep = await get('/incidents/some-key?x=1', { cookie: 'tollwatch_session=wrong' });
    expect(deep.status).toBe(303);
    expect(deep.headers.get('location')).toBe(`/login?next=${encodeURIComponent('/incidents/some-key?x=1')}`);

    const form = await get('/login', {});
    expect(form.status).toBe(200);
    const formHtml = await form.text();
    expect(formHtml).toContain('<label for="token">Read token</label>');
    expect(formHtml).toContain('<form class="login" method="post" action="/login">');
    expect(form.headers.get('content-security-policy')).toMatch(/default-src 'none'; style-src 'nonce-[A-Za-z0-9+/=]+'/);

    const wrong = await postForm('/login', { token: 'not-the-token' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect(await wrong.text()).toContain('That token is not valid.');

    const huge = await postForm('/login', { token: 'x'.repeat(10_000) });
    expect(huge.status).toBe(413);

    const crossSite = await postForm('/login', { token: READ_TOKEN }, { origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get('set-cookie')).toBeNull();

    const ok = await postForm('/login', { token: READ_TOKEN, next: '/incidents/some-key' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/incidents/some-key');
    const cookie = ok.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^tollwatch_session=v1\.\d+\.[A-Za-z0-9_-]+;/);
    expect(cookie).not.toContain(READ_TOKEN); // a signed expiry, never the token itself
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; Max-Age=43200/);

    const session = { cookie: cookie.split(';')[0] ?? '' };
    const page = await get('/', session);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Sign out');
    expect((await get('/v1/incidents', session)).status).toBe(200);

    const offsite = await postForm('/login', { token: READ_TOKEN, next: '//evil.example/x' });
    expect(offsite.headers.get('location')).toBe('/');

    const out = await postForm('/logout', {}, { origin: BASE, ...session });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/login');
    expect(out.headers.get('set-cookie')).toMatch(/^tollwatch_session=; Max-Age=0; .*HttpOnly.*Secure.*SameSite=Strict/);
  });

  it('shows incident-care actions in the timeline and marks muted and closed incidents', async () => {
    const a = unique('care-dash-a');
    const b = unique('care-dash-b');
    const post = (incident_id: string, text: string, published: string) => postArticle({ incident_id, text, published, source: 'Care Wire' });
    expect((await post(a, 'Police said 4 people were killed in the blast in Sibi.', '2024-03-01T08:00:00Z')).status).toBe(200);
    expect((await post(b, 'Officials said 9 people were killed in the Sibi blast.', '2024-03-01T18:00:00Z')).status).toBe(200);
    const care = (path: string, body: unknown) =>
      exports.default.fetch(`${BASE}/v1/incidents/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...AUTH }, body: JSON.stringify(body) });
    expect((await care(`${b}/mute`, { muted: true })).status).toBe(200);
    expect((await care(`${a}/merge`, { into: b })).status).toBe(200);

    const target = await waitForDetail(b, (d) => d.incident.muted && d.timeline.some((e) => e.kind === 'action' && e.action === 'merge'));
    expect(target.incident.report_count).toBe(2);
    const page = textOf(await html(`/incidents/${b}`));
    expect(page).toContain('muted');
    expect(page).toContain('Action: mute');
    expect(page).toContain('Action: merge');
    expect(page).toContain(`merged 1 report(s) from ${a}`);

    await waitForDetail(a, (d) => d.incident.closed);
    const emptied = textOf(await html(`/incidents/${a}`));
    expect(emptied).toContain('closed');
    expect(emptied).toContain(`merged into ${b}`);
  });

  it('renders every category, threats and large figures from the read model as written', async () => {
    const key = unique('synthetic');
    const t0 = Date.UTC(2024, 8, 1, 6);
    const cur = (value: number, qualifier: 'exact' | 'approx' | 'at_least', ms: number) => ({
      value, qualifier, quote: `quote ${value}`, published_ms: ms, article_id: `a-${ms}`, outlet: 'Relief Wire', outlets: ['Relief Wire'],
    });
    const summary: IncidentSummary = {
      v: 1, key, title: 'Floods in the delta', type: 'flood', places: ['Delta'],
      figures: { killed: cur(41, 'at_least', t0 + 86_400_000), displaced: cur(1_250_000, 'approx', t0 + 86_400_000), missing: cur(7, 'exact', t0) },
      threats: { rain: { value: 3, noun: 'more days of heavy rain', quote: 'q', head: 'rain', published_ms: t0, article_id: 'a', outlet: 'Relief Wire', outlets: ['Relief Wire'] } },
      report_count: 2, last_published_ms: t0 + 86_400_000, last_received_ms: Date.now(), last_change_ms: Date.now() - 3 * 86_400_000, muted: false, closed: false, version: 2,
    };
    const snap = (value: number, qualifier: 'exact' | 'approx' | 'at_least') => ({ value, qualifier });
    const timeline: Timeline = {
      v: 1, key,
      entries: [
        { kind: 'report', article_id: `a-${t0}`, outlet: 'Relief Wire', published_ms: t0, received_ms: t0, threats: [], alert: null, alert_id: null,
          casualties: { killed: { value: 20, qualifier: 'exact', quote: 'q20' }, displaced: { value: 800_000, qualifier: 'approx', quote: 'q800k' }, missing: { value: 7, qualifier: 'exact', quote: 'q7' } },
          changes: [] },
        { kind: 'report', article_id: `a-${t0 + 86_400_000}`, outlet: 'Relief Wire', published_ms: t0 + 86_400_000, received_ms: t0 + 86_400_000, threats: [], alert: 'Floods in the delta — killed 20 → at least 41', alert_id: 'al-1',
          casualties: { killed: { value: 41, qualifier: 'at_least', quote: 'q41' }, displaced: { value: 1_250_000, qualifier: 'approx', quote: 'q1.25m' } },
          changes: [
            { kind: 'casualty', category: 'killed', from: snap(20, 'exact'), to: snap(41, 'at_least'), change: 'up', quote: 'q41' },
            { kind: 'casualty', category: 'displaced', from: snap(800_000, 'approx'), to: snap(1_250_000, 'approx'), change: 'up', quote: 'q1.25m' },
          ] },
        { kind: 'action', action: 'close', at_ms: t0 + 2 * 86_400_000, detail: 'incident closed' },
      ],
    };
    await writeReadModel(env.READ_MODEL, summary, timeline);

    const list = await html('/?limit=100');
    expect(list).toMatch(new RegExp(`<article class="card" aria-labelledby="inc-\\d+" data-key="${key}"`)); // not highlighted
    const card = cardOf(list, key);
    const text = textOf(card);
    expect(text).toContain('Killed at least 41 ↑ up from 20');
    expect(text).toContain('Missing 7');
    expect(text).toContain('Displaced about 1,250,000');
    expect(text).toContain('Threats: 3 more days of heavy rain');
    expect(text).not.toMatch(/\bupdated\b/); // figures last changed three days ago
    expect(chartOf(card, 'displaced').match(/<circle /g)).toHaveLength(2);
    expect(textOf(chartOf(card, 'displaced'))).toContain('~1.3M');
    expect(chartOf(card, 'missing').match(/<circle /g)).toHaveLength(1);
    const order = ['killed', 'missing', 'displaced'].map((c) => card.indexOf(`dd data-category="${c}"`));
    expect(order).toEqual([...order].sort((a, b) => a - b));

    const page = textOf(await html(`/incidents/${key}`));
    expect(page).toContain('Killed: at least 41 (up from 20)');
    expect(page).toContain('Action: close incident closed');
    expect(page).toContain('Floods in the delta — killed 20 → at least 41');
  });

  it('answers 400 for a bad page cursor', async () => {
    const res = await get('/?cursor=bogus!');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Bad request');
  });

  it('serves the pages without a token when DASHBOARD_PUBLIC is set, while the API stays protected', async () => {
    const publicEnv = { ...env, DASHBOARD_PUBLIC: 'true' };
    const fetchPublic = (path: string) => app.fetch(new Request(`${BASE}${path}`, { redirect: 'manual' }), publicEnv, createExecutionContext());
    const page = await fetchPublic('/');
    expect(page.status).toBe(200);
    const body = await page.text();
    expect(body).toContain('<h1>Incidents</h1>');
    expect(body).not.toContain('Sign out');
    expect((await fetchPublic('/v1/incidents')).status).toBe(401);
  });
});
