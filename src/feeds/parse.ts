// Turns a fetched feed document (RSS 2.0, RDF, Atom or JSON Feed) into plain items: one shape whatever the format.
import { parseFeed } from 'feedsmith';

/** One feed entry as tollwatch needs it; every field already trimmed, absent when the feed gave nothing usable. */
export interface FeedItem {
  /** What de-duplicates the item across polls: the guid / id, else the link, else the title. */
  key: string;
  title?: string;
  /** The item's article link (http/https only). */
  link?: string;
  /** The longest body the feed carries (content:encoded, Atom content, content_html), else the summary. HTML allowed. */
  body?: string;
  /** The short summary, kept apart: it is the fall-back when the linked page cannot be read. */
  summary?: string;
  /** ISO 8601 date-time, when the feed's date could be read. */
  published?: string;
  /** RSS 2.0 `<source>`: the outlet an aggregator took the item from. */
  source?: string;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title?: string;
  items: FeedItem[];
}

/** Thrown for a document that is no feed of a known format; the message says what was wrong. */
export class FeedParseError extends Error {
  override readonly name = 'FeedParseError';
}

const clean = (s: unknown): string | undefined => {
  if (typeof s !== 'string') return undefined;
  const t = s.trim();
  return t.length > 0 ? t : undefined;
};

const httpLink = (s: unknown): string | undefined => {
  const t = clean(s);
  if (!t) return undefined;
  try {
    const u = new URL(t);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : undefined;
  } catch {
    return undefined;
  }
};

/** RFC 822 (RSS), RFC 3339 (Atom, JSON Feed) and the sloppy variants both allow → ISO, or nothing. */
export function feedDate(raw: unknown): string | undefined {
  const t = clean(raw);
  if (!t) return undefined;
  const ms = Date.parse(t);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

const longest = (...texts: (string | undefined)[]): string | undefined =>
  texts.filter((t): t is string => t !== undefined).sort((a, b) => b.length - a.length)[0];

/**
 * Parses one feed document. JSON Feed is recognised by its JSON body; the XML formats by their root element.
 * Items with neither a key nor any text are dropped: there is nothing to file.
 */
export function parseFeedDocument(text: string): ParsedFeed {
  let input: unknown = text;
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    try {
      input = JSON.parse(trimmed);
    } catch {
      throw new FeedParseError('the body starts like JSON but is not valid JSON');
    }
  }
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(input);
  } catch (err) {
    throw new FeedParseError(`not an RSS, Atom, RDF or JSON feed (${err instanceof Error ? err.message : String(err)})`);
  }
  const items: FeedItem[] = [];
  const push = (item: Omit<FeedItem, 'key'>, id: string | undefined) => {
    const key = id ?? item.link ?? item.title;
    if (!key || (!item.title && !item.body && !item.summary)) return;
    items.push({ key, ...Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined)) });
  };
  switch (parsed.format) {
    case 'rss':
      for (const it of parsed.feed.items ?? []) {
        const summary = clean(it.description);
        push(
          {
            title: clean(it.title),
            link: httpLink(it.link) ?? (it.guid?.isPermaLink !== false ? httpLink(it.guid?.value) : undefined),
            body: longest(clean(it.content?.encoded), summary),
            summary,
            published: feedDate(it.pubDate) ?? feedDate(it.dc?.dates?.[0]),
            source: clean(it.source?.title),
          },
          clean(it.guid?.value),
        );
      }
      return { format: 'rss', title: clean(parsed.feed.title), items };
    case 'rdf':
      for (const it of parsed.feed.items ?? []) {
        const summary = clean(it.description);
        push({ title: clean(it.title), link: httpLink(it.link), body: longest(clean(it.content?.encoded), summary), summary, published: feedDate(it.dc?.dates?.[0]) }, clean(it.rdf?.about));
      }
      return { format: 'rdf', title: clean(parsed.feed.title), items };
    case 'atom':
      for (const entry of parsed.feed.entries ?? []) {
        const links = entry.links ?? [];
        const link = links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0];
        const summary = clean(entry.summary?.value);
        push(
          {
            title: clean(entry.title?.value),
            link: httpLink(link?.href),
            body: longest(clean(entry.content?.value), summary),
            summary,
            published: feedDate(entry.published) ?? feedDate(entry.updated),
            source: clean(entry.source?.title?.value),
          },
          clean(entry.id),
        );
      }
      return { format: 'atom', title: clean(parsed.feed.title?.value), items };
    case 'json':
      for (const it of parsed.feed.items ?? []) {
        const summary = clean(it.summary);
        push(
          {
            title: clean(it.title),
            link: httpLink(it.url) ?? httpLink(it.external_url),
            body: longest(clean(it.content_html), clean(it.content_text), summary),
            summary,
            published: feedDate(it.date_published) ?? feedDate(it.date_modified),
          },
          clean(it.id),
        );
      }
      return { format: 'json', title: clean(parsed.feed.title), items };
  }
}
