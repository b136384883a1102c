// Runs the count grammar (rules/count-grammar.ts) over a sentence's tokens: every node is compiled once, at load, into
// a matcher; a reading keeps its marks in one reused state (undone by the ordered choices that fail), so trying a
// subject allocates nothing but its result.
import type { Category } from '../../schema';
import { parseNumberAt, type Token } from '../numbers';
import { PATTERN_LISTS } from '../lexicon/pattern-lists';
import { RIGHT_KEYWORDS } from '../lexicon/index';
import { designation, keywordAt } from './context';
import type { SetAsideId } from './count-rules';
import { COUNT_GRAMMAR, NP_MAX, STEP_BUDGET, type GrammarMark, type GrammarNode, type GrammarWhen, type NonTerminal, type TokenShape } from './count-grammar';

/** What a counted subject read: its category, where it ends, and the marks its words gave the figure. */
export interface SubjectReading {
  /** a second count coordinated into the same subject: "three hostages and four attackers were killed" */
  coordValue?: number;
  cat: Category;
  /** keyword used as an adjective before a person noun ("displaced women") */
  adjectival: boolean;
  end: number;
  person: boolean;
  singularPerson: boolean;
  speculative: boolean;
  subcount: boolean;
  increment: boolean;
  combined: boolean;
}

/** A named set-aside asked at token `pos` whether it holds (it records the veto). */
export type AsideHook = (id: SetAsideId, pos: number) => boolean;

const MARK_NAMES: readonly GrammarMark[] = ['increment', 'subcount', 'person', 'singularPerson', 'speculative', 'combined', 'adjectival', 'ofTotal', 'perpetrator', 'bodies', 'coordinated', 'perpCoord'];
const BIT = new Map(MARK_NAMES.map((m, k) => [m, 1 << k] as const));
const bits = (marks: readonly GrammarMark[] | undefined): number => (marks ?? []).reduce((b, m) => b | BIT.get(m)!, 0);

const [INCREMENT, SUBCOUNT, PERSON, SINGULAR_PERSON, SPECULATIVE, COMBINED, ADJECTIVAL, COORDINATED, PERP_COORD] = (
  ['increment', 'subcount', 'person', 'singularPerson', 'speculative', 'combined', 'adjectival', 'coordinated', 'perpCoord'] as const
).map((m) => BIT.get(m)!) as [number, number, number, number, number, number, number, number, number];

const FAIL = -1;
/** a `star`'s repetition ends here (an `exit` node matched) */
const EXIT = -2;

// the reading in progress (one at a time: a second group is read by saving and restoring it)
let T: Token[] = [];
let hook: AsideHook = () => true;
let marks = 0;
let np = 0;
let steps = 0;
let cat: Category | undefined;
let coord = 0;
let depth = 0;
let rejected = false;
/** the casualty keyword last looked up, and where */
let kwAt = -1;
let kwHere: { cat: Category; end: number } | undefined;

type Matcher = (j: number) => number;

/** Matchers of the named sub-patterns, each in a box filled once every node is compiled (a `ref` may come before its
 *  name), so a `ref` calls its matcher without looking the name up. */
const NAMED = new Map<NonTerminal, { m: Matcher }>();
const boxOf = (name: NonTerminal): { m: Matcher } => {
  let box = NAMED.get(name);
  if (!box) NAMED.set(name, (box = { m: () => FAIL }));
  return box;
};

function whenTest(w: GrammarWhen): () => boolean {
  // (the conditions as numbers, tested in one function: a `when` is asked at most steps of a subject)
  const npMode = w.np === 'some' ? 1 : w.np === 'none' ? 2 : w.np === 'full' ? 3 : 0;
  const hasBits = bits(w.has);
  const lacksBits = bits(w.lacks);
  const outermost = !!w.outermost;
  const cats = w.cat;
  return () => {
    if (npMode !== 0 && (npMode === 1 ? np === 0 : npMode === 2 ? np !== 0 : np < NP_MAX)) return false;
    if ((marks & hasBits) !== hasBits || (marks & lacksBits) !== 0) return false;
    if (outermost && depth !== 0) return false;
    return cats === undefined || (cat !== undefined && cats.includes(cat));
  };
}

