import { extract, isEnglish, normaliseText } from './extract';
import { HttpError } from './lib/errors';
import { sha256Hex } from './lib/hash';
import { publishedToMs, publishedTooLate, type ArticleInput, type ArticleResult, type Extraction, type Report } from './schema';
import type { IncidentMeta } from './track/apply';
import { incidentTitle } from './track/match';

export interface PreparedArticle {
  report: Report;
  extraction: Extraction;
  /** Whether the id was chosen by the sender (then the same id with another body is a conflict). */
  senderChosenId: boolean;
}

/** The outlet that vouches for a report: the payload's source, else the url's host. */
export function outletOf(input: Pick<ArticleInput, 'source' | 'url'>): string {
  if (input.source) return input.source;
  if (input.url) {
    try {
      return new URL(input.url).hostname.replace(/^www\./, '');
    } catch {
      // ArticleInput already checked the url; fall through for callers that did not.
    }
  }
  return 'unknown outlet';
}

/**
 * Normalises, identifies and extracts one validated article. Shared by the webhook and the replay CLI.
 * Article id = the sender's webhook-id, else the payload id, else a digest of url and normalised text. A named
 * sender's own ids are prefixed with its name (`newsroom/msg_1`): two senders numbering their messages alike
 * must not collide into a 409.
 */
export async function prepareArticle(input: ArticleInput, webhookId: string | undefined, receivedMs: number, senderName?: string): Promise<PreparedArticle> {
  const text = normaliseText(input.text);
  if (text.length === 0) throw new HttpError(400, 'invalid_article', 'text has no content once HTML is stripped', { field: 'text' });
  if (!isEnglish(text)) {
    throw new HttpError(422, 'unsupported_language', 'the article does not appear to be in English; only English articles are extracted for now', { field: 'text' });
  }
  const publishedMs = input.published ? publishedToMs(input.published) : receivedMs;
  const tooLate = publishedTooLate(publishedMs, receivedMs);
  if (tooLate) throw new HttpError(400, 'invalid_article', tooLate, { field: 'published' });
  const title = input.title ? normaliseText(input.title) : undefined;
  const contentHash = await sha256Hex(`${input.url ?? ''}\n${text}`);
  const chosenId = webhookId ?? input.id;
  const articleId = chosenId === undefined ? `sha256:${contentHash.slice(0, 32)}` : senderName ? `${senderName}/${chosenId}` : chosenId;
  const extraction = boundQuotes(extract({ text, ...(title ? { title } : {}), ...(input.published ? { published: input.published } : {}) }));
  const report: Report = {
    v: 1,
    article_id: articleId,
    content_hash: contentHash,
    ...(input.url ? { url: input.url } : {}),
    ...(title ? { title } : {}),
    outlet: outletOf(input),
    // Nothing was published after we received it: a stamp up to a day ahead is a clock error, read as receipt
    // time, so one report cannot push the incident's clock past now and make every later report "late".
    published_ms: Math.min(publishedMs, receivedMs),
    received_ms: receivedMs,
    casualties: extraction.casualties,
    threats: extraction.threats,
    hints: extraction.incident,
  };
  return { report, extraction, senderChosenId: webhookId !== undefined || input.id !== undefined };
}

/**
 * A quote is the sentence a figure came from; a sentence can be a whole 1 MiB article with no full stop. Bounded
 * so a report row stays under SQLite's 2 MB row limit and an alert under the queue's 128 KB message limit.
 */
export const QUOTE_MAX_CHARS = 1_000;

function bound(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}\u2026` : text;
}

function boundQuotes(extraction: Extraction): Extraction {
  const casualties: Extraction['casualties'] = {};
  for (const [category, figure] of Object.entries(extraction.casualties) as [keyof Extraction['casualties'], NonNullable<Extraction['casualties'][keyof Extraction['casualties']]>][]) {
    casualties[category] = {
      ...figure,
      quote: bound(figure.quote, QUOTE_MAX_CHARS),
      ...(figure.attribution !== undefined ? { attribution: bound(figure.attribution, 200) } : {}),
    };
  }
  const threats = extraction.threats.map((t) => ({ ...t, noun: bound(t.noun, 200), quote: bound(t.quote, QUOTE_MAX_CHARS) }));
  return { ...extraction, casualties, threats };
}

export function incidentMeta(key: string, report: Report): IncidentMeta {
  return { key, title: incidentTitle(report.hints, report.title, key), type: report.hints.type, places: report.hints.places };
}

/** Only an article about an incident (a type) or with figures may open a new one; others can only join. */
export function mayOpenIncident(report: Report): boolean {
  return report.hints.type !== null || Object.keys(report.casualties).length > 0 || report.threats.length > 0;
}

/** The answer for an article recorded but filed under no incident. */
export function unfiledResult(report: Report, duplicate: boolean): ArticleResult {
  return { article_id: report.article_id, incident: null, duplicate, casualties: report.casualties, threats: report.threats, changes: [], alert: null };
}
