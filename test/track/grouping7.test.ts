import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index';
import type { IncidentHints } from '../../src/schema';
import { fileArticle, memoryIndexStore } from '../../src/track/filing';

const T0 = Date.parse('2023-03-10T12:00:00Z');
const DAY = 86_400_000;
let n = 0;
function file(store: ReturnType<typeof memoryIndexStore>, hints: IncidentHints, publishedMs: number) {
  n++;
  return fileArticle(store, { articleId: `g7-${n}`, bodyHash: `g7b${n}`, hints, publishedMs, canOpen: true });
}
const keyOf = (f: ReturnType<typeof file>) => (f.kind === 'filed' ? f.key : null);
const hintsOf = (title: string, text: string) => extract({ title, text }).incident;

describe('towns of a state-level report', () => {
  it('puts an unlisted town placed by its state ("in Plano, Texas") first, under that state', () => {
    const h = hintsOf('Four shot dead at a warehouse in Plano, Texas', 'A gunman killed four workers at a warehouse in Plano, a suburb north of Dallas, on Friday, police said.');
    expect(h.places.slice(0, 2)).toEqual(['Plano', 'Texas']);
  });

  it('keeps a homonym town of the report\'s state ("near Columbus, east of Austin") as that state\'s town', () => {
    const h = hintsOf(
      'Texas man kills three relatives',
      'Three people were shot dead at a farmhouse in Texas on Sunday, the county sheriff said.\n\nThe house stands in open country near Columbus, east of Austin.',
    );
    expect(h.places).toContain('Columbus, Texas');
    expect(h.places).not.toContain('Ohio');
  });

  it('keeps two shootings in different towns of one state, a week apart, apart', () => {
    const store = memoryIndexStore();
    const a = file(
      store,
      hintsOf(
        'Texas man kills three relatives',
        'Three people were shot dead at a farmhouse in Texas on Sunday, the county sheriff said.\n\nThe house stands in open country near Columbus, east of Austin.',
      ),
      T0,
    );
    const b = file(
      store,
      hintsOf(
        'Four shot dead at a warehouse in Plano, Texas',
        'A gunman killed four workers at a warehouse in Plano, a suburb north of Dallas, on Friday, police said.\n\nIt was the second deadly shooting in the state in a week, after three relatives were killed near Columbus.',
      ),
      T0 + 6 * DAY,
    );
    expect(keyOf(b)).not.toBe(keyOf(a));
  });
});

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