function shapeTest(s: TokenShape): (t: Token) => boolean {
  // (one small test per condition the shape has, joined once: a shape is tested at most tokens a subject reads)
  const parts: Array<(t: Token) => boolean> = [];
  if (s.k !== undefined) {
    const k = s.k;
    parts.push((t) => t.k === k);
  }
  if (s.t) {
    const texts = new Set(s.t);
    parts.push((t) => texts.has(t.t));
  }
  if (s.tIn) {
    const texts = PATTERN_LISTS[s.tIn];
    parts.push((t) => texts.has(t.t));
  }
  if (s.glued) parts.push((t) => t.glued);
  if (s.cap) parts.push((t) => /^\p{Lu}/u.test(t.t));
  if (s.ends) {
    const ends = s.ends;
    parts.push((t) => ends.some((e) => t.l.endsWith(e)));
  }
  if (parts.length === 0) return () => true;
  if (parts.length === 1) return parts[0]!;
  if (parts.length === 2) {
    const [a, b] = parts as [(t: Token) => boolean, (t: Token) => boolean];
    return (t) => a(t) && b(t);
  }
  return (t) => {
    for (const p of parts) if (!p(t)) return false;
    return true;
  };
}

/** What the token at which a node starts must be: one of some words, or pass a test (null: anything, even none). */
type First = { words: ReadonlySet<string> } | { test: (t: Token) => boolean } | null;
const KEYWORD_FIRST: ReadonlySet<string> = new Set(RIGHT_KEYWORDS.map(([phrase]) => phrase[0]!));
const FIRSTS = new Map<GrammarNode | NonTerminal, First>();

function firstOf(node: GrammarNode): First {
  if (FIRSTS.has(node)) return FIRSTS.get(node)!;
  FIRSTS.set(node, null); // (a sub-pattern that refers to itself before consuming anything: anything)
  const f = firstOfInner(node);
  FIRSTS.set(node, f);
  return f;
}

function firstOfInner(node: GrammarNode): First {
  if ('word' in node) return { words: new Set([node.word]) };
  if ('list' in node) return { words: PATTERN_LISTS[node.list] };
  if ('keyword' in node) return { words: KEYWORD_FIRST };
  if ('tok' in node) return { test: shapeTest(node.tok) };
  if ('designation' in node) return { test: (t) => t.k === 'num' };
  if ('ref' in node) return firstOf(COUNT_GRAMMAR[node.ref]);
  if ('exit' in node) return firstOf(node.exit);
  if ('ahead' in node) return firstOf(node.ahead);
  if ('commit' in node) return firstOf(node.commit);
  if ('seq' in node) {
    // the first child that must match at the seq's start (a look-around elsewhere, or a negative one, tells nothing)
    for (const c of node.seq) {
      if ('notAhead' in c || ('at' in c && c.at !== 0)) continue;
      if ('at' in c) return firstOf(c.is);
      return firstOf(c);
    }
    return null;
  }
  if ('first' in node) {
    const fs = node.first.map(firstOf);
    if (fs.some((f) => !f)) return null;
    if (fs.every((f) => f && 'words' in f)) return { words: new Set(fs.flatMap((f) => [...(f as { words: ReadonlySet<string> }).words])) };
    const tests = fs.map((f) => (f && 'words' in f ? (t: Token) => f.words.has(t.l) : (f as { test: (t: Token) => boolean }).test));
    return {
      test: (t) => {
        for (const x of tests) if (x(t)) return true;
        return false;
      },
    };
  }
  return null;
}

type TokKind = Token['k'];
/** the token kinds, in the order `first` keeps its lists */
const KINDS: readonly TokKind[] = ['word', 'num', 'punct'];

