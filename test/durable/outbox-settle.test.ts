// The tracker's settle: the consumer's ack-back removes exactly the outbox rows it names, however many.
import { runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { env } from '../security/state';

const tracker = (key: string) => env.INCIDENT_TRACKER.get(env.INCIDENT_TRACKER.idFromName(key));

/** Outbox rows as the tracker writes them: one message per (alert, destination). */
async function seedOutbox(key: string, rows: Array<[alertId: string, destination: string]>): Promise<void> {
  await tracker(key).state(); // creates the object and its schema
  await runInDurableObject(tracker(key), (_instance, state) => {
    for (const [alertId, destination] of rows) {
      const message = { v: 1, destination, alert: { alert_id: alertId } };
      // Offered just now: no recheck falls due (and fires the alarm on these partial messages) during a test.
      state.storage.sql.exec(`INSERT INTO outbox (message, offered_ms) VALUES (?, ?)`, JSON.stringify(message), Date.now());
    }
  });
}

async function outboxKeys(key: string): Promise<string[]> {
  return runInDurableObject(tracker(key), (_instance, state) =>
    state.storage.sql
      .exec<{ a: string; d: string }>(`SELECT json_extract(message, '$.alert.alert_id') AS a, json_extract(message, '$.destination') AS d FROM outbox ORDER BY seq`)
      .toArray()
      .map((r) => `${r.a}@${r.d}`),
  );
}

describe('settling outbox rows', () => {
  it('removes only the (alert, destination) pairs named; an unknown pair or a half-matching one removes nothing', async () => {
    const key = 'settle-exact-pairs';
    await seedOutbox(key, [
      ['inc:v1', 'slack'],
      ['inc:v1', 'teams'],
      ['inc:v2', 'slack'],
      ['inc:v2', 'teams'],
    ]);
    await tracker(key).settleMany([
      { alert_id: 'inc:v1', destination: 'slack' },
      { alert_id: 'inc:v2', destination: 'teams' },
      { alert_id: 'inc:v3', destination: 'slack' }, // never queued here
      { alert_id: 'inc:v1', destination: 'discord' }, // right alert, wrong destination
    ]);
    expect(await outboxKeys(key)).toEqual(['inc:v1@teams', 'inc:v2@slack']);
    await tracker(key).settle('inc:v1', 'teams');
    expect(await outboxKeys(key)).toEqual(['inc:v2@slack']);
  });

  it('settles a batch larger than one query may bind (100 parameters) in full', async () => {
    const key = 'settle-large-batch';
    const rows = Array.from({ length: 230 }, (_, i) => [`inc:v${i}`, i % 2 ? 'slack' : 'teams'] as [string, string]);
    await seedOutbox(key, [...rows, ['inc:keep', 'slack']]);
    await tracker(key).settleMany(rows.map(([alert_id, destination]) => ({ alert_id, destination })));
    expect(await outboxKeys(key)).toEqual(['inc:keep@slack']);
  });

  it('settling the same pair twice (a redelivered ack) is harmless', async () => {
    const key = 'settle-twice';
    await seedOutbox(key, [['inc:v1', 'slack'], ['inc:v1', 'teams']]);
    await tracker(key).settleMany([{ alert_id: 'inc:v1', destination: 'slack' }]);
    await tracker(key).settleMany([{ alert_id: 'inc:v1', destination: 'slack' }]);
    expect(await outboxKeys(key)).toEqual(['inc:v1@teams']);
  });

  it('settling the last row removes the alarm that guarded it; rows still waiting keep theirs', async () => {
    const key = 'settle-alarm';
    await seedOutbox(key, [['inc:v1', 'slack'], ['inc:v1', 'teams']]);
    await runInDurableObject(tracker(key), async (_instance, state) => {
      await state.storage.setAlarm(Date.now() + 60_000);
    });
    const alarm = () => runInDurableObject(tracker(key), (_instance, state) => state.storage.getAlarm());
    await tracker(key).settleMany([{ alert_id: 'inc:v1', destination: 'slack' }]);
    // One row left: the alarm is kept for its recheck.
    expect(await alarm()).not.toBeNull();
    await tracker(key).settleMany([{ alert_id: 'inc:v1', destination: 'teams' }]);
    expect(await alarm()).toBeNull();
  });
});
