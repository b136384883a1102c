/**
 * Per-platform escaping of article-derived text. Everything an article can influence (title, places,
 * quotes, attribution, outlet, threat nouns) passes through one of these before it is embedded in markup;
 * our own templates add markup only around already-escaped pieces.
 */

const ZWSP = '\u200b';

/**
 * Breaks `@everyone`, `@here`, `@channel`, `@username`… so an article can never ping anyone: a zero-width
 * space after the `@` keeps the text readable but is no longer a mention token on any platform. An `@` inside
 * a word (`desk@example.org`) starts no mention anywhere, so e-mail addresses are left whole.
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/(?<![\p{L}\p{N}_.+-])@(?=[\p{L}\p{N}_])/gu, `@${ZWSP}`);
}

/**
 * Slack's mrkdwn has no escape for `*`, `_`, `~` and `` ` ``, so an article's own would turn bold, italic,
 * struck-through or code: they become look-alikes that Slack does not read as formatting.
 */
const SLACK_LOOKALIKES: Record<string, string> = { '*': '\u2217', _: '\u02cd', '~': '\u223c', '`': '\u02cb' };

/** Slack mrkdwn: Slack documents only `&`, `<`, `>` as escapable; `<!channel>` etc. die with `<`. */
export function escapeSlack(text: string): string {
  const entities = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return neutraliseMentions(entities.replace(/[*_~`]/g, (c) => SLACK_LOOKALIKES[c] ?? c));
}

/**
 * Discord markdown: backslash-escape emphasis, code, spoiler, quote, link and heading characters. `<` is
 * escaped so `<@id>`, `<#channel>` and `<t:…>` tokens render literally (allowed_mentions already stops pings).
 */
export function escapeDiscord(text: string): string {
  return neutraliseMentions(text.replace(/[\\*_~`|>#<[\]]/g, (c) => `\\${c}`));
}

/** Telegram parse_mode HTML text nodes: only `&`, `<`, `>` are special. */
export function escapeTelegramHtml(text: string): string {
  return neutraliseMentions(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

/** Telegram HTML attribute values (href): text escaping plus `"`. */
export function escapeTelegramAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Adaptive Card TextBlock/Fact markdown subset (bold, italic, lists, links): backslash-escape the characters
 * that open those constructs. HTML is not rendered by Adaptive Cards, so `<` needs nothing.
 */
export function escapeTeams(text: string): string {
  const escaped = text.replace(/[\\*_~`[\]]/g, (c) => `\\${c}`);
  // A title such as "1. FC Köln fans…" or "- breaking" would otherwise render as a list item.
  return neutraliseMentions(escaped.replace(/^(\s*)(\d+)\.(?=\s)/gm, '$1$2\\.').replace(/^(\s*)([-+])(?=\s)/gm, '$1\\$2'));
}

/** The article URL only when it is an absolute http(s) URL; anything else is dropped, never linked. */
export function safeHttpUrl(url: string | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.href;
}