/** The kinds of token a node can start on (null: any, or it can tell none). */
function kindsOf(node: GrammarNode): ReadonlySet<TokKind> | null {
  if ('tok' in node) return node.tok.k ? new Set([node.tok.k]) : null;
  if ('designation' in node) return new Set(['num']);
  if ('ref' in node) return kindsOf(COUNT_GRAMMAR[node.ref]);
  if ('exit' in node) return kindsOf(node.exit);
  if ('ahead' in node) return kindsOf(node.ahead);
  if ('commit' in node) return kindsOf(node.commit);
  if ('seq' in node) {
    for (const c of node.seq) {
      if ('notAhead' in c || ('at' in c && c.at !== 0)) continue;
      return 'at' in c ? kindsOf(c.is) : kindsOf(c);
    }
    return null;
  }
  if ('first' in node) {
    const all = new Set<TokKind>();
    for (const a of node.first) {
      const k = kindsOf(a);
      if (!k) return null;
      for (const x of k) all.add(x);
    }
    return all;
  }
  return null;
}

// ── words as numbers ──
// Every word the grammar names gets a number once; a sentence's tokens are looked up once when it is first read, and
// every word test after that is an index into a small table (no string hashing at each of a subject's steps).
const WORD_ID = new Map<string, number>();
(() => {
  const add = (w: string): void => {
    if (!WORD_ID.has(w)) WORD_ID.set(w, WORD_ID.size + 1);
  };
  const seen = new Set<object>();
  const visit = (node: GrammarNode): void => {
    if (seen.has(node)) return;
    seen.add(node);
    if ('word' in node) add(node.word);
    if ('list' in node) for (const w of PATTERN_LISTS[node.list]) add(w);
    if ('keyword' in node) for (const w of KEYWORD_FIRST) add(w);
    for (const m of node.markIf ?? []) for (const w of PATTERN_LISTS[m.list]) add(w);
    for (const child of Object.values(node)) {
      if (Array.isArray(child)) for (const c of child) if (typeof c === 'object' && c !== null) visit(c as GrammarNode);
      if (typeof child === 'object' && child !== null && !Array.isArray(child)) visit(child as GrammarNode);
    }
  };
  for (const node of Object.values(COUNT_GRAMMAR)) visit(node);
})();

/** A word set as a table by word number (0, any word the grammar does not name, is in none). */
const TABLES = new WeakMap<ReadonlySet<string>, Uint8Array>();
function tableOf(words: ReadonlySet<string>): Uint8Array {
  let table = TABLES.get(words);
  if (!table) {
    // (a node compiled after the grammar, as a spec's, numbers its own words; older tables are shorter and hold none)
    for (const w of words) numberOf(w);
    table = new Uint8Array(WORD_ID.size + 1);
    for (const w of words) table[WORD_ID.get(w)!] = 1;
    TABLES.set(words, table);
  }
  return table;
}

function numberOf(w: string): number {
  let id = WORD_ID.get(w);
  if (id === undefined) WORD_ID.set(w, (id = WORD_ID.size + 1));
  return id;
}

/** The word numbers of the sentence being read (IDS[k] for token k; -1 until token k is first tested). */
let IDS = new Int32Array(64);
/** The word number of token j (0 outside the sentence, or for a word the grammar does not name). */
function idAt(j: number): number {
  if (j < 0 || j >= T.length) return 0;
  let id = IDS[j]!;
  if (id < 0) id = IDS[j] = WORD_ID.get(T[j]!.l) ?? 0;
  return id;
}

/** A quick test of the token where a node would start (undefined: none can be told): a node that cannot start
 *  there is not called at all. */
function gateOf(node: GrammarNode): { table?: Uint8Array; test?: (t: Token) => boolean } {
  const f = firstOf(node);
  return !f ? {} : 'words' in f ? { table: tableOf(f.words) } : { test: f.test };
}

