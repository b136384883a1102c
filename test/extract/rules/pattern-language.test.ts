// What each kind of token in a count rule's pattern matches (rules/count-rules.ts PatternToken), and each kind of node
// of the count grammar (rules/count-grammar.ts GrammarNode), one behaviour per spec, on sentences of our own words:
// the rows are data, so the language they are written in is specified here.
import { describe, expect, it } from 'vitest';
import { tokenise } from '../../../src/extract/numbers';
import { parseNumberAt } from '../../../src/extract/numbers';
import { countPatternAt, matchTokenPattern } from '../../../src/extract/rules/engine';
import type { TokenPattern } from '../../../src/extract/rules/count-rules';
import { matchGrammarNode, readSubject } from '../../../src/extract/rules/grammar';
import { STEP_BUDGET, type GrammarNode } from '../../../src/extract/rules/count-grammar';

/** Match `p` with its anchor on the first token whose text is `at`; the matched words, or null. */
function words(text: string, at: string, p: TokenPattern): { text: string; value?: number; category?: string; qualifier?: string; marks?: readonly string[]; aside?: string } | null {
  const toks = tokenise(text);
  const i = toks.findIndex((t) => t.l === at);
  const m = matchTokenPattern(toks, i, p);
  if (!m) return null;
  return { text: toks.slice(m.start, m.end).map((t) => t.t).join(' '), ...(m.value !== undefined ? { value: m.value } : {}), ...(m.category ? { category: m.category } : {}), ...(m.qualifier ? { qualifier: m.qualifier } : {}), ...(m.marks ? { marks: m.marks } : {}), ...(m.aside ? { aside: m.aside } : {}) };
}

const base = { anchor: 0, emits: [] } as const;

