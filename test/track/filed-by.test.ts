// Each report of an incident shows the matching rules that filed it: GET /v1/incidents/:key → timeline[].filed_by.
import { exports } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { captureOutbound, postArticle, READ_TOKEN } from '../helpers';

beforeEach(() => {
  captureOutbound();
});
afterEach(() => vi.restoreAllMocks());

const detail = (key: string) => exports.default.fetch(`http://tollwatch.test/v1/incidents/${key}`, { headers: { authorization: `Bearer ${READ_TOKEN}` } });

describe('filed_by', () => {
  it('shows the rules that opened the incident and that joined a later report to it', async () => {
    const first = await postArticle({
      id: 'fb-1',
      published: '2024-06-02T06:00:00Z',
      title: 'Two wounded in Millbrook shooting',
      text: 'Two men were wounded when a gunman opened fire outside the Copper Kettle Diner in Millbrook, Alabama, early on Sunday, police said.',
    }, { webhookId: 'fb-1' });
    expect(first.status).toBe(200);
    const key = (await first.json<{ incident: string }>()).incident;
    const second = await postArticle({
      id: 'fb-2',
      published: '2024-06-02T15:00:00Z',
      title: 'One dead in Millbrook diner shooting',
      // a figure changes, so the incident's timeline is written again
      text: 'A man was killed and two others were wounded in the shooting outside the Copper Kettle Diner in Millbrook, Alabama, on Sunday, police said.',
    }, { webhookId: 'fb-2' });
    expect((await second.json<{ incident: string }>()).incident).toBe(key);

    type Detail = { timeline: Array<{ kind: string; article_id?: string; filed_by?: string[] }> };
    // The read model is written after the report is applied (coalesced): poll until both reports show.
    let reports: Detail['timeline'] = [];
    let last = '';
    for (let i = 0; i < 50 && reports.length < 2; i++) {
      const res = await detail(key);
      last = `${res.status} ${await res.clone().text()}`;
      if (res.status === 200) reports = (await res.json<Detail>()).timeline.filter((e) => e.kind === 'report');
      if (reports.length < 2) await new Promise((r) => setTimeout(r, 200));
    }
    expect(reports.length, last).toBe(2);
    expect(reports.find((r) => r.article_id === 'fb-1')?.filed_by).toEqual(['new:no-candidate']);
    expect(reports.find((r) => r.article_id === 'fb-2')?.filed_by).toEqual(expect.arrayContaining(['score.type-same', 'score.anchors']));
  });
});
