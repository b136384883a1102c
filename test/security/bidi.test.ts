// Issue 14 item 5: bidirectional-text controls in article text cannot reorder what a chat message shows.
import { describe, expect, it } from 'vitest';
import { alertText, buildDeliveryRequest } from '../../src/notify';
import type { Alert } from '../../src/schema';
import { EXAMPLE_DESTINATIONS, kermanNew, NOW_MS } from '../notify/fixtures';

/** Embeddings, overrides, isolates and the directional marks (U+202A–E, U+2066–9, U+200E/F, U+061C). */
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]|\\u(202[a-e]|206[6-9]|200[ef]|061c)/i;

/** "killed 53" would read as "killed 35" with an override around the digits: every untrusted field carries some. */
const hostile: Alert = {
  ...kermanNew,
  incident_title: 'Kerman \u202Estampede\u202C',
  places: ['\u2067Iran\u2069'],
  outlet: 'Daily \u202DMail',
  changes: kermanNew.changes.map((c) => ({ ...c, quote: `state TV said \u202E53\u202C people died \u2066and\u2069 \u200F48\u200E were hurt`, attribution: '\u061Cstate TV' })),
};

describe('bidi controls', () => {
  for (const [name, config] of Object.entries(EXAMPLE_DESTINATIONS)) {
    it(`are neutralised in the ${name} message`, async () => {
      const req = await buildDeliveryRequest(config, hostile, NOW_MS);
      // The generic webhook is data for programs: its fields stay as reported; the human-readable `text` is clean.
      const shown = name === 'webhook' ? (JSON.parse(req.init.body) as { data: { text: string } }).data.text : req.init.body;
      expect(shown).not.toMatch(BIDI);
      expect(shown).toContain('53');
    });
  }

  it('are neutralised in the plain text the API answers with', () => {
    expect(alertText(hostile)).not.toMatch(BIDI);
    expect(alertText(hostile)).toContain('Kerman stampede');
  });
});
