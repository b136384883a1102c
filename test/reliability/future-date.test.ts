// Issue 14 item 3: a future `published` is refused beyond a day, and never moves an incident's clock past receipt.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureOutbound, postArticle } from '../helpers';
import { article, type ErrorJson } from '../security/articles';

afterEach(() => vi.restoreAllMocks());

type Answer = { alert: string | null; changes: unknown[] };
const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3_600_000;

describe('published in the future', () => {
  it('more than a day after receipt → 400 naming the field, nothing stored', async () => {
    captureOutbound();
    for (const published of ['9999-12-31', iso(Date.now() + 25 * HOUR)]) {
      const res = await postArticle(article(3, { place: 'Ejea', incident_id: 'future-refused', published }));
      expect(res.status, published).toBe(400);
      const body = await res.json<ErrorJson>();
      expect(body.error.code).toBe('invalid_article');
      expect(body.error.message).toMatch(/published/);
      expect(body.error.details).toMatchObject({ field: 'published' });
    }
  });

  it('a report dated up to a day ahead is taken, but later reports still alert (the clock stops at receipt)', async () => {
    captureOutbound();
    const key = 'future-clock';
    const ahead = await postArticle(article(3, { place: 'Fraga', incident_id: key, published: iso(Date.now() + 23 * HOUR) }));
    expect(ahead.status).toBe(200);
    expect((await ahead.json<Answer>()).alert).not.toBeNull();
    for (const killed of [4, 40]) {
      const res = await postArticle(article(killed, { place: 'Fraga', incident_id: key, published: iso(Date.now()) }));
      expect(res.status).toBe(200);
      const answer = await res.json<Answer>();
      expect(answer.alert, `killed ${killed}`).not.toBeNull();
    }
  });
});