describe('pattern tokens', () => {
  it('word and list: one word each, the list by its name in lexicon/pattern-lists.ts', () => {
    const p: TokenPattern = { ...base, tokens: [{ list: 'FATAL_EVENT_ADJECTIVES' }, { word: 'stabbing' }] };
    expect(words('It was a deadly stabbing.', 'deadly', p)).toEqual({ text: 'deadly stabbing' });
    expect(words('It was a deadly shooting.', 'deadly', p)).toBeNull();
  });

  it('number: a whole number expression of at least min, its value the figure', () => {
    const p: TokenPattern = { ...base, tokens: [{ number: { min: 2 } }, { word: 'counts' }] };
    expect(words('He faces twenty two counts of theft.', 'twenty', p)).toEqual({ text: 'twenty two counts', value: 22 });
    expect(words('He faces one counts of theft.', 'one', p)).toBeNull();
  });

  it('skip: as few tokens as let the rest match, up to max, none of the words it may not pass', () => {
    const p: TokenPattern = { ...base, tokens: [{ word: 'of' }, { skip: { max: 2, not: ['attempted'] } }, { list: 'KILLING_CHARGES' }] };
    expect(words('counts of first degree murder', 'of', p)).toEqual({ text: 'of first degree murder' });
    expect(words('counts of murder and murder', 'of', p)).toEqual({ text: 'of murder' });
    expect(words('counts of attempted murder', 'of', p)).toBeNull();
    expect(words('counts of very first degree murder', 'of', p)).toBeNull();
  });

  it('skip with modifiers: only words of a noun phrase, a glued hyphen and an age', () => {
    const p: TokenPattern = { ...base, tokens: [{ word: 'a' }, { skip: { max: 5, modifiers: true } }, { list: 'PERSON_SINGULAR' }] };
    expect(words('a 59-year-old station master', 'a', p)).toEqual({ text: 'a 59 - year-old station master' });
    expect(words('a man', 'a', p)).toEqual({ text: 'a man' });
    expect(words('a car and a man', 'a', p)).toBeNull();
  });

  it('skip with plain: only words of a noun phrase that are no casualty keyword or verb', () => {
    const p: TokenPattern = { ...base, tokens: [{ number: {} }, { skip: { max: 3, plain: true } }, { word: 'and' }] };
    expect(words('found 23 young survivors and', '23', p)).toEqual({ text: '23 young survivors and', value: 23 });
    expect(words('found 23 injured survivors and', '23', p)).toBeNull();
    expect(words('found 23 of them and', '23', p)).toBeNull();
  });

  it('qualifier: a qualifier phrase or nothing; with figure, the phrase before the figure\'s number gives its qualifier', () => {
    const p: TokenPattern = { ...base, anchor: 2, tokens: [{ word: 'and' }, { qualifier: { figure: true } }, { number: {} }, { word: 'bodies' }] };
    expect(words('and at least 7 bodies', '7', p)).toEqual({ text: 'and at least 7 bodies', value: 7, qualifier: 'at_least' });
    expect(words('and about 7 bodies', '7', p)).toEqual({ text: 'and about 7 bodies', value: 7, qualifier: 'approx' });
    expect(words('and 7 bodies', '7', p)).toEqual({ text: 'and 7 bodies', value: 7 });
    expect(words('and sadly 7 bodies', '7', p)).toBeNull();
  });

  it('tokens before the anchor match leftward from it, spans included; the anchor\'s number is the figure', () => {
    const p: TokenPattern = { ...base, anchor: 3, tokens: [{ word: 'found' }, { number: {} }, { skip: { max: 2 } }, { number: {} }, { word: 'bodies' }] };
    expect(words('divers found twenty one survivors and 7 bodies', '7', p)).toEqual({ text: 'found twenty one survivors and 7 bodies', value: 7 });
    expect(words('divers found 21 tired young survivors and 7 bodies', '7', p)).toBeNull();
    expect(words('divers found 7 bodies', '7', p)).toBeNull();
  });

  it('keyword: a casualty keyword of one to three words, its category the figure\'s, read leftward too', () => {
    const p: TokenPattern = { ...base, anchor: 2, tokens: [{ keyword: true }, { word: ':' }, { number: {} }] };
    expect(words('Dead: 35', '35', p)).toEqual({ text: 'Dead : 35', value: 35, category: 'killed' });
    expect(words('Unaccounted for: 4', '4', p)).toEqual({ text: 'Unaccounted for : 4', value: 4, category: 'missing' });
    expect(words('Houses: 35', '35', p)).toBeNull();
  });

  it('marked: a word of the list, with the marks whose tests it passes', () => {
    const p: TokenPattern = { ...base, anchor: 1, tokens: [{ marked: { list: 'TOLL_LINKS', marks: [{ test: { word: 'from' }, mark: 'superseded' }] } }, { number: {} }] };
    expect(words('the toll rose from 40', '40', p)).toEqual({ text: 'from 40', value: 40, marks: ['superseded'] });
    expect(words('the toll stood at 40', '40', p)).toEqual({ text: 'at 40', value: 40 });
    expect(words('the toll came to 40', '40', p)).toBeNull();
  });

  it('oneOf: the first alternative that fits its own lookbehind and lets the rest match, with its category', () => {
    const noun: TokenPattern['tokens'][number] = {
      oneOf: [
        { tokens: [{ word: 'toll' }], notAfter: [{ word: 'injury' }], category: 'killed' },
        { tokens: [{ word: 'count' }], onlyAfter: [{ word: 'death' }], category: 'killed' },
      ],
    };
    const p: TokenPattern = { ...base, anchor: 2, tokens: [noun, { word: 'at' }, { number: {} }] };
    expect(words('the toll at 5', '5', p)).toEqual({ text: 'toll at 5', value: 5, category: 'killed' });
    expect(words('the death count at 5', '5', p)).toEqual({ text: 'count at 5', value: 5, category: 'killed' });
    expect(words('the injury toll at 5', '5', p)).toBeNull();
    expect(words('the vote count at 5', '5', p)).toBeNull();
  });

  it('skip with notKeyword: none of its words a casualty keyword, so the first keyword ends it', () => {
    const p: TokenPattern = { ...base, tokens: [{ word: 'number' }, { skip: { max: 3, notKeyword: true } }, { keyword: true }] };
    expect(words('the number of dead and injured', 'number', p)).toEqual({ text: 'number of dead', category: 'killed' });
    expect(words('the number of people hurt', 'number', p)).toEqual({ text: 'number of people hurt', category: 'injured' });
  });

  it('skip with digits: bare digits only in a hyphenated modifier or after one of the given words', () => {
    const p: TokenPattern = { ...base, tokens: [{ word: 'toll' }, { skip: { max: 8, digits: { after: ['from'] } } }, { word: 'to' }] };
    expect(words('the toll rose from 40 to', 'toll', p)).toEqual({ text: 'toll rose from 40 to' });
    expect(words('the toll of the 3-day storm rose to', 'toll', p)).toEqual({ text: 'toll of the 3 - day storm rose to' });
    expect(words('the toll in 2 towns rose to', 'toll', p)).toBeNull();
  });

  it('optional: the word or nothing', () => {
    const p: TokenPattern = { ...base, tokens: [{ word: 'shooting' }, { optional: { word: 'death' } }] };
    expect(words('a shooting death here', 'shooting', p)).toEqual({ text: 'shooting death' });
    expect(words('a shooting here', 'shooting', p)).toEqual({ text: 'shooting' });
  });

  it('repeat: the group once, then again after each joiner while it matches; the times are the figure', () => {
    const p: TokenPattern = { ...base, tokens: [{ repeat: { tokens: [{ word: 'a' }, { list: 'PERSON_SINGULAR' }], joiner: 'and' } }] };
    expect(words('a guard and a driver and a nurse were hurt', 'a', p)).toEqual({ text: 'a guard and a driver and a nurse', value: 3 });
    expect(words('a guard and a truck', 'a', p)).toEqual({ text: 'a guard', value: 1 });
  });

  it('leftVerb with differs and marks: a second verb of another category, and the marks its word passes', () => {
    const p: TokenPattern = {
      ...base, anchor: 3,
      tokens: [{ leftVerb: true, differs: true }, { word: 'or' }, { leftVerb: true, marks: [{ test: { list: 'LEFT_NEEDS_PERSON' }, mark: 'needs-person' }] }, { number: {} }],
    };
    expect(words('troops killed or wounded 40 rebels', '40', p)).toEqual({ text: 'killed or wounded 40', value: 40, category: 'injured' });
    expect(words('troops killed or murdered 40 rebels', '40', p)).toBeNull();
    expect(words('gunmen killed or seized 40 villagers', '40', p)).toEqual({ text: 'killed or seized 40', value: 40, category: 'hostages', marks: ['needs-person'] });
  });

  it('verb and given marks: where the verb token stands, and the marks a pattern gives whenever it matches', () => {
    const toks = tokenise('Police rounded up 300 demonstrators.');
    const i = toks.findIndex((t) => t.l === '300');
    expect(countPatternAt(toks, i, false, parseNumberAt(toks, i), undefined, 'count.keyword-after')).toMatchObject({ rule: 'count.verb-before', hit: { category: 'arrested', value: 300, verbAt: 1, marks: ['needs-person'] } });
  });

  it('leftVerb: a casualty verb gives its category, read leftward before the anchor', () => {
    const p: TokenPattern = { ...base, anchor: 1, tokens: [{ leftVerb: true, except: ['claimed'] }, { word: 'another' }] };
    expect(words('and wounded another', 'another', p)).toEqual({ text: 'wounded another', category: 'injured' });
    expect(words('and claimed another', 'another', p)).toBeNull();
  });

  it('multiplier and event noun, also as the two halves of one hyphenated token', () => {
    const p: TokenPattern = { ...base, hyphenated: true, tokens: [{ multiplier: true }, { eventNoun: true }] };
    expect(words('a triple homicide', 'triple', p)).toEqual({ text: 'triple homicide', value: 3, category: 'killed' });
    expect(words('a triple-murder suspect', 'triple-murder', p)).toEqual({ text: 'triple-murder', value: 3, category: 'killed' });
  });

  it('phraseEnd: nothing, punctuation or a word that ends a noun phrase, not consumed', () => {
    const p: TokenPattern = { ...base, tokens: [{ word: 'another' }, { phraseEnd: true }] };
    expect(words('wounded another.', 'another', p)).toEqual({ text: 'another' });
    expect(words('wounded another man', 'another', p)).toBeNull();
  });
});

