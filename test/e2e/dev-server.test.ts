import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArticles } from '../../scripts/lib/articles';
import { formatResult, sendOne, type SendResult } from '../../scripts/lib/send';
import { ROOT, sleep, startE2E, type E2E } from './harness';

const KERMAN = path.join(ROOT, 'fixtures/kerman-stampede');
const DESTS = ['slack', 'discord', 'telegram', 'teams', 'webhook'] as const;

describe('npm run dev loop: real worker + chat sink + send', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.stop();
  });

  const counts = () => Object.fromEntries(DESTS.map((d) => [d, e2e.sink.byDestination(d).length]));

  it('answers /health', async () => {
    const res = await fetch(`${e2e.url}/health`);
    expect(res.status).toBe(200);
  });

  it('sends the Kerman stampede in published order and alerts every destination', async () => {
    const articles = await loadArticles([KERMAN]);
    const results: SendResult[] = [];
    for (const a of articles) {
      const before = e2e.sink.received.length;
      const r = await sendOne(a, { url: e2e.url });
      results.push(r);
      if (r.alert) await e2e.sink.waitFor(before + DESTS.length, { timeoutMs: 30_000 });
    }
    console.log(results.map(formatResult).join('\n'));
    console.log(e2e.sink.byDestination('slack').map((r) => r.json?.text));
    expect(results.every((r) => r.ok)).toBe(true);
  });
});