/** Does the gate let a node start on token j? */
function opens(g: { table?: Uint8Array; test?: (t: Token) => boolean }, j: number): boolean {
  if (g.table !== undefined) return g.table[idAt(j)] === 1;
  return g.test === undefined || (T[j] !== undefined && g.test(T[j]!));
}

/** A look-around whose node reads one token by a word list and changes nothing: tested in place. */
function plainWords(node: GrammarNode): ReadonlySet<string> | undefined {
  if (node.when || node.step || node.np || node.mark || node.markIf || node.category) return undefined;
  if ('word' in node) return new Set([node.word]);
  if ('list' in node) return PATTERN_LISTS[node.list];
  return undefined;
}

const COMPILED = new Map<GrammarNode, Matcher>();
/** sub-patterns whose compiling has started (a `ref` back to one goes through its box) */
const COMPILING = new Set<GrammarNode>();

/** A node's matcher, compiled once (a `ref` to a compiled sub-pattern calls its matcher directly). */
function compile(node: GrammarNode): Matcher {
  let m = COMPILED.get(node);
  if (!m) COMPILED.set(node, (m = wrap(node, compileInner(node))));
  return m;
}

/** The node's `when`, `step` and what a match gives, around its own matcher (only the parts it has). */
function wrap(node: GrammarNode, inner: Matcher): Matcher {
  if (!node.when && !node.step && !node.np && !node.mark && !node.markIf && !node.category) return inner;
  const when = node.when ? whenTest(node.when) : undefined;
  const step = !!node.step;
  const give = bits(node.mark);
  const markIf = (node.markIf ?? []).map((m) => ({ table: tableOf(PATTERN_LISTS[m.list]), bits: bits(m.mark) }));
  const counts = !!node.np;
  const category = node.category;
  if (!step && !counts && !markIf.length && !category) {
    if (!give) return (j) => (when!() ? inner(j) : FAIL);
    return (j) => {
      if (when && !when()) return FAIL;
      const r = inner(j);
      if (r >= 0) marks |= give;
      return r;
    };
  }
  return (j) => {
    if (when && !when()) return FAIL;
    if (step) {
      if (steps >= STEP_BUDGET) return FAIL;
      steps++;
    }
    const r = inner(j);
    if (r < 0) return r;
    if (counts) np++;
    marks |= give;
    if (markIf.length) {
      const id = idAt(j);
      for (const m of markIf) if (m.table[id] === 1) marks |= m.bits;
    }
    if (category) cat = category;
    return r;
  };
}

