// One runner over the rule tables (victim rows and count rows): every row's examples must give their figures through
// `extract`, and an example that expects the row's own category must be produced by that row (so each row has a line
// that fails without it). Negative examples must give no figure. Every candidate on the dev corpus names a row. Every
// named set-aside of the count readers is listed on a row and has an example whose account shows it vetoing that row
// (and, where the check decides a figure, the figure the text would give with the check switched off).
/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { extract } from '../../../src/extract/index';
import { findCandidates, type SentenceVeto } from '../../../src/extract/figures';
import { selectFigures } from '../../../src/extract/select';
import { documentSentences } from '../../../src/extract/sentences';
import { VICTIM_RULES } from '../../../src/extract/rules/victim-rules';
import { COUNT_RULES, SENTENCE_ASIDES, SET_ASIDES } from '../../../src/extract/rules/count-rules';
import { COUNT_GRAMMAR } from '../../../src/extract/rules/count-grammar';
import { GUARDS } from '../../../src/extract/rules/guards';
import { explainExtraction, formatExplanation } from '../../../src/extract/explain';

const PUBLISHED = '2017-06-10';

describe.each(VICTIM_RULES.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
  it('has examples and only known guards', () => {
    expect(rule.examples.length).toBeGreaterThan(0);
    for (const g of rule.guards) expect(Object.keys(GUARDS)).toContain(g);
  });
  it.each(rule.examples.map((e) => [e.text, e] as const))('%s', (text, example) => {
    const got = extract({ text, ...(example.title ? { title: example.title } : {}), published: PUBLISHED }).casualties;
    for (const [cat, want] of Object.entries(example.expect)) {
      const value = got[cat as keyof typeof got]?.value ?? null;
      expect({ cat, value }).toEqual({ cat, value: want });
    }
    const own = example.expect[rule.category];
    if (typeof own === 'number') {
      const rules = findCandidates(documentSentences(text, example.title), 2017, 6).map((c) => c.rule);
      expect(rules).toContain(example.rule ?? rule.id);
    }
  });
});

describe.each(COUNT_RULES.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
  it.each(rule.examples.map((e) => [e.text, e] as const))('%s', (text, example) => {
    const got = extract({ text, ...(example.title ? { title: example.title } : {}), published: PUBLISHED }).casualties;
    for (const [cat, want] of Object.entries(example.expect)) {
      expect({ cat, value: got[cat as keyof typeof got]?.value ?? null }).toEqual({ cat, value: want });
    }
    // (an example of what the rule leaves alone expects no figure of its category)
    if (typeof example.expect[example.category] !== 'number') return;
    const fired = findCandidates(documentSentences(text, example.title), 2017, 6).filter((c) => c.category === example.category).map((c) => c.rule);
    expect(fired).toContain(rule.id);
  });
});

describe('count rows as data', () => {
  // Every row is a token pattern, a pattern over readings, or a sentence of the count grammar that the engines run:
  // no row's matching is reader code in figures.ts.
  it.each(COUNT_RULES.map((r) => [r.id, r] as const))('%s is a pattern, a pattern over readings or a grammar sentence', (id, rule) => {
    expect({ id, data: (rule.patterns?.length ?? 0) > 0 || rule.readings !== undefined || rule.grammar !== undefined }).toEqual({ id, data: true });
  });
  it('a row that reads the grammar names one of its sub-patterns', () => {
    for (const rule of COUNT_RULES) if (rule.grammar) expect(Object.keys(COUNT_GRAMMAR)).toContain(rule.grammar);
  });
});

const figuresOf = (c: ReturnType<typeof selectFigures>): Record<string, number | null> =>
  Object.fromEntries(Object.entries(c).map(([cat, f]) => [cat, f?.value ?? null]));

describe('count set-asides', () => {
  it('every id a row lists is a row of SET_ASIDES, and every row of SET_ASIDES is listed on a rule', () => {
    const ids = new Set(SET_ASIDES.map((a) => a.id));
    expect(ids.size).toBe(SET_ASIDES.length);
    const listed = new Set(COUNT_RULES.flatMap((r) => r.setsAside));
    for (const id of listed) expect(ids).toContain(id);
    for (const id of ids) expect(listed).toContain(id);
    // a sentence-level set-aside applies to every rule, so no row lists it, and its id is no reader's
    for (const a of SENTENCE_ASIDES) expect({ id: a.id, reader: ids.has(a.id) || listed.has(a.id) }).toEqual({ id: a.id, reader: false });
  });
});

