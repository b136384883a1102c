/**
 * A sample RSS 2.0 feed built from article JSON files (the same ones `npm run send` posts), served with an ETag
 * and Last-Modified and answering conditional GETs with 304: what the chat sink serves at /feed.xml and the
 * end-to-end feed test polls.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { loadArticles } from './articles';

export interface FeedArticle {
  id?: string;
  title?: string;
  url?: string;
  published?: string;
  source?: string;
  text: string;
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** RFC 822 date for pubDate, from the article's ISO `published` (a date alone is midnight UTC). */
function rfc822(published: string): string {
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(published) ? `${published}T00:00:00Z` : published);
  return new Date(ms).toUTCString();
}

/** The articles as one RSS 2.0 document, newest first as feeds list them; each item's outlet in <source>. */
export function rssFromArticles(articles: readonly FeedArticle[], channel: { title: string; link: string }): string {
  const sorted = [...articles].sort((a, b) => Date.parse(b.published ?? '') - Date.parse(a.published ?? ''));
  const items = sorted.map((a) =>
    [
      '    <item>',
      a.title ? `      <title>${xml(a.title)}</title>` : '',
      a.url ? `      <link>${xml(a.url)}</link>` : '',
      a.id ? `      <guid isPermaLink="false">${xml(a.id)}</guid>` : '',
      a.published ? `      <pubDate>${rfc822(a.published)}</pubDate>` : '',
      a.source ? `      <source url="${xml(channel.link)}">${xml(a.source)}</source>` : '',
      `      <description>${xml(a.text)}</description>`,
      '    </item>',
    ]
      .filter((l) => l !== '')
      .join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0">',
    '  <channel>',
    `    <title>${xml(channel.title)}</title>`,
    `    <link>${xml(channel.link)}</link>`,
    '    <description>Sample feed served by the tollwatch chat sink</description>',
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}

/** Loads article JSON files or directories into feed articles (files that are not articles are skipped). */
export async function feedArticles(paths: readonly string[]): Promise<FeedArticle[]> {
  const loaded = await loadArticles([...paths]);
  return loaded.flatMap((l) => (l.article && typeof l.article.text === 'string' ? [l.article as unknown as FeedArticle] : []));
}

/** A feed document with its validators; `lastModified` moves only when the body changes. */
export class ServedFeed {
  body = '';
  etag = '';
  lastModified = '';
  /** Every GET answered, with its status: 200 or 304. */
  readonly answers: number[] = [];

  constructor(
    private readonly channel: { title: string; link: string },
    articles: readonly FeedArticle[] = [],
  ) {
    this.set(articles);
  }

  set(articles: readonly FeedArticle[]): void {
    const body = rssFromArticles(articles, this.channel);
    if (body === this.body) return;
    this.body = body;
    this.etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    this.lastModified = new Date().toUTCString();
  }

  /** Answers a GET: 304 when the client's If-None-Match (or, without one, If-Modified-Since) still holds. */
  serve(req: IncomingMessage, res: ServerResponse): void {
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    const fresh = inm !== undefined ? inm.split(/\s*,\s*/).includes(this.etag) : ims !== undefined && Date.parse(ims) >= Date.parse(this.lastModified);
    const headers = { etag: this.etag, 'last-modified': this.lastModified, 'cache-control': 'no-cache' };
    if (fresh) {
      this.answers.push(304);
      res.writeHead(304, headers);
      res.end();
      return;
    }
    this.answers.push(200);
    res.writeHead(200, { ...headers, 'content-type': 'application/rss+xml; charset=utf-8' });
    res.end(req.method === 'HEAD' ? undefined : this.body);
  }
}
