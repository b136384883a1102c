// Objects whose tables an earlier version created (AUTOINCREMENT rows, rowid key tables) keep working: a schema
// change reaches only new objects, and every statement must read and write both layouts.
import { runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { postArticle } from '../helpers';
import { article } from '../security/articles';
import { tracker } from '../reliability/support';

/** The tracker's reports, actions and meta as the schema before 2026-12-06 laid them out, rows moved over. */
const OLDER_TRACKER_TABLES = `
  ALTER TABLE reports RENAME TO reports_new;
  CREATE TABLE reports (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, article_id TEXT NOT NULL UNIQUE, content_hash TEXT NOT NULL,
    report TEXT NOT NULL, result TEXT NOT NULL, alert_id TEXT);
  INSERT INTO reports SELECT * FROM reports_new;
  DROP TABLE reports_new;
  CREATE INDEX IF NOT EXISTS reports_hash ON reports (content_hash);
  DROP TABLE actions;
  CREATE TABLE actions (seq INTEGER PRIMARY KEY AUTOINCREMENT, action TEXT NOT NULL, at_ms INTEGER NOT NULL, detail TEXT NOT NULL);
  ALTER TABLE meta RENAME TO meta_new;
  CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
  INSERT INTO meta SELECT * FROM meta_new;
  DROP TABLE meta_new;`;

describe('a tracker created by the earlier schema', () => {
  it('takes follow-up reports, alerts on a rise and answers a resend from storage', async () => {
    const key = 'older-tables-tracker';
    expect((await postArticle(article(3, { place: 'Tarlac', incident_id: key }), { webhookId: 'ot-1' })).status).toBe(200);
    await runInDurableObject(tracker(key), (_i, state) => {
      state.storage.sql.exec(OLDER_TRACKER_TABLES);
    });
    const layout = await runInDurableObject(tracker(key), (_i, state) =>
      state.storage.sql.exec<{ name: string; sql: string }>(`SELECT name, sql FROM sqlite_master WHERE name IN ('reports', 'meta')`).toArray(),
    );
    expect(layout.every((t) => !/WITHOUT ROWID/i.test(t.sql))).toBe(true);
    expect(layout.find((t) => t.name === 'reports')?.sql).toMatch(/AUTOINCREMENT/);

    const rise = await postArticle(article(7, { place: 'Tarlac', incident_id: key }), { webhookId: 'ot-2' });
    expect(rise.status).toBe(200);
    const body = (await rise.json()) as { changes: Array<{ category: string; from: { value: number } | null; to: { value: number } }> };
    expect(body.changes.map((c) => [c.category, c.from?.value, c.to.value])).toEqual([['killed', 3, 7]]);

    const again = await postArticle(article(7, { place: 'Tarlac', incident_id: key }), { webhookId: 'ot-2' });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { changes: unknown[] }).changes).toEqual(body.changes);

    const ids = await runInDurableObject(tracker(key), (_i, state) =>
      state.storage.sql.exec<{ article_id: string }>(`SELECT article_id FROM reports ORDER BY seq`).toArray().map((r) => r.article_id),
    );
    expect(ids).toHaveLength(2);
  });
});
