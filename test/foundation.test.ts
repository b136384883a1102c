// The whole loop through the real worker: webhook, figures, storage and a chat alert, and articles about no incident.
import { afterEach, describe, expect, it, vi } from 'vitest';
import seed from '../fixtures/kerman-stampede/01-seed.json';
import { captured, captureOutbound, postArticle, SLACK_URL } from './helpers';

/** The frozen bodies below list every block in order; Slack gets the headline on top, the rest in the severity-coloured attachment. */
function asSlack(flat: { text: string; blocks: unknown[] }, color: string) {
  return { text: flat.text, blocks: flat.blocks.slice(0, 1), attachments: [{ color, blocks: flat.blocks.slice(1) }] };
}

const UPDATE_SLACK_BODY = {
  text: 'Kerman stampede (Iran) — killed 35 → 56 (+21), injured 48 → 213 (+165)',
  blocks: [
    { type: 'section', text: { type: 'mrkdwn', text: 'Kerman stampede (Iran) — killed 35 → 56 (+21), injured 48 → 213 (+165)' } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: '>“Pir-Hossein Kolivand, head of Iran’s emergency medical services, told state television that 56 people were killed and 213 injured in the crush.” — Pir-Hossein Kolivand',
      },
    },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: '<https://example.org/news/2020/01/07/kerman-toll-rises|Wire desk: “Kerman stampede toll rises to 56”> · reported by 1 outlet · 2020-01-07T14:30:00Z' }],
    },
  ],
};

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

// The exact Slack request bodies (Block Kit with a plain-text fallback), checked by eye once, then frozen.
const SEED_SLACK_BODY = {
  text: 'New incident: Kerman stampede (Iran) — killed 35, injured 48',
  blocks: [
    { type: 'section', text: { type: 'mrkdwn', text: 'New incident: Kerman stampede (Iran) — killed 35, injured 48' } },
    { type: 'section', text: { type: 'mrkdwn', text: 'Threats: 13 revenge scenarios' } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: '>“With a sea of mourners rushing to see Soleimani’s coffin, state TV said a stampede had broken out which left 35 people dead and 48 injured.” — state TV',
      },
    },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: '>“Tehran says it has lined up 13 ‘revenge scenarios’ and revolutionary guards leader Hossein Salami told the crowds today that Iran would ‘set ablaze’ US allies.”',
      },
    },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: '<https://example.org/news/2020/01/07/kerman-stampede|Seed desk: “Stampede at Soleimani funeral in Kerman kills dozens”> · reported by 1 outlet · 2020-01-07T00:00:00Z' }],
    },
  ],
};

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
    // 35 killed and 48 injured: the 'grave' tier's red.
    expect(alert1?.body).toBe(JSON.stringify(asSlack(SEED_SLACK_BODY, '#d62728')));

    const second = await postArticle(laterReport);
    expect(second.status).toBe(200);
    const secondBody = await second.json<{ incident: string }>();
    expect(secondBody.incident).toBe(firstBody.incident);
    await vi.waitUntil(() => spy.mock.calls.length === 2, { timeout: 5000 });
    expect(captured(spy)[1]?.body).toBe(JSON.stringify(asSlack(UPDATE_SLACK_BODY, '#d62728')));

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
    expect(await again.json()).toMatchObject({ incident: null, duplicate: true });
    const conflict = await postArticle({ ...payload, text: `${payload.text} Updated.` }, { webhookId: 'msg_council_budget' });
    expect(conflict.status).toBe(409);
  });
});