describe.each([...SET_ASIDES, ...SENTENCE_ASIDES].map((a) => [a.id, a] as const))('%s', (id, aside) => {
  it('has an example', () => expect(aside.examples.length).toBeGreaterThan(0));
  it.each(aside.examples.map((e) => [e.text, e] as const))('%s', (text, example) => {
    // a reader's set-aside is listed on the row it guards
    if (SET_ASIDES.includes(aside)) expect(COUNT_RULES.find((r) => r.id === example.rule)?.setsAside).toContain(id);
    const got = figuresOf(extract({ text, ...(example.title ? { title: example.title } : {}), published: PUBLISHED }).casualties);
    for (const [cat, want] of Object.entries(example.expect)) expect({ cat, value: got[cat] ?? null }).toEqual({ cat, value: want });
    const vetoes: SentenceVeto[] = [];
    findCandidates(documentSentences(text, example.title), 2017, 6, vetoes);
    expect(vetoes).toContainEqual(expect.objectContaining({ rule: example.rule, guard: id }));
    if (example.without) {
      const off = figuresOf(selectFigures(findCandidates(documentSentences(text, example.title), 2017, 6, undefined, new Set([id]))));
      for (const [cat, want] of Object.entries(example.without)) expect({ cat, value: off[cat] ?? null }).toEqual({ cat, value: want });
      // the what-if must differ from the figures with the check, or it shows nothing
      expect(Object.entries(example.without).some(([cat, want]) => (got[cat] ?? null) !== want)).toBe(true);
    }
  });
});

describe('every candidate names its rule', () => {
  it('names a row of the tables on every dev-corpus article', () => {
    const known = new Set<string>([...VICTIM_RULES.map((r) => r.id), ...COUNT_RULES.map((r) => r.id), 'listed.one-by-one']);
    const corpus = import.meta.glob<{ text: string; title?: string }>('../../../fixtures/corpus-dev/*.json', { eager: true, import: 'default' });
    const seen = new Set<string>();
    expect(Object.keys(corpus).length).toBeGreaterThan(30);
    for (const a of Object.values(corpus)) {
      for (const c of findCandidates(documentSentences(a.text, a.title), 2020, 6)) seen.add(c.rule);
    }
    expect(seen.size).toBeGreaterThan(5);
    for (const id of seen) expect(known).toContain(id);
  });

  it('every set-aside that fires on a dev-corpus article is listed on the rule it vetoes', () => {
    const corpus = import.meta.glob<{ text: string; title?: string }>('../../../fixtures/corpus-dev/*.json', { eager: true, import: 'default' });
    const asides = new Set<string>(SET_ASIDES.map((a) => a.id));
    let fired = 0;
    for (const a of Object.values(corpus)) {
      const vetoes: SentenceVeto[] = [];
      findCandidates(documentSentences(a.text, a.title), 2020, 6, vetoes);
      for (const v of vetoes.filter((x) => asides.has(x.guard))) {
        fired++;
        expect({ rule: v.rule, lists: (COUNT_RULES.find((r) => r.id === v.rule)?.setsAside as readonly string[] | undefined)?.includes(v.guard) }).toEqual({ rule: v.rule, lists: true });
      }
    }
    expect(fired).toBeGreaterThan(0);
  });

  it('legacy and table rules alike', () => {
    const text = 'Three people were killed and 12 others wounded when a bus overturned. A passenger was later pronounced dead, bringing the toll to four.';
    const cands = findCandidates(documentSentences(text), 2017, 6);
    expect(cands.length).toBeGreaterThan(0);
    for (const c of cands) expect(c.rule).toMatch(/^[a-z]+\.[a-z-]+$/);
  });
});

describe('--explain', () => {
  it('names the vetoing guard and the sentence it was in, and chooses from the same candidates as extract', () => {
    const article = { text: 'Two bystanders were hurt on Friday. The gunman was killed by return fire.', published: PUBLISHED };
    const e = explainExtraction(article);
    expect(e.vetoes).toContainEqual(expect.objectContaining({ rule: 'killed.passive', guard: 'guard.perpetrator', sentence: 1 }));
    expect(e.casualties).toEqual(extract(article).casualties);
  });

  it('prints a count rule vetoed or demoted by a named set-aside', () => {
    const text = formatExplanation(explainExtraction({ text: 'Soldiers killed 12 gunmen near the border post.', published: PUBLISHED }));
    expect(text).toContain('s0 count.verb-before vetoed by count.aside.perpetrator');
    const older = formatExplanation(explainExtraction({ text: 'In March, gunmen killed 12 villagers near the dam.', published: PUBLISHED }));
    expect(older).toContain('s0 count.verb-before demoted by sentence.aside.older-month');
  });
});
