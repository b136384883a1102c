// Issue 14 item 6: the webhook and replay run one "ingest one article" use case, so a fix to its steps lands in both.
import { describe, expect, it } from 'vitest';
import { replayArticles } from '../../src/replay';
import { article } from '../security/articles';

describe('ingest one article, as replay runs it', () => {
  it('the same message re-serialised under one id is a duplicate in replay too, not a conflict', async () => {
    const payload = article(17, { place: 'Jaca', id: 'replay-reserialised', published: '2024-06-01T08:00:00Z' });
    const reordered = Object.fromEntries(Object.entries(payload).reverse());
    const lines = await replayArticles([
      { file: 'a.json', payload },
      { file: 'b.json', payload: reordered },
      { file: 'c.json', payload: { ...payload, text: payload.text.replace('17', '71') } },
    ]);
    expect(lines[0]).toMatchObject({ file: 'a.json', incident: expect.any(String) });
    expect(lines[0]).not.toHaveProperty('duplicate');
    expect(lines[1]).toMatchObject({ file: 'b.json', duplicate: true });
    expect(lines[2]).toMatchObject({ file: 'c.json', error: { code: 'id_conflict' } });
  });
});
