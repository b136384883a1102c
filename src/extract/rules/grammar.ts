// Runs the count grammar (rules/count-grammar.ts) over a sentence's tokens: every node is compiled once, at load, into
// an object of one shape that one function runs by its operation code; a reading keeps its marks in one reused state
// (undone by the ordered choices that fail), so trying a subject allocates nothing but its result.
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
/** T.length, kept apart (the word-number lookup reads it at every test) */
let len = 0;
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

/**
 * The node that decides where a node starts: a reference's, exit's, look-ahead's or commit's inner node; a seq's first
 * child that must match at the seq's start (a look-around elsewhere, or a negative one, tells nothing); else null.
 */
function leadingNode(node: GrammarNode): GrammarNode | null {
  if ('ref' in node) return COUNT_GRAMMAR[node.ref];
  if ('exit' in node) return node.exit;
  if ('ahead' in node) return node.ahead;
  if ('commit' in node) return node.commit;
  if ('seq' in node) {
    for (const c of node.seq) {
      if ('notAhead' in c || ('at' in c && c.at !== 0)) continue;
      return 'at' in c ? c.is : c;
    }
  }
  return null;
}

function firstOf(node: GrammarNode): First {
  if (FIRSTS.has(node)) return FIRSTS.get(node)!;
  FIRSTS.set(node, null); // (a sub-pattern that refers to itself before consuming anything: anything)
  const f = firstOfInner(node);
  FIRSTS.set(node, f);
  return f;
}

