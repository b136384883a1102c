// The dashboard in a real browser (Debian's Chromium): figures, charts, the table view, dark scheme and a phone's width.
import { mkdir, readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';

/*
 * The dashboard in a real browser: the worker runs under wrangler (env dev: public dashboard, unsigned
 * webhooks accepted, chat destinations re-pointed at a chat sink of the test's own on a free port, so no alert
 * reaches a developer's `npm run dev` sink on 8788 and none fails), the stampede sequence is posted, and
 * headless Chromium checks what a reader sees. Screenshots go to test-artifacts/ (gitignored).
 *
 * Run with `npm run test:browser` (vitest.browser.config.ts). The Workers-pool config also matches this file;
 * it skips itself there (no browser, no wrangler inside workerd).
 */

const inWorkerd = (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent === 'Cloudflare-Workers';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = 'test-artifacts';

/** The two browser globals the page checks use (this project compiles without the DOM lib). */
type BrowserWindow = { getComputedStyle(el: unknown): { textTransform: string; backgroundColor: string } };
type StartedWorker = { url: Promise<URL>; ready: Promise<void>; dispose(): Promise<void> };
type Sink = { url: string; close(): Promise<void> };

// The later report of the same stampede, in our own words (the real later toll: 56 dead, 213 injured).
const laterReport = {
  title: 'Stampede in Kerman: death toll rises to 56',
  url: 'https://example.org/news/2020/01/07/kerman-crush-toll',
  published: '2020-01-07T15:10:00Z',
  source: 'Wire desk',
  text:
    'The death toll from Tuesday’s stampede in Kerman has risen, Iranian emergency officials said. ' +
    'A spokesman for the emergency services told reporters that 56 people were killed and 213 injured as crowds surged toward the coffin. ' +
    'The burial itself was delayed until later in the week.',
};

describe.skipIf(inWorkerd)('dashboard in Chromium', () => {
  let worker: StartedWorker | undefined;
  let browser: Browser | undefined;
  let sink: Sink | undefined;
  let base = '';

  beforeAll(async () => {
    process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';
    process.env.WRANGLER_SEND_METRICS = 'false';
    const { unstable_startWorker } = await import('wrangler');
    // Imported here, not at the top: the Workers-pool run of this file must not load Node-only modules.
    const { startChatSink } = await import('../../scripts/chat-sink');
    const { destinationVars } = await import('../e2e/harness');
    sink = await startChatSink({ port: 0, quiet: true });
    worker = (await unstable_startWorker({
      config: 'wrangler.jsonc',
      env: 'dev',
      // A nonexistent env file keeps a developer's own .dev.vars out of the test.
      envFiles: ['.browser-no-such-env-file'],
      bindings: Object.fromEntries(Object.entries(destinationVars(sink.url)).map(([k, value]) => [k, { type: 'plain_text' as const, value }])),
      dev: { persist: false, inspector: false, server: { hostname: '127.0.0.1', port: 0 } },
    })) as StartedWorker;
    await worker.ready;
    base = (await worker.url).origin;

    // Another incident first (older activity), so the page shows more than one card (and a lone, lower-bound point).
    const other = await fetch(`${base}/v1/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Landslide buries hillside village in Sindhupalchok',
        published: '2024-05-02T06:00:00Z',
        source: 'Valley Herald',
        url: 'https://example.org/news/landslide',
        text: 'At least 12 people were killed and about 40 injured when a landslide buried part of a village in Sindhupalchok before dawn, the district governor said.',
      }),
    });
    expect(other.status, await other.text()).toBe(200);

    const seed = JSON.parse(await readFile('fixtures/kerman-stampede/01-seed.json', 'utf8')) as unknown;
    const keys: string[] = [];
    for (const article of [seed, laterReport]) {
      const res = await fetch(`${base}/v1/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(article) });
      const body = await res.text();
      expect(res.status, body).toBe(200);
      keys.push((JSON.parse(body) as { incident: string }).incident);
    }
    expect(keys[1], 'the later report joins the stampede').toBe(keys[0]);
    // The read model is flushed by the incident's Durable Object at most once a second: wait for the later toll.
    const deadline = Date.now() + 20_000;
    for (;;) {
      const html = await (await fetch(`${base}/incidents/${encodeURIComponent(keys[0] ?? '')}`)).text();
      if (html.includes('data-value="56"')) break;
      if (Date.now() > deadline) throw new Error('the dashboard never showed the later toll');
      await new Promise((r) => setTimeout(r, 250));
    }

    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    await mkdir(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.dispose();
    await sink?.close();
  });

  it('lists the stampede with the latest figures and one chart point per figure-setting report', async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(String(e)));

    const res = await page.goto(`${base}/`);
    expect(res?.status()).toBe(200);
    await expect(page.title()).resolves.toBe('Incidents — tollwatch');

    const card = page.locator('article.card', { has: page.getByRole('heading', { name: 'Kerman stampede' }) });
    await expect(card.count()).resolves.toBe(1);
    await expect(card.locator('dd[data-category="killed"]').innerText()).resolves.toBe('56');
    await expect(card.locator('dd[data-category="injured"]').innerText()).resolves.toBe('213');
    await expect(card.locator('.badge.updated').innerText()).resolves.toMatch(/updated/i);

    // Both reports set killed and injured: two points each, with their values, each with a tooltip title.
    for (const [category, values] of [['killed', ['35', '56']], ['injured', ['48', '213']]] as const) {
      const chart = card.locator(`svg[data-category="${category}"]`);
      await expect(chart.getAttribute('role')).resolves.toBe('img');
      const points = chart.locator('circle');
      await expect(points.count()).resolves.toBe(2);
      await expect(points.evaluateAll((els) => els.map((e) => e.getAttribute('data-value')))).resolves.toEqual(values);
      await expect(points.evaluateAll((els) => els.every((e) => (e.querySelector('title')?.textContent ?? '').length > 0))).resolves.toBe(true);
      const box = await chart.boundingBox();
      expect(box?.width).toBeGreaterThan(250);
    }
    // The stylesheet applied (the CSP nonce matched): cards have a border, the badge is uppercase.
    await expect(card.locator('.badge.updated').evaluate((e) => (globalThis as unknown as BrowserWindow).getComputedStyle(e).textTransform)).resolves.toBe('uppercase');

    await page.screenshot({ path: `${ARTIFACTS}/dashboard.png`, fullPage: true });

    await card.getByRole('link', { name: 'Kerman stampede' }).click();
    await page.waitForURL(/\/incidents\//);
    await expect(page.locator('table.timeline tbody tr').count()).resolves.toBe(2);
    await expect(page.getByRole('link', { name: 'Wire desk' }).first().getAttribute('href')).resolves.toBe(laterReport.url);
    await page.screenshot({ path: `${ARTIFACTS}/incident.png`, fullPage: true });

    expect(problems).toEqual([]);
    await context.close();
  });

  it('table view: one dense row per incident, filtered through the form, no sideways scrolling at 1280 or 390 px', async () => {
    for (const width of [1280, 390]) {
      const context = await browser!.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      const res = await page.goto(`${base}/table`);
      expect(res?.status()).toBe(200);
      await expect(page.locator('table.dense tbody tr').count()).resolves.toBe(2);
      const kerman = page.locator('table.dense tbody tr', { has: page.getByRole('link', { name: 'Kerman stampede' }) });
      await expect(kerman.locator('td[data-category="killed"]').innerText()).resolves.toMatch(/^56\s+↑ up from 35$/);
      // The page never scrolls sideways; a table wider than the screen scrolls inside its own frame.
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect(overflow, `${width} px`).toBeLessThanOrEqual(0);

      await page.locator('select[name="type"]').selectOption('stampede');
      await page.getByRole('button', { name: 'Filter' }).click();
      await page.waitForURL(/type=stampede/);
      await expect(page.locator('table.dense tbody tr').count()).resolves.toBe(1);
      await expect(page.locator('table.dense tbody th a').innerText()).resolves.toBe('Kerman stampede');
      await expect(page.locator('select[name="type"]').inputValue()).resolves.toBe('stampede');

      await page.locator('input[name="since"]').fill('2099-01-01');
      await page.getByRole('button', { name: 'Filter' }).click();
      await page.waitForURL(/since=2099-01-01/);
      await expect(page.getByText('No incident matches these filters.').count()).resolves.toBe(1);
      await page.screenshot({ path: `${ARTIFACTS}/table-${width}.png`, fullPage: true });
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it('follows a dark colour scheme', async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    const bg = await page.locator('body').evaluate((e) => (globalThis as unknown as BrowserWindow).getComputedStyle(e).backgroundColor);
    expect(bg).toBe('rgb(17, 20, 24)');
    await page.screenshot({ path: `${ARTIFACTS}/dashboard-dark.png`, fullPage: true });
    await context.close();
  });

  it('is readable on a phone: no horizontal scrolling, charts fit the screen', async () => {
    const context = await browser!.newContext({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    const box = await page.locator('svg[data-category="killed"]').first().boundingBox();
    expect(box?.width).toBeLessThanOrEqual(375);
    await page.screenshot({ path: `${ARTIFACTS}/dashboard-phone.png`, fullPage: true });

    await page.locator('article.card h2 a').first().click();
    await page.waitForURL(/\/incidents\//);
    const overflowDetail = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflowDetail).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${ARTIFACTS}/incident-phone.png`, fullPage: true });
    await context.close();
  });
});
