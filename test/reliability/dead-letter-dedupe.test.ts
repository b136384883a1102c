// Dead letters: one letter per (alert, destination), however often a delivery dies.
import { runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { DeliveryLedger } from '../../src/durable/delivery-ledger';
import { kermanNew } from '../notify/fixtures';

describe('dead letters', () => {
  it('keep one letter per (alert, destination) when both dead-letter paths file it', async () => {
    const stub = env.DELIVERY_LEDGER.get(env.DELIVERY_LEDGER.idFromName('dedupe-test'));
    await runInDurableObject(stub, async (ledger: DeliveryLedger) => {
      const slack = { v: 1 as const, destination: 'slack' as const, alert: kermanNew };
      const first = await ledger.addDeadLetter(slack, 'HTTP 404', 1);
      expect(await ledger.addDeadLetter(slack, 'queue retries exhausted', 2)).toBe(first);
      const discord = await ledger.addDeadLetter({ ...slack, destination: 'discord' }, 'HTTP 404', 3);
      expect(discord).not.toBe(first);
      expect((await ledger.listDeadLetters()).map((l) => [l.message.destination, l.reason])).toEqual([
        ['slack', 'HTTP 404'],
        ['discord', 'HTTP 404'],
      ]);
    });
  });
});
