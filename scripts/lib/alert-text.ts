/**
 * Turns what a destination received (Slack, Discord, Telegram, Teams, generic webhook payloads) back into
 * readable text for the chat sink's terminal output and for tests.
 */

export type SinkDestination = 'slack' | 'discord' | 'telegram' | 'teams' | 'webhook';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Telegram HTML parse mode → plain text. */
export function stripHtml(html: string): string {
  return decodeEntities(html.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, ''));
}

/** Slack mrkdwn links `<url|label>` → `label (url)`; `<url>` → `url`. */
export function slackPlain(text: string): string {
  return decodeEntities(
    text
      .replace(/<([^|>]+)\|([^>]+)>/g, '$2 ($1)')
      .replace(/<([^>]+)>/g, '$1')
      .replace(/^(?:>|&gt;) ?/gm, '│ '),
  );
}

type Json = unknown;
const isObj = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

function slackBlocksText(blocks: Json[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (!isObj(b)) continue;
    const t = b.text;
    if (isObj(t) && typeof t.text === 'string') out.push(t.text);
    if (Array.isArray(b.fields)) for (const f of b.fields) if (isObj(f) && typeof f.text === 'string') out.push(f.text);
    if (Array.isArray(b.elements)) {
      for (const e of b.elements) {
        if (isObj(e) && typeof e.text === 'string') out.push(e.text);
        else if (isObj(e) && isObj(e.text) && typeof e.text.text === 'string') out.push(e.text.text);
      }
    }
  }
  return out;
}

/** Every Adaptive Card TextBlock / RichTextBlock / FactSet in document order (nested containers too). */
function adaptiveCardText(node: Json, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const n of node) adaptiveCardText(n, out);
    return out;
  }
  if (!isObj(node)) return out;
  if (node.type === 'TextBlock' && typeof node.text === 'string') out.push(node.text);
  if (node.type === 'RichTextBlock' && Array.isArray(node.inlines)) {
    out.push(node.inlines.map((i) => (typeof i === 'string' ? i : isObj(i) && typeof i.text === 'string' ? i.text : '')).join(''));
  }
  if (node.type === 'FactSet' && Array.isArray(node.facts)) {
    for (const f of node.facts) if (isObj(f)) out.push(`${String(f.title ?? '')}: ${String(f.value ?? '')}`);
  }
  for (const key of ['body', 'items', 'columns', 'attachments', 'content', 'sections']) {
    if (key in node) adaptiveCardText(node[key], out);
  }
  return out;
}

/** The human-readable text of one delivery. */
export function alertText(destination: SinkDestination | string, json: Json, rawBody = ''): string {
  if (!isObj(json)) return rawBody;
  switch (destination) {
    case 'slack': {
      // The headline is a top-level block; the details sit in the severity-coloured attachment.
      const attached = Array.isArray(json.attachments) ? json.attachments.flatMap((a) => (isObj(a) && Array.isArray(a.blocks) ? a.blocks : [])) : [];
      const blocks = [...(Array.isArray(json.blocks) ? json.blocks : []), ...attached];
      if (blocks.length > 0) {
        const fromBlocks = slackBlocksText(blocks);
        if (fromBlocks.length > 0) return slackPlain(fromBlocks.join('\n'));
      }
      return typeof json.text === 'string' ? slackPlain(json.text) : rawBody;
    }
    case 'discord': {
      const lines: string[] = [];
      if (typeof json.content === 'string' && json.content) lines.push(json.content);
      if (Array.isArray(json.embeds)) {
        for (const e of json.embeds) {
          if (!isObj(e)) continue;
          if (typeof e.title === 'string') lines.push(e.title);
          if (typeof e.description === 'string') lines.push(e.description);
          if (Array.isArray(e.fields)) for (const f of e.fields) if (isObj(f)) lines.push(`${String(f.name ?? '')}: ${String(f.value ?? '')}`);
          if (isObj(e.footer) && typeof e.footer.text === 'string') lines.push(e.footer.text);
        }
      }
      return lines.length ? lines.join('\n') : rawBody;
    }
    case 'telegram':
      return typeof json.text === 'string' ? (json.parse_mode === 'MarkdownV2' ? json.text : stripHtml(json.text)) : rawBody;
    case 'teams': {
      const lines = adaptiveCardText(json);
      if (lines.length) return lines.join('\n');
      if (typeof json.text === 'string') return json.text;
      return rawBody;
    }
    case 'webhook':
      // the Standard Webhooks envelope carries the alert under `data`
      return isObj(json.data) && typeof json.data.text === 'string' ? json.data.text : rawBody;
    default:
      return rawBody;
  }
}