function compileInner(node: GrammarNode): Matcher {
  if ('seq' in node) {
    const parts = node.seq.map(compile);
    const within = node.within;
    if (within === undefined && parts.length === 2) {
      const [a, b] = parts as [Matcher, Matcher];
      return (j) => {
        const r = a(j);
        return r < 0 ? r : b(r);
      };
    }
    if (within === undefined && parts.length === 3) {
      const [a, b, c] = parts as [Matcher, Matcher, Matcher];
      return (j) => {
        let r = a(j);
        if (r < 0) return r;
        r = b(r);
        return r < 0 ? r : c(r);
      };
    }
    return (j) => {
      const start = j;
      for (const p of parts) {
        if (within !== undefined && j >= start + within) return FAIL;
        const r = p(j);
        if (r < 0) return r;
        j = r;
      }
      return j;
    };
  }
  if ('first' in node) {
    // (indexed by the token an alternative can start on, its word and its kind: only those that may match are
    // tried, each after its test)
    type Alt = { m: Matcher; test: ((t: Token) => boolean) | undefined };
    const alts = node.first.map((a) => ({ m: compile(a), f: firstOf(a), kinds: kindsOf(a) }));
    const byKind = (keep: (f: First) => boolean): Alt[][] =>
      KINDS.map((k) => alts.filter((a) => keep(a.f) && (!a.kinds || a.kinds.has(k))).map((a) => ({ m: a.m, test: a.f && 'test' in a.f ? a.f.test : undefined })));
    const generic = byKind((f) => !f || 'test' in f);
    const byId: Alt[][][] = Array.from({ length: WORD_ID.size + 1 }, () => generic);
    for (const a of alts) if (a.f && 'words' in a.f) for (const w of a.f.words) {
      const id = numberOf(w);
      if (byId[id] === generic || byId[id] === undefined) byId[id] = byKind((f) => !f || 'test' in f || f.words.has(w));
    }
    const atEnd = alts.filter((a) => !a.f).map((a) => ({ m: a.m, test: undefined }));
    return (j) => {
      const t = T[j];
      const list = t ? (byId[idAt(j)] ?? generic)[t.k === 'word' ? 0 : t.k === 'num' ? 1 : 2]! : atEnd;
      const m0 = marks, n0 = np, s0 = steps, c0 = cat, k0 = coord;
      for (let x = 0; x < list.length; x++) {
        const a = list[x]!;
        if (a.test !== undefined && !a.test(t!)) continue;
        const r = a.m(j);
        if (r >= 0 || r === EXIT || rejected) return r;
        marks = m0; np = n0; steps = s0; cat = c0; coord = k0;
      }
      return FAIL;
    };
  }
  if ('star' in node) {
    const item = compile(node.star);
    const { within, max, steps: costs } = node;
    const gate = gateOf(node.star);
    const gw = gate.table;
    const gt = gate.test;
    return (j) => {
      const start = j;
      for (let times = 0; max === undefined || times < max; times++) {
        if (within !== undefined && j >= start + within) break;
        if (costs && steps >= STEP_BUDGET) break;
        if (gw !== undefined) {
          if (gw[idAt(j)] !== 1) break;
        } else if (gt !== undefined && (T[j] === undefined || !gt(T[j]!))) break;
        const m0 = marks, n0 = np, s0 = steps, c0 = cat, k0 = coord;
        if (costs) steps++;
        const r = item(j);
        if (r < 0) {
          if (rejected) return FAIL;
          marks = m0; np = n0; steps = s0; cat = c0; coord = k0;
          break;
        }
        j = r;
      }
      return j;
    };
  }
  if ('opt' in node) {
    const inner = compile(node.opt);
    const gate = gateOf(node.opt);
    const gw = gate.table;
    const gt = gate.test;
    return (j) => {
      if (gw !== undefined) {
        if (gw[idAt(j)] !== 1) return j;
      } else if (gt !== undefined && (T[j] === undefined || !gt(T[j]!))) return j;
      const m0 = marks, n0 = np, s0 = steps, c0 = cat, k0 = coord;
      const r = inner(j);
      if (r >= 0 || rejected) return r;
      marks = m0; np = n0; steps = s0; cat = c0; coord = k0;
      return j;
    };
  }
  if ('ref' in node) {
    const target = COUNT_GRAMMAR[node.ref];
    if (COMPILED.has(target) || !COMPILING.has(target)) {
      COMPILING.add(target);
      return compile(target);
    }
    const box = boxOf(node.ref);
    return (j) => box.m(j);
  }
  if ('ahead' in node || 'notAhead' in node || 'exit' in node || 'at' in node) {
    const positive = !('notAhead' in node);
    const inner = compile('ahead' in node ? node.ahead : 'notAhead' in node ? node.notAhead : 'exit' in node ? node.exit : node.is);
    const offset = 'at' in node ? node.at : 0;
    const keeps = 'ahead' in node || 'at' in node;
    const found = 'exit' in node ? EXIT : undefined;
    const looked = 'ahead' in node ? node.ahead : 'notAhead' in node ? node.notAhead : 'exit' in node ? node.exit : node.is;
    const plain = plainWords(looked);
    if (plain && !('exit' in node)) {
      const table = tableOf(plain);
      return (j) => ((table[idAt(j + offset)] === 1) === positive ? j : FAIL);
    }
    const gate = gateOf(looked);
    return (j) => {
      if (!opens(gate, j + offset)) return positive ? FAIL : j;
      const m0 = marks, n0 = np, s0 = steps, c0 = cat, k0 = coord;
      const r = j + offset < 0 ? FAIL : inner(j + offset);
      if (rejected) return FAIL;
      if (!(keeps && r >= 0)) {
        marks = m0; np = n0; steps = s0; cat = c0; coord = k0;
      }
      return (r >= 0) === positive ? found ?? j : FAIL;
    };
  }
  if ('reject' in node) {
    return () => {
      rejected = true;
      return FAIL;
    };
  }
  if ('commit' in node) {
    const inner = compile(node.commit);
    return (j) => {
      const r = inner(j);
      if (r < 0) rejected = true;
      return r;
    };
  }
  if ('sub' in node) {
    const box = boxOf(node.sub);
    const keep = bits(node.keep);
    const add = bits(node.add);
    const drop = bits(node.drop);
    return (j) => {
      const m0 = marks, n0 = np, s0 = steps, c0 = cat, k0 = coord, d0 = depth;
      marks = 0; np = 0; steps = 0; cat = undefined; coord = 0; depth = d0 + 1;
      const r = box.m(j);
      depth = d0;
      if (r < 0) {
        marks = m0; np = n0; steps = s0; cat = c0; coord = k0;
        return r;
      }
      marks = (marks & ~drop) | add | (m0 & keep);
      np = n0; steps = s0; coord = k0;
      return r;
    };
  }
  if ('check' in node) return (j) => j;
  if ('word' in node) {
    const id = numberOf(node.word);
    return (j) => (idAt(j) === id ? j + 1 : FAIL);
  }
  if ('list' in node) {
    const table = tableOf(PATTERN_LISTS[node.list]);
    return (j) => (table[idAt(j)] === 1 ? j + 1 : FAIL);
  }
  if ('tok' in node) {
    const shape = node.tok;
    if (Object.keys(shape).length === 0) return (j) => (j < T.length ? j + 1 : FAIL);
    if (Object.keys(shape).length === 1 && shape.k !== undefined) {
      const k = shape.k;
      return (j) => (T[j]?.k === k ? j + 1 : FAIL);
    }
    const test = shapeTest(shape);
    return (j) => {
      const t = T[j];
      return t && test(t) ? j + 1 : FAIL;
    };
  }
  if ('number' in node) {
    const { plain, capture } = node.number;
    return (j) => {
      const n = parseNumberAt(T, j);
      if (!n || (plain && (n.vague || n.range))) return FAIL;
      if (capture) coord = n.value;
      return n.end;
    };
  }
  if ('keyword' in node) {
    const { cats, oneWord, figure } = node.keyword;
    const starts = tableOf(KEYWORD_FIRST);
    return (j) => {
      if (starts[idAt(j)] !== 1) return FAIL;
      // (a subject asks for the keyword at one token several times: once to stop its noun phrase, then to read it)
      if (j !== kwAt) {
        kwAt = j;
        kwHere = keywordAt(T, j);
      }
      const kw = kwHere;
      if (!kw || (cats && !cats.includes(kw.cat)) || (oneWord && kw.end !== j + 1)) return FAIL;
      if (figure) cat = kw.cat;
      return kw.end;
    };
  }
  if ('designation' in node) return (j) => (T[j] && designation(T, j) ? j + 1 : FAIL);
  const id = node.aside;
  return (j) => (hook(id, j) ? j : FAIL);
}

