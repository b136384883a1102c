// Reads an article page's main text with HTMLRewriter: paragraphs inside <article>/<main>, else every paragraph.

/** A page shorter than this once read is a paywall stub or a cookie wall: the feed's summary says more. */
export const MIN_MAIN_TEXT_CHARS = 200;
/** Pages are read up to this many bytes; a news article is far smaller, and a Worker has 128 MB. */
export const MAX_PAGE_BYTES = 2 * 1024 * 1024;

/**
 * Selectors in order of trust. HTMLRewriter cannot say "a <p> not inside <nav>", so the article container is
 * tried first and the page-wide paragraphs are only the fall-back.
 */
const CONTAINERS = ['article p', '[itemprop="articleBody"] p', 'main p', 'p'] as const;

/**
 * The main text of an HTML page as paragraphs separated by blank lines (entities left for normaliseText), or
 * null when no container holds at least MIN_MAIN_TEXT_CHARS of text.
 */
export async function mainText(html: string): Promise<string | null> {
  const buckets = new Map<string, string[]>(CONTAINERS.map((c) => [c, []]));
  let skipDepth = 0;
  let rewriter = new HTMLRewriter()
    // Script and style text is not prose; HTMLRewriter would hand it to a "p" text handler inside <noscript>.
    .on('script, style, noscript, template', {
      element(el) {
        skipDepth++;
        el.onEndTag(() => {
          skipDepth--;
        });
      },
    });
  for (const selector of CONTAINERS) {
    const paragraphs = buckets.get(selector)!;
    rewriter = rewriter.on(selector, {
      element() {
        paragraphs.push('');
      },
      text(chunk) {
        if (skipDepth === 0 && paragraphs.length > 0) paragraphs[paragraphs.length - 1] += chunk.text;
      },
    });
  }
  await rewriter.transform(new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } })).arrayBuffer();
  for (const selector of CONTAINERS) {
    const text = buckets
      .get(selector)!
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter((p) => p.length > 0)
      .join('\n\n');
    if (text.length >= MIN_MAIN_TEXT_CHARS) return text;
  }
  return null;
}

/** Reads at most `limit` bytes of a body as UTF-8 (the rest is cancelled, not downloaded). */
export async function readCapped(body: ReadableStream<Uint8Array> | null, limit: number): Promise<string> {
  if (!body) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size >= limit) {
      await reader.cancel();
      break;
    }
  }
  const all = new Uint8Array(Math.min(size, limit));
  let at = 0;
  for (const c of chunks) {
    const part = c.subarray(0, Math.min(c.byteLength, all.byteLength - at));
    all.set(part, at);
    at += part.byteLength;
  }
  return new TextDecoder('utf-8').decode(all);
}
