// Tokens and number expressions. Everything downstream works on token indices so no
// regex ever has to look across a whole sentence (linear time on any input).

export type TokKind = 'num' | 'word' | 'punct';
export interface Token {
  t: string; // as written
  l: string; // lower case, curly apostrophe folded
  s: number; // start offset in the sentence
  e: number; // end offset
  k: TokKind;
  /** true when no whitespace separates this token from the previous one */
  glued: boolean;
}

// Tokens are digit groups ("1,200", "3.5"), words with internal hyphens or apostrophes ("thirty-five", "o'clock"),
// or one other character; whitespace separates them. This is what
// /\d+(?:[.,:]\d+)*|[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*|[^\s\p{L}\p{M}\d]/gu matches, scanned by hand: every
// sentence of every article passes through here, and a character-code loop with a regular expression only for
// characters outside ASCII is several times faster than iterating that pattern's matches.
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const SPACE = /^\s$/u;

const isDigit = (c: number) => c >= 48 && c <= 57;
/** Code units of the code point at i (2 for a surrogate pair). */
const cpSize = (s: string, i: number) => ((s.codePointAt(i) ?? 0) > 0xffff ? 2 : 1);
function letterAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER_OR_MARK.test(String.fromCodePoint(s.codePointAt(i)!));
}
function spaceAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return SPACE.test(String.fromCodePoint(s.codePointAt(i)!));
}
/** Index just past the run of letters and marks starting at i. */
function lettersEnd(s: string, i: number): number {
  while (i < s.length && letterAt(s, i)) i += cpSize(s, i);
  return i;
}

/** Index just past the token starting at i (not whitespace). */
function tokenEnd(s: string, i: number): number {
  const n = s.length;
  if (isDigit(s.charCodeAt(i))) {
    let j = i + 1;
    while (j < n && isDigit(s.charCodeAt(j))) j++;
    // "1,200", "3.5", "10:30"
    while (j + 1 < n && (s[j] === '.' || s[j] === ',' || s[j] === ':') && isDigit(s.charCodeAt(j + 1))) {
      j += 2;
      while (j < n && isDigit(s.charCodeAt(j))) j++;
    }
    return j;
  }
  if (letterAt(s, i)) {
    let j = lettersEnd(s, i);
    while (j + 1 < n && (s[j] === "'" || s[j] === '’' || s[j] === '-') && letterAt(s, j + 1)) j = lettersEnd(s, j + 1);
    return j;
  }
  return i + cpSize(s, i);
}

export function tokenise(s: string): Token[] {
  const out: Token[] = [];
  let prevEnd = -1;
  for (let start = 0; start < s.length; ) {
    if (spaceAt(s, start)) {
      start += cpSize(s, start);
      continue;
    }
    const end = tokenEnd(s, start);
    const t = s.slice(start, end);
    const c = t.charCodeAt(0);
    // only a one-character token can be punctuation (the other forms are words/digits)
    const k: TokKind = isDigit(c) ? 'num' : t.length > 1 || LETTER_OR_MARK.test(t) ? 'word' : 'punct';
    const lower = t.toLowerCase();
    out.push({ t, l: lower.includes('’') ? lower.replace(/’/g, "'") : lower, s: start, e: end, k, glued: start === prevEnd });
    prevEnd = end;
    start = end;
  }
  return out;
}

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = {
  hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000, lakh: 100_000, crore: 10_000_000,
};
// Abbreviated scales that must be glued to the digits ("2.5m", "3bn") to avoid "5 m" (metres).
const GLUED_SCALES: Record<string, number> = { m: 1_000_000, bn: 1_000_000_000, k: 1_000 };
const SPACED_SCALES: Record<string, number> = { ...SCALES, mln: 1_000_000, bln: 1_000_000_000, mn: 1_000_000, bn: 1_000_000_000 };

/** Vague quantities: value and an exclusive upper bound a more precise figure may refine up to. */
export const VAGUE: Record<string, { value: number; upper: number }> = {
  dozens: { value: 24, upper: 100 },
  scores: { value: 40, upper: 200 },
  hundreds: { value: 200, upper: 1_000 },
  thousands: { value: 2_000, upper: 10_000 },
  millions: { value: 2_000_000, upper: 10_000_000 },
};

// Words that can start a number expression (hyphenated "thirty-five" is checked separately).
const STARTERS = new Set([...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(SCALES), 'dozens', 'scores', 'hundreds', 'thousands', 'millions', 'tens', 'a', 'dozen']);

