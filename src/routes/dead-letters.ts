import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { HttpError } from '../lib/errors';
import { ledger } from '../queue/consumer';
import { requireReader } from './reader';

export const deadLetters = new Hono<AppEnv>();
deadLetters.use('*', requireReader);

deadLetters.get('/', async (c) => {
  const letters = await ledger(c.env).listDeadLetters();
  return c.json({
    dead_letters: letters.map((l) => ({
      id: l.id,
      destination: l.message.destination,
      alert_id: l.message.alert.alert_id,
      incident: l.message.alert.incident_key,
      reason: l.reason,
      at: new Date(l.at_ms).toISOString(),
    })),
  });
});

/** Re-drive: the letter leaves the ledger and goes back on the alerts queue as a fresh message. */
deadLetters.post('/:id/redrive', async (c) => {
  const id = Number(c.req.param('id'));
  if (!Number.isInteger(id) || id <= 0) throw new HttpError(400, 'invalid_id', 'dead-letter id must be a positive integer');
  const letter = await ledger(c.env).takeDeadLetter(id);
  if (!letter) throw new HttpError(404, 'not_found', `no dead letter with id ${id}`);
  await c.env.ALERTS.send(letter.message, { contentType: 'json' });
  return c.json({ redriven: id, alert_id: letter.message.alert.alert_id, destination: letter.message.destination }, 202);
});
