// A fire and a blast in one city join the same day, not days apart: rule spot.fire-vs-blast. Our own sentences.
import { describe, expect, it } from 'vitest';
import { DAY, file, hintsOf, keyOf, memoryIndexStore } from './helpers';

const T0 = Date.parse('2023-03-10T12:00:00Z');

describe('related spot types days apart', () => {
  it('keeps a market fire three days after a gas blast in the same city apart', () => {
    const store = memoryIndexStore();
    const a = file(store, hintsOf('Gas blast kills six in Lagos', 'A gas tanker exploded in Lagos on Monday, killing six people, officials said.'), T0);
    const b = file(store, hintsOf('Market fire kills four in Lagos', 'A fire swept through a market in Lagos on Thursday, killing four traders, officials said.'), T0 + 3 * DAY);
    expect(keyOf(b)).not.toBe(keyOf(a));
  });

  it('still joins a "fire" report to the blast the same day', () => {
    const store = memoryIndexStore();
    const a = file(store, hintsOf('Gas blast kills six in Lagos', 'A gas tanker exploded in Lagos on Monday, killing six people, officials said.'), T0);
    const b = file(store, hintsOf('Tanker fire in Lagos kills nine', 'The toll from the tanker fire in Lagos rose to nine on Monday evening, officials said.'), T0 + 6 * 3_600_000);
    expect(keyOf(b)).toBe(keyOf(a));
  });
});
