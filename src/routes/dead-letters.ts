// GET /v1/dead-letters and POST …/:id/redrive: see and re-drive alerts that could not be delivered.
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { HttpError } from '../lib/errors';
import { ledger } from '../queue/consumer';
import { RedriveBody, type DeadLetterList, type RedriveResult } from './api-schemas';
import { requireReader } from './reader';
import { requireWriteRequest, writeBody } from './writes';

export const deadLetters = new Hono<AppEnv>();
deadLetters.use('*', requireReader, requireWriteRequest);

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
  } satisfies DeadLetterList);
});

/**
 * Re-drive: the letter is claimed (so two re-drives at once cannot both send it), goes back on the alerts queue
 * as a fresh message, then leaves the ledger. A refused send releases the claim and keeps the letter (nothing is
 * lost); a crash between the two leaves a claim that expires, and the delivered marker stops a second copy.
 */
deadLetters.post('/:id/redrive', async (c) => {
  const id = Number(c.req.param('id'));
  if (!Number.isInteger(id) || id <= 0) throw new HttpError(400, 'invalid_id', 'dead-letter id must be a positive integer');
  // The letter is named by the path; the body is an empty JSON object, so only a deliberate JSON call re-drives.
  await writeBody(c.req.raw, RedriveBody);
  const book = ledger(c.env);
  const letter = await book.claimDeadLetter(id, Date.now());
  if (!letter) {
    if (await book.getDeadLetter(id)) throw new HttpError(409, 'redrive_in_progress', `dead letter ${id} is being re-driven by another request`);
    throw new HttpError(404, 'not_found', `no dead letter with id ${id}`);
  }
  try {
    await c.env.ALERTS.send(letter.message, { contentType: 'json' });
  } catch {
    await book.releaseDeadLetter(id, Date.now());
    throw new HttpError(503, 'queue_unavailable', 'the alerts queue refused the message; the dead letter is kept, try again', undefined, { 'retry-after': '5' });
  }
  await book.finishRedrive(id);
  return c.json({ redriven: id, alert_id: letter.message.alert.alert_id, destination: letter.message.destination } satisfies RedriveResult, 202);
});
