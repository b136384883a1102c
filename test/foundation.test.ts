import { afterEach, describe, expect, it, vi } from 'vitest';
import seed from '../fixtures/kerman-stampede/01-seed.json';
import { captured, captureOutbound, postArticle, SLACK_URL } from './helpers';

// A later report of the same stampede, in our own words, with the real later toll (56 dead, 213 hurt).
const laterReport = {
  id: 'kerman-update-2020-01-07',
  title: 'Kerman stampede toll rises to 56',
  url: 'https://example.org/news/2020/01/07/kerman-toll-rises',
  published: '2020-01-07T14:30:00Z',
  source: 'Wire desk',
  text:
    'The number of people killed in the stampede at the funeral of General Qassem Soleimani in Kerman has risen, Iranian officials said on Tuesday. ' +
    'Pir-Hossein Kolivand, head of Iran’s emergency medical services, told state television that 56 people were killed and 213 injured in the crush. ' +
    'The burial, planned for the afternoon, was postponed as crowds filled the streets of the southeastern city, where the 62-year-old commander was born.',
};

afterEach(() => vi.restoreAllMocks());

describe('the whole loop: webhook → figures → storage → chat alert', () => {
  it('alerts once for a new incident, once for a higher toll, and never for a re-send', async () => {
    const spy = captureOutbound();

    const first = await postArticle(seed);
    expect(first.status).toBe(200);
    const firstBody = await first.json<{ incident: string; casualties: Record<string, { value: number }>; changes: unknown[] }>();
    expect(firstBody.casualties.killed?.value).toBe(35);
    expect(firstBody.casualties.injured?.value).toBe(48);
    await vi.waitUntil(() => spy.mock.calls.length === 1, { timeout: 5000 });
    const [alert1] = captured(spy);
    expect(alert1?.url).toBe(SLACK_URL);
    expect(JSON.parse(alert1?.body ?? '{}').text).toContain('killed 35');

    const second = await postArticle(laterReport);
    expect(second.status).toBe(200);
    const secondBody = await second.json<{ incident: string }>();
    expect(secondBody.incident).toBe(firstBody.incident);
    await vi.waitUntil(() => spy.mock.calls.length === 2, { timeout: 5000 });
    expect(JSON.parse(captured(spy)[1]?.body ?? '{}').text).toContain('killed 35 → 56 (+21)');

    const again1 = await postArticle(seed);
    const again2 = await postArticle(laterReport);
    expect(again1.status).toBe(200);
    expect(again2.status).toBe(200);
    expect((await again2.json<{ duplicate: boolean }>()).duplicate).toBe(true);
    await new Promise((r) => setTimeout(r, 1500));
    expect(spy.mock.calls.length).toBe(2);
  });
});

describe('articles about no incident', () => {
  it('are recorded and answered, but open no incident and cost no read-model write', async () => {
    const payload = { text: 'The city council approved a new budget for road repairs on Monday, the mayor said.', source: 'Local Desk' };
    const res = await postArticle(payload, { webhookId: 'msg_council_budget' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ article_id: 'msg_council_budget', incident: null, duplicate: false, changes: [], alert: null });
    const again = await postArticle(payload, { webhookId: 'msg_council_budget' });
    expect(await again.json()).toMatchObject({ incident: null });
    const conflict = await postArticle({ ...payload, text: `${payload.text} Updated.` }, { webhookId: 'msg_council_budget' });
    expect(conflict.status).toBe(409);
  });
});