describe('pattern conditions', () => {
  it('notAfter and notBefore: the tokens either side of the match pass none of the tests', () => {
    const p: TokenPattern = { ...base, tokens: [{ word: 'deadly' }, { word: 'shooting' }], notAfter: [{ digits: true }, { list: 'MULTIPLIER_WORDS' }], notBefore: [{ word: 'of' }] };
    expect(words('the deadly shooting on Elm', 'deadly', p)).toEqual({ text: 'deadly shooting' });
    expect(words('2 deadly shooting sprees', 'deadly', p)).toBeNull();
    expect(words('a double deadly shooting', 'deadly', p)).toBeNull();
    expect(words('the deadly shooting of a boy', 'deadly', p)).toBeNull();
  });

  it('onlyBefore: the token after the match passes one of the tests, or the sentence ends there', () => {
    const p: TokenPattern = { ...base, anchor: 2, tokens: [{ keyword: true }, { word: ',' }, { number: {} }], onlyBefore: [{ list: 'APPOSITION_ENDS' }] };
    expect(words('girls still missing, 223, could', '223', p)).toEqual({ text: 'missing , 223', value: 223, category: 'missing' });
    expect(words('girls still missing, 223', '223', p)).toEqual({ text: 'missing , 223', value: 223, category: 'missing' });
    expect(words('girls still missing, 223 of them', '223', p)).toBeNull();
  });

  it('marks: inside the match before its qualifier, and within reach before the match', () => {
    const p: TokenPattern = {
      ...base, anchor: 4,
      tokens: [{ word: 'toll' }, { skip: { max: 3 } }, { word: 'to' }, { qualifier: {} }, { number: {} }],
      marks: { inside: [{ test: { list: 'SPECULATIVE' }, mark: 'speculative' }], behind: [{ within: 2, test: { list: 'ESTIMATE_WORDS' }, mark: 'approx' }] },
    };
    expect(words('the estimated toll could rise to 300', '300', p)).toEqual({ text: 'toll could rise to 300', value: 300, marks: ['speculative', 'approx'] });
    // ("perhaps" is the number's qualifier, not a guess between the toll and its number)
    expect(words('the toll rose to perhaps 300', '300', p)).toEqual({ text: 'toll rose to perhaps 300', value: 300 });
  });

  it('after: a row tried only once the rule named read nothing at the number (count.toll-phrase after count.verb-before)', () => {
    const toks = tokenise('The death toll rose to 212.');
    const i = toks.findIndex((t) => t.l === '212');
    const n = parseNumberAt(toks, i);
    expect(countPatternAt(toks, i, false, n)).toBeUndefined();
    expect(countPatternAt(toks, i, false, n, undefined, 'count.verb-before')).toMatchObject({ rule: 'count.toll-phrase', hit: { category: 'killed', value: 212, marks: ['update'] } });
  });

  it('asides before: a named set-aside holds when the token after the match passes a test', () => {
    const p: TokenPattern = { ...base, anchor: 1, tokens: [{ word: 'reached' }, { number: {} }], asides: [{ id: 'count.aside.thing-object', before: [{ list: 'THING_NOUNS' }] }] };
    expect(words('the toll reached 40 houses', '40', p)).toEqual({ text: 'reached 40', value: 40, aside: 'count.aside.thing-object' });
    expect(words('the toll reached 40 people', '40', p)).toEqual({ text: 'reached 40', value: 40 });
  });

  it('asides: a named set-aside holds when the token before the match passes a test, and the match says which', () => {
    const p: TokenPattern = { ...base, anchor: 1, tokens: [{ leftVerb: true }, { word: 'a' }, { list: 'PERSON_SINGULAR' }], asides: [{ id: 'single.aside.relative-or-passive', after: [{ list: 'RELATIVE' }] }] };
    expect(words('gunmen killed a guard', 'a', p)).toEqual({ text: 'killed a guard', category: 'killed' });
    expect(words('the gang that killed a guard', 'a', p)).toEqual({ text: 'killed a guard', category: 'killed', aside: 'single.aside.relative-or-passive' });
  });
});

