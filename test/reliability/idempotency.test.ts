// Issue 14 item 5: retries are judged by what they say (canonical JSON), and a failed apply does not burn the id.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureOutbound, postArticle } from '../helpers';
import { article, type ErrorJson } from '../security/articles';
import { env } from '../security/state';

afterEach(() => vi.restoreAllMocks());

type Answer = { article_id: string; incident: string; duplicate: boolean; casualties: { killed?: { value: number } } };

describe('retries under one webhook-id', () => {
  it('the same JSON re-serialised (key order, spacing) is the same message: 200 with the stored answer', async () => {
    captureOutbound();
    const payload = article(14, { place: 'Haro', incident_id: 'idem-reserialised' });
    const first = await postArticle(JSON.stringify(payload), { webhookId: 'msg_reserialised' });
    expect(first.status).toBe(200);
    const reordered = Object.fromEntries(Object.entries(payload).reverse());
    const again = await postArticle(JSON.stringify(reordered, null, 2), { webhookId: 'msg_reserialised' });
    expect(again.status, await again.clone().text()).toBe(200);
    expect((await again.json<Answer>()).duplicate).toBe(true);
    // Different content under the same id is still a conflict.
    const other = await postArticle(JSON.stringify({ ...payload, text: payload.text.replace('14', '41') }), { webhookId: 'msg_reserialised' });
    expect(other.status).toBe(409);
    expect((await other.json<ErrorJson>()).error.code).toBe('id_conflict');
  });

  it('a corrected retry after an apply that failed is applied, not refused as a 409', async () => {
    captureOutbound();
    const key = 'idem-failed-apply';
    expect((await postArticle(article(2, { place: 'Irun', incident_id: key }))).status).toBe(200);
    // The state a failed apply leaves: the index filed the article (under an earlier body), the tracker never
    // applied it (the request died between the two with a 5xx).
    const filed = await env.INCIDENT_INDEX.get(env.INCIDENT_INDEX.idFromName('global')).file({
      articleId: 'msg_failed_apply',
      bodyHash: 'hash-of-the-first-attempt',
      hints: { type: 'explosion', places: ['Irun'] },
      publishedMs: Date.now(),
      incidentId: key,
      canOpen: true,
    });
    expect(filed).toMatchObject({ kind: 'filed', key });

    const corrected = await postArticle(article(6, { place: 'Irun', incident_id: key }), { webhookId: 'msg_failed_apply' });
    expect(corrected.status, await corrected.clone().text()).toBe(200);
    const answer = await corrected.json<Answer>();
    expect(answer.duplicate).toBe(false);
    expect(answer.casualties.killed?.value).toBe(6);
    // Now that it is applied, another body under the id is a conflict again.
    expect((await postArticle(article(7, { place: 'Irun', incident_id: key }), { webhookId: 'msg_failed_apply' })).status).toBe(409);
  });
});