for (const name of Object.keys(COUNT_GRAMMAR) as NonTerminal[]) {
  COMPILING.add(COUNT_GRAMMAR[name]);
  boxOf(name).m = compile(COUNT_GRAMMAR[name]);
}

const HOLDS: AsideHook = () => true;

/** The words at which a figure's category can be read (a casualty keyword's first word, a node's own `category`):
 *  every reading that matches reads one at or after its start. */
const CATEGORY_WORDS: ReadonlySet<string> = (() => {
  const out = new Set<string>(KEYWORD_FIRST);
  const visit = (node: GrammarNode, seen: Set<GrammarNode>): void => {
    if (seen.has(node)) return;
    seen.add(node);
    const f = node.category ? firstOf(node) : null;
    if (node.category && !(f && 'words' in f)) throw new Error('a node that gives a category must start on a word of a list');
    if (f && 'words' in f) for (const w of f.words) out.add(w);
    for (const child of Object.values(node)) {
      if (Array.isArray(child)) for (const c of child) if (typeof c === 'object' && c !== null) visit(c as GrammarNode, seen);
      if (typeof child === 'object' && child !== null && !Array.isArray(child)) visit(child as GrammarNode, seen);
    }
  };
  const seen = new Set<GrammarNode>();
  for (const node of Object.values(COUNT_GRAMMAR)) visit(node, seen);
  return out;
})();