export interface NumberExpr {
  value: number;
  /** token index just past the expression */
  end: number;
  vague?: { upper: number };
  /** "20 to 30", "20-30": value is the lower bound */
  range?: boolean;
  words: boolean;
}

function wordValue(l: string): number | undefined {
  const u = UNITS[l];
  if (u !== undefined) return u;
  const t = TENS[l];
  if (t !== undefined) return t;
  if (l.indexOf('-') < 0) return undefined;
  const parts = l.split('-');
  if (parts.length === 2) {
    const a = TENS[parts[0] ?? ''];
    const b = UNITS[parts[1] ?? ''];
    if (a !== undefined && b !== undefined && b > 0 && b < 10) return a + b;
  }
  return undefined;
}

export function isNumberWord(l: string): boolean {
  return wordValue(l) !== undefined || l in SCALES || l === 'dozen';
}

function parseDigits(t: string): number | undefined {
  if (t.length > 15 || t.includes(':')) return undefined; // times, absurd runs
  if (/^\d+$/.test(t)) return Number(t);
  if (/^\d{1,3}(,\d{3})+$/.test(t)) return Number(t.replace(/,/g, ''));
  if (/^\d+\.\d+$/.test(t)) return Number(t); // may be fractional; a scale must follow
  return undefined;
}

/** Number words starting at i ("one hundred and twelve", "thirty-five", "a dozen", "two dozen"). */
function parseWords(toks: Token[], i: number): NumberExpr | undefined {
  let total = 0;
  let current = 0;
  let j = i;
  let any = false;
  const first = toks[i];
  if (!first) return undefined;
  // "a hundred", "a dozen", "a million"
  if ((first.l === 'a' || first.l === 'one') && toks[i + 1] && (toks[i + 1]!.l in SCALES || toks[i + 1]!.l === 'dozen')) {
    current = 1;
    j = i + 1;
    any = true;
  }
  while (j < toks.length) {
    const tk = toks[j]!;
    if (tk.k !== 'word') break;
    const v = wordValue(tk.l);
    if (v !== undefined) {
      // "five four" is not a number; only after a scale or at the start.
      const tensThenUnit = current % 10 === 0 && current % 100 >= 20 && v < 10;
      if (any && current !== 0 && current % 100 !== 0 && !tensThenUnit) break;
      current += v;
      any = true;
      j++;
      continue;
    }
    if (tk.l === 'dozen' && any) {
      current = (current || 1) * 12;
      j++;
      continue;
    }
    const sc = SCALES[tk.l];
    if (sc !== undefined && any) {
      if (sc === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * sc;
        current = 0;
      }
      j++;
      continue;
    }
    // "one hundred and twelve"
    if (tk.l === 'and' && any && current % 100 === 0 && current > 0) {
      const nx = toks[j + 1];
      if (nx && wordValue(nx.l) !== undefined) {
        j++;
        continue;
      }
    }
    break;
  }
  if (!any) return undefined;
  return { value: total + current, end: j, words: true };
}

/** Whether a word starts with a capital letter (/^\p{Lu}/u, with ASCII answered without it). */
export function startsUpper(w: string): boolean {
  const c = w.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(w);
}

/** Whether a word starts with a-z (/^[a-z]/ without a regular expression: it is asked of every token). */
export function startsAsciiLower(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 97 && c <= 122;
}

/** Whether any token could start a number expression: parseNumberAt is undefined everywhere in a span without one. */
export function mayHoldNumber(toks: readonly Token[]): boolean {
  for (const tk of toks) {
    if (tk.k === 'num') return true;
    if (tk.k !== 'word') continue;
    const dash = tk.l.indexOf('-');
    if (STARTERS.has(tk.l) || (dash > 0 && TENS[tk.l.slice(0, dash)] !== undefined)) return true;
  }
  return false;
}

/**
 * The number expression starting at token i, or undefined. Rejects what is not a count:
 * ordinals ("26th"), tokens glued to letters ("S-400", "Mi-8"), fractions without a scale.
 */
