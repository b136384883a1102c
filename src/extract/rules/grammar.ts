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
const has = (m: GrammarMark): number => BIT.get(m)!;

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
  // (only the conditions the node has, joined once)
  const parts: Array<() => boolean> = [];
  if (w.np === 'some') parts.push(() => np > 0);
  if (w.np === 'none') parts.push(() => np === 0);
  if (w.np === 'full') parts.push(() => np >= NP_MAX);
  const hasBits = bits(w.has);
  if (hasBits) parts.push(() => (marks & hasBits) === hasBits);
  const lacksBits = bits(w.lacks);
  if (lacksBits) parts.push(() => (marks & lacksBits) === 0);
  if (w.outermost) parts.push(() => depth === 0);
  if (w.cat) {
    const cats = w.cat;
    parts.push(() => cat !== undefined && cats.includes(cat));
  }
  if (parts.length === 1) return parts[0]!;
  if (parts.length === 2) {
    const [a, b] = parts as [() => boolean, () => boolean];
    return () => a() && b();
  }
  return () => parts.every((p) => p());
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
  return (t) => parts.every((p) => p(t));
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
    return { test: (t) => tests.some((x) => x(t)) };
  }
  return null;
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
  const markIf = (node.markIf ?? []).map((m) => ({ words: PATTERN_LISTS[m.list], bits: bits(m.mark) }));
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
      const w = T[j]?.l ?? '';
      for (const m of markIf) if (m.words.has(w)) marks |= m.bits;
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
    // (indexed by the token an alternative can start on: only those that may match are tried, each after its test)
    type Alt = { m: Matcher; test: ((t: Token) => boolean) | undefined };
    const alts = node.first.map((a) => ({ m: compile(a), f: firstOf(a) }));
    const altsWhere = (keep: (f: First) => boolean): Alt[] => alts.filter((a) => keep(a.f)).map((a) => ({ m: a.m, test: a.f && 'test' in a.f ? a.f.test : undefined }));
    const byWord = new Map<string, Alt[]>();
    for (const a of alts) if (a.f && 'words' in a.f) for (const w of a.f.words) if (!byWord.has(w)) byWord.set(w, altsWhere((f) => !f || 'test' in f || f.words.has(w)));
    const generic = altsWhere((f) => !f || 'test' in f);
    const atEnd = altsWhere((f) => !f);
    return (j) => {
      const t = T[j];
      const list = t ? byWord.get(t.l) ?? generic : atEnd;
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
    return (j) => {
      const start = j;
      for (let times = 0; max === undefined || times < max; times++) {
        if (within !== undefined && j >= start + within) break;
        if (costs && steps >= STEP_BUDGET) break;
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
    return (j) => {
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
    return (j) => {
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
    const word = node.word;
    return (j) => (T[j]?.l === word ? j + 1 : FAIL);
  }
  if ('list' in node) {
    const words = PATTERN_LISTS[node.list];
    return (j) => {
      const t = T[j];
      return t && words.has(t.l) ? j + 1 : FAIL;
    };
  }
  if ('tok' in node) {
    const test = shapeTest(node.tok);
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
    return (j) => {
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
const SUBJECT = boxOf('count-subject');

const HOLDS: AsideHook = () => true;

/** Read the named sub-pattern from token j (a counted subject just past its count): undefined when it does not match. */
export function readSubject(toks: Token[], j: number, aside: AsideHook = HOLDS, from: NonTerminal = 'count-subject'): SubjectReading | undefined {
  T = toks;
  hook = aside;
  marks = 0; np = 0; steps = 0; cat = undefined; coord = 0; depth = 0; rejected = false; kwAt = -1;
  const end = (from === 'count-subject' ? SUBJECT : boxOf(from)).m(j);
  T = [];
  if (end < 0 || cat === undefined) return undefined;
  return {
    ...(marks & has('coordinated') ? { coordValue: marks & has('perpCoord') ? 0 : coord } : {}),
    cat,
    adjectival: !!(marks & has('adjectival')),
    end,
    person: !!(marks & has('person')),
    singularPerson: !!(marks & has('singularPerson')),
    speculative: !!(marks & has('speculative')),
    subcount: !!(marks & has('subcount')),
    increment: !!(marks & has('increment')),
    combined: !!(marks & has('combined')),
  };
}
