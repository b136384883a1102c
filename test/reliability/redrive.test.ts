// Issue 14 item 5: a dead letter re-driven twice at once goes back on the queue once.
import { exports } from 'cloudflare:workers';
import { afterEach, expect, it, vi } from 'vitest';
import { ledger } from '../../src/queue/consumer';
import { captureOutbound, READ_TOKEN } from '../helpers';
import { settle } from '../security/articles';
import { env } from '../security/state';
import { slackAlert } from './support';

afterEach(() => vi.restoreAllMocks());

const message = slackAlert('redrive-race', 4);

it('two simultaneous re-drives of one dead letter: one is accepted, the other refused, one post', async () => {
  const spy = captureOutbound();
  const id = await ledger(env).addDeadLetter(message, 'HTTP 410', Date.now());
  const redrive = () =>
    exports.default.fetch(`http://tollwatch.test/v1/dead-letters/${id}/redrive`, {
      method: 'POST',
      headers: { authorization: `Bearer ${READ_TOKEN}`, 'content-type': 'application/json' },
      body: '{}',
    });
  const statuses = (await Promise.all([redrive(), redrive(), redrive()])).map((r) => r.status).sort();
  expect(statuses.filter((s) => s === 202)).toHaveLength(1);
  expect(statuses.every((s) => s === 202 || s === 409 || s === 404), String(statuses)).toBe(true);
  await vi.waitUntil(() => spy.mock.calls.length >= 1, { timeout: 8_000, interval: 50 });
  await settle(spy, 1_500);
  expect(spy).toHaveBeenCalledTimes(1);
  expect((await redrive()).status).toBe(404);
});