export function parseNumberAt(toks: Token[], i: number): NumberExpr | undefined {
  const tk = toks[i];
  if (!tk) return undefined;
  if (tk.k === 'num') {
    const prev = toks[i - 1];
    // "S-400", "Ka-52", "Rs1", "$15": glued to a word, a hyphen after a word, or currency.
    if (tk.glued && prev && (prev.k === 'word' || prev.t === '$' || prev.t === '£' || prev.t === '€' || prev.t === '#')) return undefined;
    if (tk.glued && prev && (prev.t === '-' || prev.t === '/' || prev.t === '.') && toks[i - 2]?.k !== undefined && toks[i - 2]!.e === prev.s) return undefined;
    let v = parseDigits(tk.t);
    if (v === undefined) return undefined;
    let end = i + 1;
    const nx = toks[end];
    if (nx && nx.k === 'word') {
      if (nx.glued) {
        const sc = GLUED_SCALES[nx.l] ?? SPACED_SCALES[nx.l];
        if (sc === undefined) return undefined; // "26th", "10km", "3pm"
        v *= sc;
        end++;
      } else {
        const sc = SPACED_SCALES[nx.l];
        if (sc !== undefined) {
          v *= sc;
          end++;
        }
      }
    }
    if (!Number.isFinite(v) || !Number.isInteger(v) || v < 0 || v > 1e10) return undefined;
    return withRange(toks, i, { value: Math.round(v), end, words: false });
  }
  if (tk.k !== 'word') return undefined;
  // fast exit: most words are not numbers
  if (!STARTERS.has(tk.l)) {
    const dash = tk.l.indexOf('-');
    if (dash < 0 || TENS[tk.l.slice(0, dash)] === undefined) return undefined;
  }
  const vague = VAGUE[tk.l];
  if (vague) {
    // "tens of thousands", "hundreds of thousands"
    if ((tk.l === 'hundreds' || tk.l === 'tens') && toks[i + 1]?.l === 'of' && toks[i + 2]?.l === 'thousands') {
      const base = tk.l === 'hundreds' ? 200_000 : 20_000;
      return { value: base, end: i + 3, vague: { upper: base * 5 }, words: true };
    }
    return { value: vague.value, end: i + 1, vague: { upper: vague.upper }, words: true };
  }
  if (tk.l === 'tens' && toks[i + 1]?.l === 'of' && toks[i + 2]?.l === 'thousands') {
    return { value: 20_000, end: i + 3, vague: { upper: 100_000 }, words: true };
  }
  const w = parseWords(toks, i);
  if (!w) return undefined;
  return withRange(toks, i, w);
}

// "20 to 30 people", "20-30", "between 20 and 30" → lower bound, flagged as a range.
function withRange(toks: Token[], start: number, n: NumberExpr): NumberExpr {
  const sep = toks[n.end];
  if (!sep) return n;
  const isDash = sep.t === '-' || sep.t === '–';
  const isTo = sep.l === 'to' || (sep.l === 'and' && toks[n.end - 2]?.l === 'between');
  if (!isDash && !isTo) return n;
  // "from one to four" is a change, not a range.
  const before = toks[start - 1]?.l;
  if (isTo && (before === 'from' || before === 'by')) return n;
  const next = toks[n.end + 1];
  if (!next) return n;
  if (isDash && (!sep.glued || !next.glued)) {
    // a spaced dash is punctuation, not a range
    return n;
  }
  const m = next.k === 'num' ? parseDigitsExpr(toks, n.end + 1) : parseWords(toks, n.end + 1);
  if (!m || m.value <= n.value) return n;
  return { value: n.value, end: m.end, range: true, words: n.words };
}

function parseDigitsExpr(toks: Token[], i: number): NumberExpr | undefined {
  const tk = toks[i];
  if (!tk) return undefined;
  const v = parseDigits(tk.t);
  if (v === undefined || !Number.isInteger(v)) return undefined;
  let end = i + 1;
  const nx = toks[end];
  if (nx && nx.k === 'word') {
    const sc = nx.glued ? GLUED_SCALES[nx.l] ?? SPACED_SCALES[nx.l] : SPACED_SCALES[nx.l];
    if (nx.glued && sc === undefined) return undefined;
    if (sc !== undefined) {
      end++;
      return { value: v * sc, end, words: false };
    }
  }
  return { value: v, end, words: false };
}

/** A standalone year token (1800–2100 written without separators). */
export function yearOf(tk: Token | undefined): number | undefined {
  if (!tk || tk.k !== 'num' || !/^\d{4}$/.test(tk.t)) return undefined;
  const y = Number(tk.t);
  return y >= 1800 && y <= 2100 ? y : undefined;
}
