import type { Casualties, Extraction, Figure, Qualifier } from '../schema';

// First extractor: killed and injured from digits and number words. The extraction engine replaces this
// module whole; callers only depend on `extract`, `normaliseText` and `isEnglish`.

const WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)`;
const QUAL = String.raw`(at least|more than|over|about|around|nearly|almost|up to)?\s*`;
const PATTERNS: Array<{ category: 'killed' | 'injured'; re: RegExp }> = [
  { category: 'killed', re: new RegExp(`${QUAL}${NUMBER}\\s+(?:\\w+\\s+){0,2}?(?:people\\s+)?(?:dead|killed|died)`, 'gi') },
  { category: 'injured', re: new RegExp(`${QUAL}${NUMBER}\\s+(?:\\w+\\s+){0,2}?(?:people\\s+)?(?:injured|wounded|hurt)`, 'gi') },
];

function toNumber(token: string): number | null {
  const lower = token.toLowerCase();
  if (/^\d/.test(lower)) return Number(lower.replace(/,/g, ''));
  const [tens, unit] = lower.split('-');
  const base = WORDS[tens ?? ''];
  if (base === undefined) return null;
  return base + (unit ? (WORDS[unit] ?? 0) : 0);
}

function qualifierOf(word: string | undefined): Qualifier {
  switch (word?.toLowerCase()) {
    case 'at least':
    case 'more than':
    case 'over':
      return 'at_least';
    case 'about':
    case 'around':
    case 'nearly':
    case 'almost':
      return 'approx';
    case 'up to':
      return 'at_most';
    default:
      return 'exact';
  }
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/).filter((s) => s.trim().length > 0);
}

export function normaliseText(raw: string): string {
  return raw
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .normalize('NFC')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

export function isEnglish(text: string): boolean {
  const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
  if (words.length < 8) return true;
  const common = new Set(['the', 'and', 'of', 'to', 'in', 'a', 'was', 'were', 'said', 'at', 'on', 'for', 'people']);
  return words.filter((w) => common.has(w)).length / words.length > 0.05;
}

export function extract(article: { text: string; title?: string; published?: string }): Extraction {
  const casualties: Casualties = {};
  for (const sentence of sentences(article.text)) {
    for (const { category, re } of PATTERNS) {
      re.lastIndex = 0;
      for (const m of sentence.matchAll(re)) {
        const value = toNumber(m[2] ?? '');
        if (value === null || !Number.isFinite(value)) continue;
        const figure: Figure = { value, qualifier: qualifierOf(m[1]), quote: sentence.trim() };
        const said = /\b((?:state|national) (?:TV|media)|police|officials)\b said/i.exec(sentence);
        if (said?.[1]) figure.attribution = said[1];
        const current = casualties[category];
        // A later exact figure beats an earlier lower bound ("more than 30 … 35 dead").
        if (!current || current.qualifier !== 'exact' || figure.value > current.value) casualties[category] = figure;
      }
    }
  }
  const lead = `${article.title ?? ''} ${article.text.slice(0, 600)}`;
  const type = /\b(stampede|earthquake|explosion|shooting|flood|fire|crash)\b/i.exec(lead)?.[1]?.toLowerCase() ?? null;
  const places = [...new Set(lead.match(/\bin ([A-Z][a-z]+)\b/g)?.map((m) => m.split(' ')[1] ?? '') ?? [])].filter((p) => p.length > 0);
  return { casualties, threats: [], incident: { type, places: places.slice(0, 3) } };
}