// The count grammar's nodes (rules/count-grammar.ts GrammarNode), each kind on words of our own: the two subject rows
// are sentences of that grammar, so its language is specified here like the token patterns'.
function g(text: string, at: string, node: GrammarNode, aside?: (id: string, pos: number) => boolean): { text: string; cat?: string; marks?: readonly string[] } | 'rejected' | null {
  const toks = tokenise(text);
  const i = toks.findIndex((t) => t.l === at);
  const m = matchGrammarNode(toks, i, node, aside);
  if (!m) return null;
  if (m.rejected) return 'rejected';
  return { text: toks.slice(i, m.end).map((t) => t.t).join(' '), ...(m.cat ? { cat: m.cat } : {}), ...(m.marks.length ? { marks: m.marks } : {}) };
}

describe('count grammar nodes', () => {
  it('word and list: one word each, the list by its name in lexicon/pattern-lists.ts', () => {
    const n: GrammarNode = { seq: [{ word: 'were' }, { list: 'AUX' }] };
    expect(g('they were later found', 'were', n)).toEqual({ text: 'were later' });
    expect(g('they were found', 'were', n)).toEqual({ text: 'were found' });
    expect(g('they were seen', 'were', { seq: [{ word: 'they' }, { list: 'AUX' }] })).toBeNull();
  });

  it('tok: a token of a shape (kind, text, a list of texts, glued, capitalised, ending)', () => {
    expect(g('the "two" men', '"', { tok: { k: 'punct', tIn: 'QUOTE_CHARS' } })).toEqual({ text: '"' });
    expect(g('in Dover town', 'dover', { tok: { k: 'word', cap: true } })).toEqual({ text: 'Dover' });
    expect(g('in dover town', 'dover', { tok: { cap: true } })).toBeNull();
    expect(g('were beaten and', 'beaten', { tok: { ends: ['ed', 'en'] } })).toEqual({ text: 'beaten' });
  });

  it('number: a number expression; plain refuses a vague one; capture keeps a second group\'s count', () => {
    expect(g('twenty two people', 'twenty', { number: { plain: true } })).toEqual({ text: 'twenty two' });
    expect(g('dozens of people', 'dozens', { number: { plain: true } })).toBeNull();
    expect(g('dozens of people', 'dozens', { number: {} })).toEqual({ text: 'dozens' });
  });

  it('keyword: a casualty keyword of one or more words; figure gives its category, cats and oneWord limit it', () => {
    expect(g('were killed today', 'killed', { keyword: { figure: true } })).toEqual({ text: 'killed', cat: 'killed' });
    expect(g('were killed today', 'killed', { keyword: {} })).toEqual({ text: 'killed' });
    expect(g('were killed today', 'killed', { keyword: { cats: ['injured'] } })).toBeNull();
    expect(g('are unaccounted for', 'unaccounted', { keyword: { figure: true, oneWord: true } })).toBeNull();
  });

  it('designation: the digits of a name ("Dash 8"), not a count', () => {
    expect(g('five crew aboard the coast guard Dash 8 died', '8', { designation: true })).toEqual({ text: '8' });
    expect(g('the guard said 8 died', '8', { designation: true })).toBeNull();
  });

  it('seq with within: each part must start fewer than `within` tokens from the start', () => {
    const n = (within: number): GrammarNode => ({ seq: [{ word: 'one' }, { word: 'two' }, { word: 'three' }], within });
    expect(g('one two three', 'one', n(3))).toEqual({ text: 'one two three' });
    expect(g('one two three', 'one', n(2))).toBeNull();
  });

  it('first: the first alternative that matches, what a failed one marked undone', () => {
    const n: GrammarNode = { first: [{ seq: [{ word: 'men', mark: ['person'] }, { word: 'never' }] }, { word: 'men' }] };
    expect(g('men were hurt', 'men', n)).toEqual({ text: 'men' });
    expect(g('men never came', 'men', n)).toEqual({ text: 'men never', marks: ['person'] });
  });

  it('star: greedy, never given back, up to max times or within a span', () => {
    expect(g('was later found dead', 'was', { star: { list: 'AUX' } })).toEqual({ text: 'was later found' });
    expect(g('was later found dead', 'was', { star: { list: 'AUX' }, max: 2 })).toEqual({ text: 'was later' });
    expect(g('was later found dead', 'was', { star: { list: 'AUX' }, within: 1 })).toEqual({ text: 'was' });
    expect(g('was later found dead', 'was', { seq: [{ star: { tok: {} } }, { keyword: {} }] })).toBeNull();
  });

  it('steps and step: each repetition, and each node with step, costs one step of the budget (STEP_BUDGET)', () => {
    const words = (n: number): string => Array.from({ length: n }, (_, k) => `w${String.fromCharCode(97 + k)}`).join(' ');
    const n: GrammarNode = { seq: [{ star: { tok: { k: 'word' } }, steps: true }, { tok: { k: 'punct' }, step: true }] };
    expect(g(`${words(STEP_BUDGET - 1)} .`, 'wa', n)).not.toBeNull();
    expect(g(`${words(STEP_BUDGET)} .`, 'wa', n)).toBeNull();
  });

  it('opt: the node or nothing', () => {
    const n: GrammarNode = { seq: [{ opt: { list: 'INCREMENT_WORDS', mark: ['increment'] } }, { word: 'people' }] };
    expect(g('five more people', 'more', n)).toEqual({ text: 'more people', marks: ['increment'] });
    expect(g('five people', 'people', n)).toEqual({ text: 'people' });
  });

  it('ref: a named sub-pattern of the grammar', () => {
    expect(g('a voyage that ended 7 miles off the coast', '7', { ref: 'measure' })).toEqual({ text: '7 miles' });
    expect(g('they were found alive', 'found', { ref: 'found-then-safe' })).toEqual({ text: 'found' });
  });

  it('ahead and notAhead: the node does or does not match here, nothing consumed', () => {
    expect(g('shot and killed', 'and', { seq: [{ word: 'and' }, { ahead: { keyword: {} } }] })).toEqual({ text: 'and' });
    expect(g('men and women', 'and', { seq: [{ word: 'and' }, { ahead: { keyword: {} } }] })).toBeNull();
    expect(g('men and women', 'and', { seq: [{ word: 'and' }, { notAhead: { keyword: {} } }] })).toEqual({ text: 'and' });
  });

  it('at: the node matches that many tokens from here, a negative offset looking behind', () => {
    const n: GrammarNode = { seq: [{ at: -1, is: { word: 'to' } }, { word: 'be' }] };
    expect(g('believed to be the captain', 'be', n)).toEqual({ text: 'be' });
    expect(g('will be the captain', 'be', n)).toBeNull();
  });

  it('exit: inside a star\'s first, the node ends the repetition where it matches, and is read after it', () => {
    const n: GrammarNode = { seq: [{ star: { first: [{ exit: { list: 'AUX' } }, { tok: { k: 'word' } }] } }, { list: 'AUX' }] };
    expect(g('three young men were hurt', 'three', n)).toEqual({ text: 'three young men were' });
  });

  it('reject: the whole reading fails, no later alternative tried', () => {
    const n: GrammarNode = { first: [{ seq: [{ list: 'BLOCK_NOUNS' }, { reject: true }] }, { tok: {} }] };
    expect(g('12 houses were hit', 'houses', n)).toBe('rejected');
    expect(g('12 people were hit', 'people', n)).toEqual({ text: 'people' });
  });

  it('commit: the node, or the whole reading fails', () => {
    const n: GrammarNode = { first: [{ seq: [{ word: 'of' }, { commit: { list: 'OF_PRONOUNS' } }] }, { word: 'of' }] };
    expect(g('two of them', 'of', n)).toEqual({ text: 'of them' });
    expect(g('two of us', 'of', n)).toBe('rejected');
  });

  it('sub: a named sub-pattern read afresh one level deeper; the outer reading keeps, adds and drops marks', () => {
    const n: GrammarNode = { seq: [{ check: true, mark: ['increment', 'perpetrator'] }, { sub: 'count-subject', keep: ['increment'], add: ['person'], drop: ['singularPerson'] }] };
    expect(g('and a man was killed', 'man', n)).toEqual({ text: 'man was killed', cat: 'killed', marks: ['increment', 'person'] });
  });

  it('check and when: the empty match, when the reading so far passes the test (noun-phrase words, marks, depth, category)', () => {
    expect(g('men were', 'men', { check: true, when: { np: 'some' } })).toBeNull();
    expect(g('men were', 'men', { seq: [{ tok: {}, np: true }, { check: true, when: { np: 'some' } }] })).toEqual({ text: 'men' });
    expect(g('killed', 'killed', { seq: [{ keyword: { figure: true } }, { check: true, when: { cat: ['injured'] } }] })).toBeNull();
    expect(g('men', 'men', { seq: [{ tok: {}, mark: ['person'] }, { check: true, when: { has: ['person'], lacks: ['perpetrator'], outermost: true } }] })).toEqual({ text: 'men', marks: ['person'] });
  });

  it('np, mark and markIf: a noun-phrase word, the marks a match gives, and those its first word\'s lists give', () => {
    expect(g('a soldier was shot', 'soldier', { ref: 'np-word' })).toEqual({ text: 'soldier', marks: ['person', 'singularPerson'] });
    expect(g('two gunmen were shot', 'gunmen', { ref: 'np-word' })).toEqual({ text: 'gunmen', marks: ['person', 'perpetrator'] });
    expect(g('two cars were hit', 'cars', { ref: 'np-word' })).toEqual({ text: 'cars' });
  });

  it('category: the figure\'s category, given by the node itself', () => {
    expect(g('bodies were recovered', 'recovered', { list: 'RECOVERY_PARTICIPLES', category: 'killed' })).toEqual({ text: 'recovered', cat: 'killed' });
  });

  it('aside: the named set-aside is asked at this token; the node matches when it holds', () => {
    const asked: string[] = [];
    const n: GrammarNode = { seq: [{ word: 'dead' }, { aside: 'count.aside.combined' }] };
    expect(g('dead or missing', 'dead', n, (id, pos) => (asked.push(`${id}@${pos}`), true))).toEqual({ text: 'dead' });
    expect(g('dead or missing', 'dead', n, () => false)).toBeNull();
    expect(asked).toEqual(['count.aside.combined@1']);
  });
});

describe('count grammar readings of one sentence', () => {
  it('a sentence read at several counts, in any order, reads each as it would alone (what is known of where its category words are is kept per sentence)', () => {
    const toks = tokenise('Police said 3 people were killed and 12 others were hurt while 40 houses stood empty.');
    const past = (count: string): number => toks.findIndex((t) => t.t === count) + 1;
    const js = [past('3'), past('12'), past('40')];
    // (a copy of the tokens is a sentence never read before)
    const alone = js.map((j) => readSubject([...toks], j));
    expect(alone.map((r) => r && { cat: r.cat, end: r.end })).toEqual([{ cat: 'killed', end: past('killed') }, { cat: 'injured', end: past('hurt') }, undefined]);
    for (const order of [[0, 1, 2], [2, 1, 0], [1, 2, 0, 1], [2, 0, 2, 1]]) {
      const again = [...toks];
      for (const k of order) expect(readSubject(again, js[k]!)).toEqual(alone[k]);
    }
  });
});
