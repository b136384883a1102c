/**
 * Main text of news-like pages (test/feeds/news-pages.ts): our HTMLRewriter reader (src/feeds/main-text.ts)
 * and Mozilla Readability over linkedom, both run here in workerd, scored by word recall and precision against
 * the story's own paragraphs. `npx vitest run --silent=false test/feeds/main-text-pages.test.ts` prints the table.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { mainText } from '../../src/feeds/main-text';
import { NEWS_PAGES, type NewsPage } from './news-pages';

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

interface Score {
  recall: number;
  /** Null when nothing was extracted. */
  precision: number | null;
}

/** Word-multiset overlap: each truth word counts once per occurrence, so repeated boilerplate is not free. */
function score(extracted: string | null, truth: readonly string[]): Score {
  const want = new Map<string, number>();
  const truthWords = words(truth.join(' '));
  for (const w of truthWords) want.set(w, (want.get(w) ?? 0) + 1);
  const got = words(extracted ?? '');
  let hit = 0;
  for (const w of got) {
    const left = want.get(w) ?? 0;
    if (left > 0) {
      hit++;
      want.set(w, left - 1);
    }
  }
  return { recall: hit / truthWords.length, precision: got.length === 0 ? null : hit / got.length };
}

function readability(html: string): string | null {
  const { document } = parseHTML(html);
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  return article?.textContent ?? null;
}

const READERS: Record<string, (page: NewsPage) => Promise<string | null>> = {
  htmlrewriter: (page) => mainText(page.html),
  readability: async (page) => readability(page.html),
};

async function table(): Promise<Record<string, Record<string, Score>>> {
  const out: Record<string, Record<string, Score>> = {};
  for (const page of NEWS_PAGES) {
    out[page.name] = {};
    for (const [name, read] of Object.entries(READERS)) out[page.name]![name] = score(await read(page), page.main);
  }
  return out;
}

const fmt = (n: number | null) => (n === null ? '—' : n.toFixed(2));

describe('main text of news-like pages', () => {
  it('HTMLRewriter reads every word of a story kept in <article>, <main> or articleBody', async () => {
    const scores = await table();
    for (const name of ['wire-article', 'main-with-extras', 'schema-org-body']) expect(scores[name]?.htmlrewriter?.recall, name).toBe(1);
  });

  it('Readability runs in workerd over linkedom and finds the story on every page', async () => {
    const scores = await table();
    const rows = NEWS_PAGES.map((page) => {
      const s = scores[page.name]!;
      return `| ${page.name} | ${fmt(s.htmlrewriter!.recall)} | ${fmt(s.htmlrewriter!.precision)} | ${fmt(s.readability!.recall)} | ${fmt(s.readability!.precision)} |`;
    });
    console.log(['| page | HTMLRewriter recall | precision | Readability recall | precision |', '|---|---|---|---|---|', ...rows].join('\n'));
    for (const page of NEWS_PAGES) expect(scores[page.name]?.readability?.recall, page.name).toBeGreaterThan(0);
  });
});
