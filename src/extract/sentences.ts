// Sentence splitting tuned for news copy: abbreviations with a full stop ("Gov.", "U.S.",
// "a.m.", "A.N. Roy", "La.") must not end a sentence, headings without a full stop must.

import { tokenise, type Token } from './numbers';

export interface Sentence {
  text: string;
  /** tokens, computed once on first use (figures, threats) */
  toks?: Token[];
  /** paragraph index (0 = first paragraph of the body; -1 = title) */
  para: number;
  /** sentence index within the whole document (title = -1) */
  idx: number;
}

const ABBREV = new Set(
  ('mr mrs ms dr prof gov sen rep gen col lt maj capt sgt cpl adm st mt ft jr sr inc corp co ltd no nos vs etc ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec la fla calif ariz tex mass penn wash ore ga ala miss tenn ky mich minn wis ill ind okla colo conn md va ' +
    'approx est dept univ govt rev hon pres fig al').split(' '),
);

function isBoundary(text: string, i: number): boolean {
  // text[i] is . ! or ?; the caller checks that whitespace follows.
  if (text[i] !== '.') return true;
  // word before the full stop
  let j = i - 1;
  while (j >= 0 && /[\p{L}.]/u.test(text[j] ?? '')) j--;
  const word = text.slice(j + 1, i);
  if (word.length === 0) return true; // after digits or a quote
  const lw = word.toLowerCase();
  if (ABBREV.has(lw)) return false;
  if (word.includes('.')) return false; // "U.S", "a.m", "A.N"
  if (word.length === 1) return false; // initials: "A. Roy"
  return true;
}

export function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  let start = 0;
  const n = paragraph.length;
  for (let i = 0; i < n; i++) {
    const c = paragraph[i];
    if (c !== '.' && c !== '!' && c !== '?') continue;
    // swallow closing quotes/brackets after the stop
    let k = i + 1;
    while (k < n && /["'’”)\]]/.test(paragraph[k] ?? '')) k++;
    if (k < n && paragraph[k] !== ' ') continue;
    if (!isBoundary(paragraph, i)) continue;
    // The next sentence should start with a capital, digit or quote; "p.m. on Sunday" should not split.
    let m = k;
    while (m < n && paragraph[m] === ' ') m++;
    if (m < n && !/[\p{Lu}\d"'‘“(]/u.test(paragraph[m] ?? '')) continue;
    const s = paragraph.slice(start, k).trim();
    if (s) out.push(s);
    start = k;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

// whitespace that is not one plain space between words
const LOOSE_SPACE = /[^\S ]|  /;

export function documentSentences(text: string, title?: string): Sentence[] {
  const out: Sentence[] = [];
  if (title && title.trim()) out.push({ text: title.trim().replace(/\s+/g, ' '), para: -1, idx: -1 });
  const paras = text.split(/\n\s*\n/);
  let idx = 0;
  let p = 0;
  for (const para of paras) {
    // (most paragraphs have single spaces only: no copy for them)
    const clean = (LOOSE_SPACE.test(para) ? para.replace(/\s+/g, ' ') : para).trim();
    if (!clean) continue;
    for (const s of splitSentences(clean)) out.push({ text: s, para: p, idx: idx++ });
    p++;
  }
  return out;
}

export function tokensOf(s: Sentence): Token[] {
  if (!s.toks) s.toks = tokenise(s.text);
  return s.toks;
}