const CATEGORY_TABLE = tableOf(CATEGORY_WORDS);

/** The sentence last read, and the last of its tokens at which a category can be read (a reading that starts after
 *  it cannot match: the sentence is scanned once, not at every count). */
let lastToks: Token[] | undefined;
let lastCategoryAt = -1;

/** Read the named sub-pattern from token j (a counted subject just past its count): undefined when it does not match. */
export function readSubject(toks: Token[], j: number, aside: AsideHook = HOLDS, from: NonTerminal = 'count-subject'): SubjectReading | undefined {
  T = toks;
  if (toks !== lastToks) {
    lastToks = toks;
    if (IDS.length < toks.length) IDS = new Int32Array(toks.length * 2);
    IDS.fill(-1, 0, toks.length);
    lastCategoryAt = toks.length - 1;
    while (lastCategoryAt >= 0 && CATEGORY_TABLE[idAt(lastCategoryAt)] !== 1) lastCategoryAt--;
  }
  if (j > lastCategoryAt) return undefined;
  hook = aside;
  marks = 0; np = 0; steps = 0; cat = undefined; coord = 0; depth = 0; rejected = false; kwAt = -1;
  const end = NAMED.get(from)!.m(j);
  T = [];
  if (end < 0 || cat === undefined) return undefined;
  const out: SubjectReading = {
    cat,
    adjectival: (marks & ADJECTIVAL) !== 0,
    end,
    person: (marks & PERSON) !== 0,
    singularPerson: (marks & SINGULAR_PERSON) !== 0,
    speculative: (marks & SPECULATIVE) !== 0,
    subcount: (marks & SUBCOUNT) !== 0,
    increment: (marks & INCREMENT) !== 0,
    combined: (marks & COMBINED) !== 0,
  };
  if (marks & COORDINATED) out.coordValue = marks & PERP_COORD ? 0 : coord;
  return out;
}

/** One grammar node, as a spec writes it, tried at token j: where its match ends, the figure's category, the marks
 *  it gave (the spec runner checks each kind of node through it). */
export function matchGrammarNode(toks: Token[], j: number, node: GrammarNode, aside: AsideHook = HOLDS): { end: number; cat?: Category; marks: GrammarMark[]; rejected?: true } | undefined {
  const m = compile(node);
  T = toks;
  lastToks = undefined;
  if (IDS.length < toks.length) IDS = new Int32Array(toks.length * 2);
  IDS.fill(-1, 0, toks.length);
  hook = aside;
  marks = 0; np = 0; steps = 0; cat = undefined; coord = 0; depth = 0; rejected = false; kwAt = -1;
  const end = m(j);
  const out = end < 0 ? (rejected ? { end: -1, marks: [], rejected: true as const } : undefined) : { end, ...(cat ? { cat } : {}), marks: MARK_NAMES.filter((n) => marks & BIT.get(n)!) };
  T = [];
  return out;
}