function firstOfInner(node: GrammarNode): First {
  if ('word' in node) return { words: oneWord(node.word) };
  if ('list' in node) return { words: PATTERN_LISTS[node.list] };
  if ('keyword' in node) return { words: KEYWORD_FIRST };
  if ('tok' in node) return { test: shapeTest(node.tok) };
  if ('designation' in node) return { test: (t) => t.k === 'num' };
  const lead = leadingNode(node);
  if (lead) return firstOf(lead);
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
  const lead = leadingNode(node);
  if (lead) return kindsOf(lead);
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

/** A word set as one bit of the shared word table: word number k's row holds a bit for every set the word is in,
 *  so all the tests at one token read one small row (one table of a few kilobytes, not one table per set or choice:
 *  between two subjects the rest of extraction runs, and a subject's first reads would each miss the cache). */
class WordSet {
  constructor(
    /** which number of a word's row holds its bit */
    readonly plane: number,
    readonly mask: number,
  ) {}
}
const SETS: Array<ReadonlySet<string>> = [];
const SET_OF = new Map<ReadonlySet<string>, WordSet>();
/** one set per single word, so that the grammar's many `of`s share a bit */
const ONE_WORD = new Map<string, ReadonlySet<string>>();
const oneWord = (w: string): ReadonlySet<string> => {
  let set = ONE_WORD.get(w);
  if (!set) ONE_WORD.set(w, (set = new Set([w])));
  return set;
};
function tableOf(words: ReadonlySet<string>): WordSet {
  let ws = SET_OF.get(words);
  if (!ws) {
    for (const w of words) numberOf(w);
    const k = SETS.length;
    SETS.push(words);
    SET_OF.set(words, (ws = new WordSet(k >> 5, 1 << (k & 31))));
    bitsStale = true;
  }
  return ws;
}

function numberOf(w: string): number {
  let id = WORD_ID.get(w);
  if (id === undefined) {
    WORD_ID.set(w, (id = WORD_ID.size + 1));
    bitsStale = true;
  }
  return id;
}

/** The shared word table: row of word k at k × PLANES (row 0, a word the grammar does not name, is in no set). */
let PLANES = 1;
let WORD_BITS = new Int32Array(0);
/** a set or word was added since the table was built (a node compiled late, as a spec's) */
let bitsStale = true;
function buildBits(): void {
  PLANES = Math.max(1, (SETS.length + 31) >> 5);
  WORD_BITS = new Int32Array((WORD_ID.size + 1) * PLANES);
  SETS.forEach((set, k) => {
    for (const w of set) WORD_BITS[WORD_ID.get(w)! * PLANES + (k >> 5)]! |= 1 << (k & 31);
  });
  bitsStale = false;
  lastToks = undefined;
}

/** Is the word of row `row` in the set? */
function inSet(ws: WordSet, row: number): boolean {
  return (WORD_BITS[row + ws.plane]! & ws.mask) !== 0;
}

/** The rows of the sentence being read (IDS[k] for token k; -1 until token k is first tested). */
let IDS = new Int32Array(64);
/** The row of token j in the word table (0 outside the sentence, or for a word the grammar does not name). */
function idAt(j: number): number {
  if (j < 0 || j >= len) return 0;
  let id = IDS[j]!;
  if (id < 0) id = IDS[j] = (WORD_ID.get(T[j]!.l) ?? 0) * PLANES;
  return id;
}

/** A look-around whose node reads one token by a word list and changes nothing: tested in place. */
function plainWords(node: GrammarNode): ReadonlySet<string> | undefined {
  if (node.when || node.step || node.np || node.mark || node.markIf || node.category) return undefined;
  if ('word' in node) return oneWord(node.word);
  if ('list' in node) return PATTERN_LISTS[node.list];
  return undefined;
}

// ── the compiled grammar ──
// Every node becomes one object of a single shape, and one function runs them all by their operation code: the
// engine's calls stay of one kind (no tree of closures), which is what keeps a subject's reading as fast as the
// hand-written loop it replaced.
const OP_SEQ = 0, OP_FIRST = 1, OP_STAR = 2, OP_OPT = 3, OP_LOOK = 4, OP_REJECT = 5, OP_COMMIT = 6, OP_SUB = 7, OP_CHECK = 8;
const OP_WORD = 9, OP_LIST = 10, OP_TOK = 11, OP_NUMBER = 12, OP_KEYWORD = 13, OP_DESIGNATION = 14, OP_ASIDE = 15, OP_ANY = 16, OP_KIND = 17;

/** An ordered choice's alternative: its node, and what its first token must be: of these kinds (bits of KINDS), a word
 *  of a set or pass a test (neither: any token, or none at the sentence's end). */
interface Alt {
  n: Node;
  kinds: number;
  gate: WordSet | null;
  test: ((t: Token) => boolean) | null;
  /** it may match at the sentence's end (it tells nothing of its first token) */
  atEnd: boolean;
}

class Node {
  op = OP_CHECK;
  kids: Node[] = [];
  /** seq/star: parts or repetitions start fewer than this many tokens from the start (-1: no limit) */
  within = -1;
  /** star: at most this many times (-1: no limit) */
  max = -1;
  /** star: each repetition costs a step */
  costs = false;
  /** look-around: its offset, whether it must match, whether it ends a repetition, whether it keeps what it read */
  offset = 0;
  positive = true;
  exit = false;
  keeps = false;
  /** a look-around of one word list, tested in place */
  plain: WordSet | null = null;
  /** the set of a word or list, the gate of an opt/star/look-around (null: none) */
  table: WordSet | null = null;
  test: ((t: Token) => boolean) | null = null;
  gateTable: WordSet | null = null;
  gateTest: ((t: Token) => boolean) | null = null;
  kind: Token['k'] = 'word';
  /** first: its alternatives, in order */
  alts: Alt[] = [];
  /** number: no vague or range count; keep the count as the second group's */
  plainNumber = false;
  capture = false;
  /** keyword: the categories it accepts, one word only, its category is the figure's */
  cats: readonly Category[] | null = null;
  oneWord = false;
  figure = false;
  aside: SetAsideId | null = null;
  /** sub: marks kept, added and dropped */
  keep = 0;
  add = 0;
  drop = 0;
  // what wraps every node: its condition, its step, what a match gives
  wrapped = false;
  npMode = 0;
  hasBits = 0;
  lacksBits = 0;
  outermost = false;
  whenCats: readonly Category[] | null = null;
  step = false;
  countsNp = false;
  give = 0;
  markIf: Array<{ table: WordSet; bits: number }> = [];
  category: Category | null = null;
  /** an unwrapped word or list: its set, tested in place by the seq that holds it (no call) */
  simple: WordSet | null = null;
}

const COMPILED = new Map<GrammarNode, Node>();
/** named sub-patterns by name, each compiled once (a `ref` is its sub-pattern's node itself) */
const NAMED = new Map<NonTerminal, Node>();

function named(name: NonTerminal): Node {
  let n = NAMED.get(name);
  if (!n) {
    n = new Node();
    NAMED.set(name, n);
    COMPILED.set(COUNT_GRAMMAR[name], n);
    fill(n, COUNT_GRAMMAR[name]);
  }
  return n;
}

function compile(g: GrammarNode): Node {
  if ('ref' in g && !g.when && !g.step && !g.np && !g.mark && !g.markIf && !g.category) return named(g.ref);
  let n = COMPILED.get(g);
  if (!n) {
    n = new Node();
    COMPILED.set(g, n);
    fill(n, g);
  }
  return n;
}

function gateInto(n: Node, g: GrammarNode): void {
  const f = firstOf(g);
  if (f && 'words' in f) n.gateTable = tableOf(f.words);
  else if (f) n.gateTest = f.test;
}

/** A node of one operation over one child. */
function over(n: Node, op: number, kid: Node): void {
  n.op = op;
  n.kids = [kid];
}

function fill(n: Node, g: GrammarNode): void {
  if (g.when || g.step || g.np || g.mark || g.markIf || g.category) {
    n.wrapped = true;
    const w = g.when;
    if (w) {
      n.npMode = w.np === 'some' ? 1 : w.np === 'none' ? 2 : w.np === 'full' ? 3 : 0;
      n.hasBits = bits(w.has);
      n.lacksBits = bits(w.lacks);
      n.outermost = !!w.outermost;
      n.whenCats = w.cat ?? null;
    }
    n.step = !!g.step;
    n.countsNp = !!g.np;
    n.give = bits(g.mark);
    n.markIf = (g.markIf ?? []).map((m) => ({ table: tableOf(PATTERN_LISTS[m.list]), bits: bits(m.mark) }));
    n.category = g.category ?? null;
  }
  if ('seq' in g) {
    n.op = OP_SEQ;
    n.kids = g.seq.map(compile);
    n.within = g.within ?? -1;
  } else if ('first' in g) {
    n.op = OP_FIRST;
    // (each alternative is tried only on a token it can start on: its kind, its word)
    n.alts = g.first.map((a) => {
      const f = firstOf(a);
      const kinds = kindsOf(a);
      return {
        n: compile(a),
        kinds: kinds ? KINDS.reduce((b, k, x) => (kinds.has(k) ? b | (1 << x) : b), 0) : 7,
        gate: f && 'words' in f ? tableOf(f.words) : null,
        test: f && 'test' in f ? f.test : null,
        atEnd: !f,
      };
    });
  } else if ('star' in g) {
    over(n, OP_STAR, compile(g.star));
    n.within = g.within ?? -1;
    n.max = g.max ?? -1;
    n.costs = !!g.steps;
    gateInto(n, g.star);
  } else if ('opt' in g) {
    over(n, OP_OPT, compile(g.opt));
    gateInto(n, g.opt);
  } else if ('ahead' in g || 'notAhead' in g || 'exit' in g || 'at' in g) {
    const looked = 'ahead' in g ? g.ahead : 'notAhead' in g ? g.notAhead : 'exit' in g ? g.exit : g.is;
    over(n, OP_LOOK, compile(looked));
    n.positive = !('notAhead' in g);
    n.exit = 'exit' in g;
    n.keeps = 'ahead' in g || 'at' in g;
    n.offset = 'at' in g ? g.at : 0;
    const plain = plainWords(looked);
    if (plain && !n.exit) n.plain = tableOf(plain);
    gateInto(n, looked);
  } else if ('reject' in g) n.op = OP_REJECT;
  else if ('commit' in g) over(n, OP_COMMIT, compile(g.commit));
  else if ('sub' in g) {
    over(n, OP_SUB, named(g.sub));
    n.keep = bits(g.keep);
    n.add = bits(g.add);
    n.drop = bits(g.drop);
  } else if ('check' in g) n.op = OP_CHECK;
  // (a ref that carries its own condition or marks: its sub-pattern inside a one-part seq)
  else if ('ref' in g) over(n, OP_SEQ, named(g.ref));
  else if ('word' in g) {
    n.op = OP_WORD;
    n.table = tableOf(oneWord(g.word));
    if (!n.wrapped) n.simple = n.table;
  } else if ('list' in g) {
    n.op = OP_LIST;
    n.table = tableOf(PATTERN_LISTS[g.list]);
    if (!n.wrapped) n.simple = n.table;
  } else if ('tok' in g) {
    const keys = Object.keys(g.tok);
    if (keys.length === 0) n.op = OP_ANY;
    else if (keys.length === 1 && g.tok.k !== undefined) {
      n.op = OP_KIND;
      n.kind = g.tok.k;
    } else {
      n.op = OP_TOK;
      n.test = shapeTest(g.tok);
    }
  } else if ('number' in g) {
    n.op = OP_NUMBER;
    n.plainNumber = !!g.number.plain;
    n.capture = !!g.number.capture;
  } else if ('keyword' in g) {
    n.op = OP_KEYWORD;
    n.table = tableOf(KEYWORD_FIRST);
    n.cats = g.keyword.cats ?? null;
    n.oneWord = !!g.keyword.oneWord;
    n.figure = !!g.keyword.figure;
  } else if ('designation' in g) n.op = OP_DESIGNATION;
  else {
    n.op = OP_ASIDE;
    n.aside = g.aside;
  }
}

/** Does the node's gate let it start on token j? */
function gateOpen(n: Node, j: number): boolean {
  if (n.gateTable !== null) return inSet(n.gateTable, idAt(j));
  return n.gateTest === null || (T[j] !== undefined && n.gateTest(T[j]!));
}

/** Match node n from token j: the token just past the match, FAIL, or EXIT (a repetition ends here). */
function run(n: Node, j: number): number {
  return n.wrapped ? wrap(n, j) : inner(n, j);
}

/** A node with a condition, a step or marks: its tests, the node, what its match gives. (Callers inside the engine
 *  pick `wrap` or `inner` themselves: one call per node, not two.) */
function wrap(n: Node, j: number): number {
  if (n.npMode !== 0 && (n.npMode === 1 ? np === 0 : n.npMode === 2 ? np !== 0 : np < NP_MAX)) return FAIL;
  if ((marks & n.hasBits) !== n.hasBits || (marks & n.lacksBits) !== 0) return FAIL;
  if (n.outermost && depth !== 0) return FAIL;
  if (n.whenCats !== null && (cat === undefined || !n.whenCats.includes(cat))) return FAIL;
  if (n.step) {
    if (steps >= STEP_BUDGET) return FAIL;
    steps++;
  }
  const r = inner(n, j);
  if (r < 0) return r;
  if (n.countsNp) np++;
  marks |= n.give;
  if (n.markIf.length !== 0) {
    const id = idAt(j);
    for (let k = 0; k < n.markIf.length; k++) if (inSet(n.markIf[k]!.table, id)) marks |= n.markIf[k]!.bits;
  }
  if (n.category !== null) cat = n.category;
  return r;
}

function inner(n: Node, j: number): number {
  switch (n.op) {
    case OP_SEQ: {
      const start = j;
      const kids = n.kids;
      for (let k = 0; k < kids.length; k++) {
        if (n.within >= 0 && j >= start + n.within) return FAIL;
        const c = kids[k]!;
        if (c.simple !== null) {
          if (!inSet(c.simple, idAt(j))) return FAIL;
          j++;
          continue;
        }
        const r = c.wrapped ? wrap(c, j) : inner(c, j);
        if (r < 0) return r;
        j = r;
      }
      return j;
    }
    case OP_FIRST: {
      const t = T[j];
      const kind = t === undefined ? 0 : t.k === 'word' ? 1 : t.k === 'num' ? 2 : 4;
      const row = idAt(j);
      const list = n.alts;
      const m0 = marks, n0 = np, s0 = steps, c0 = cat, k0 = coord;
      for (let x = 0; x < list.length; x++) {
        const a = list[x]!;
        if (kind === 0) {
          if (!a.atEnd) continue;
        } else if ((a.kinds & kind) === 0 || (a.gate !== null && !inSet(a.gate, row)) || (a.test !== null && !a.test(t!))) continue;
        const c = a.n;
        const r = c.wrapped ? wrap(c, j) : inner(c, j);
        if (r >= 0 || r === EXIT || rejected) return r;
        marks = m0; np = n0; steps = s0; cat = c0; coord = k0;
      }
      return FAIL;
    }
    case OP_STAR: {
      const start = j;
      const item = n.kids[0]!;
      for (let times = 0; n.max < 0 || times < n.max; times++) {
        if (n.within >= 0 && j >= start + n.within) break;
        if (n.costs && steps >= STEP_BUDGET) break;
        if (!gateOpen(n, j)) break;
        const m0 = marks, n0 = np, s0 = steps, c0 = cat, k0 = coord;
        if (n.costs) steps++;
        const r = item.wrapped ? wrap(item, j) : inner(item, j);
        if (r < 0) {
          if (rejected) return FAIL;
          marks = m0; np = n0; steps = s0; cat = c0; coord = k0;
          break;
        }
        j = r;
      }
      return j;
    }
    case OP_OPT: {
      if (!gateOpen(n, j)) return j;
      const m0 = marks, n0 = np, s0 = steps, c0 = cat, k0 = coord;
      const c = n.kids[0]!;
      const r = c.wrapped ? wrap(c, j) : inner(c, j);
      if (r >= 0 || rejected) return r;
      marks = m0; np = n0; steps = s0; cat = c0; coord = k0;
      return j;
    }
    case OP_LOOK: {
      const at = j + n.offset;
      if (n.plain !== null) return inSet(n.plain, idAt(at)) === n.positive ? j : FAIL;
      if (!gateOpen(n, at)) return n.positive ? FAIL : j;
      const m0 = marks, n0 = np, s0 = steps, c0 = cat, k0 = coord;
      const c = n.kids[0]!;
      const r = at < 0 ? FAIL : c.wrapped ? wrap(c, at) : inner(c, at);
      if (rejected) return FAIL;
      if (!(n.keeps && r >= 0)) {
        marks = m0; np = n0; steps = s0; cat = c0; coord = k0;
      }
      return (r >= 0) === n.positive ? (n.exit ? EXIT : j) : FAIL;
    }
    case OP_REJECT:
      rejected = true;
      return FAIL;
    case OP_COMMIT: {
      const c = n.kids[0]!;
      const r = c.wrapped ? wrap(c, j) : inner(c, j);
      if (r < 0) rejected = true;
      return r;
    }
    case OP_SUB: {
      const m0 = marks, n0 = np, s0 = steps, c0 = cat, k0 = coord, d0 = depth;
      marks = 0; np = 0; steps = 0; cat = undefined; coord = 0; depth = d0 + 1;
      const r = run(n.kids[0]!, j);
      depth = d0;
      if (r < 0) {
        marks = m0; np = n0; steps = s0; cat = c0; coord = k0;
        return r;
      }
      marks = (marks & ~n.drop) | n.add | (m0 & n.keep);
      np = n0; steps = s0; coord = k0;
      return r;
    }
    case OP_CHECK:
      return j;
    case OP_WORD:
    case OP_LIST:
      return inSet(n.table!, idAt(j)) ? j + 1 : FAIL;
    case OP_ANY:
      return j >= 0 && j < T.length ? j + 1 : FAIL;
    case OP_KIND:
      return T[j]?.k === n.kind ? j + 1 : FAIL;
    case OP_TOK: {
      const t = T[j];
      return t !== undefined && n.test!(t) ? j + 1 : FAIL;
    }
    case OP_NUMBER: {
      const e = parseNumberAt(T, j);
      if (!e || (n.plainNumber && (e.vague || e.range))) return FAIL;
      if (n.capture) coord = e.value;
      return e.end;
    }
    case OP_KEYWORD: {
      if (!inSet(n.table!, idAt(j))) return FAIL;
      // (a subject asks for the keyword at one token several times: once to stop its noun phrase, then to read it)
      if (j !== kwAt) {
        kwAt = j;
        kwHere = keywordAt(T, j);
      }
      const kw = kwHere;
      if (!kw || (n.cats !== null && !n.cats.includes(kw.cat)) || (n.oneWord && kw.end !== j + 1)) return FAIL;
      if (n.figure) cat = kw.cat;
      return kw.end;
    }
    case OP_DESIGNATION:
      return T[j] !== undefined && designation(T, j) ? j + 1 : FAIL;
    default:
      return hook(n.aside!, j) ? j : FAIL;
  }
}

for (const name of Object.keys(COUNT_GRAMMAR) as NonTerminal[]) named(name);

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

/** The sentence last read, and the span last scanned for a word at which a category can be read (a reading that
 *  starts after the sentence's last one cannot match): from `scanFrom` on, the first is at `categoryAt` (the sentence's
 *  length: none). The scan runs forward from a count and stops at the first such word, mostly a token or two on, so
 *  it looks up the words a reading reads anyway, not the whole sentence's. */
let lastToks: Token[] | undefined;
let scanFrom = 0;
let categoryAt = 0;

/** Read the named sub-pattern from token j (a counted subject just past its count): undefined when it does not match. */
export function readSubject(toks: Token[], j: number, aside: AsideHook = HOLDS, from: NonTerminal = 'count-subject'): SubjectReading | undefined {
  if (bitsStale) buildBits();
  T = toks;
  len = toks.length;
  if (toks !== lastToks) {
    lastToks = toks;
    if (IDS.length < toks.length) IDS = new Int32Array(toks.length * 2);
    IDS.fill(-1, 0, toks.length);
    scanFrom = categoryAt = len;
  }
  if (j < scanFrom || j > categoryAt) {
    let k = j;
    while (k < len && !inSet(CATEGORY_TABLE, idAt(k))) k++;
    scanFrom = j;
    categoryAt = k;
  }
  if (categoryAt >= len) return undefined;
  hook = aside;
  marks = 0; np = 0; steps = 0; cat = undefined; coord = 0; depth = 0; rejected = false; kwAt = -1;
  const end = run(NAMED.get(from)!, j);
  T = [];
  len = 0;
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
  if (bitsStale) buildBits();
  T = toks;
  len = toks.length;
  lastToks = undefined;
  if (IDS.length < toks.length) IDS = new Int32Array(toks.length * 2);
  IDS.fill(-1, 0, toks.length);
  hook = aside;
  marks = 0; np = 0; steps = 0; cat = undefined; coord = 0; depth = 0; rejected = false; kwAt = -1;
  const end = run(m, j);
  len = 0;
  const out = end < 0 ? (rejected ? { end: -1, marks: [], rejected: true as const } : undefined) : { end, ...(cat ? { cat } : {}), marks: MARK_NAMES.filter((n) => marks & BIT.get(n)!) };
  T = [];
  return out;
}
