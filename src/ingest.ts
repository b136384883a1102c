// The "ingest one article" use case (prepare → file → apply), shared by the webhook route and the replay CLI.
import { extract, isEnglish, normaliseText } from './extract';
import { HttpError } from './lib/errors';
import { sha256Hex } from './lib/hash';
import { publishedToMs, publishedTooLate, type ArticleInput, type ArticleResult, type Extraction, type Report } from './schema';
import type { IncidentMeta, TrackerSettings } from './track/apply';
import { UNFILED, type Filing, type FilingRequest } from './track/filing';
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

/** One incident's tracker as the use case sees it: the Durable Object in the worker, a memory store in replay. */
export interface TrackerPort {
  apply(meta: IncidentMeta, report: Report, settings: TrackerSettings, now: number): Promise<ArticleResult>;
  /** Whether the incident holds this article (its apply happened). */
  holds(articleId: string): Promise<boolean>;
}

/** Where "ingest one article" files and applies: the index and tracker objects, or replay's in-memory stores. */
export interface IngestPorts {
  /** Files the article; `legacyBodyHash` is how an older version hashed the same body (accepted as the same). */
  file(request: FilingRequest & { legacyBodyHash?: string | undefined }): Promise<Filing>;
  /** Drops the article's filing if it is still under `key`; false when it could not (or moved meanwhile). */
  forget(articleId: string, key: string): Promise<boolean>;
  tracker(key: string): TrackerPort;
}

export interface IngestRequest {
  input: ArticleInput;
  /** The payload as parsed JSON (before the schema stripped anything): what a retry's sameness is judged by. */
  json: unknown;
  /** The raw bytes, when there were any: earlier versions hashed these for sender-chosen ids. */
  rawBody?: Uint8Array | undefined;
  webhookId?: string | undefined;
  senderName?: string | undefined;
  receivedMs: number;
  settings: TrackerSettings;
  quietOverrides?: Record<string, number> | undefined;
}

/**
 * Ingest one article: prepare (normalise, identify, extract) → file under an incident → apply to its tracker.
 * A sender-chosen id is the idempotency key: the same content again (however it is serialised) is answered
 * from storage; other content under the id is a 409 — unless the earlier attempt was filed but never applied
 * (it failed between the two steps), in which case the corrected retry takes its place.
 */
export async function ingestArticle(ports: IngestPorts, req: IngestRequest): Promise<ArticleResult> {
  const { report, senderChosenId } = await prepareArticle(req.input, req.webhookId, req.receivedMs, req.senderName);
  const filingRequest = {
    articleId: report.article_id,
    bodyHash: senderChosenId ? await sha256Hex(canonicalJson(req.json)) : report.content_hash,
    ...(senderChosenId && req.rawBody ? { legacyBodyHash: await sha256Hex(req.rawBody) } : {}),
    hints: report.hints,
    publishedMs: report.published_ms,
    title: report.title,
    incidentId: req.input.incident_id,
    quietOverrides: req.quietOverrides,
    canOpen: mayOpenIncident(report),
  };
  let filing = await ports.file(filingRequest);
  if (filing.kind === 'conflict' && filing.key !== UNFILED && !(await ports.tracker(filing.key).holds(report.article_id))) {
    if (await ports.forget(report.article_id, filing.key)) filing = await ports.file(filingRequest);
  }
  if (filing.kind === 'conflict') {
    throw new HttpError(409, 'id_conflict', `article id "${report.article_id}" was already used for a different body`, {
      article_id: report.article_id,
      incident: filing.key || null,
    });
  }
  if (filing.kind === 'unfiled') return { ...unfiledResult(report, filing.seen), ...(filing.filedBy ? { filed_by: filing.filedBy } : {}) };
  // The rules that filed it travel with the report, so the incident's timeline can show them (filed_by).
  const filed = filing.kind === 'filed' ? { ...report, filed_by: filing.filedBy } : report;
  return ports.tracker(filing.key).apply(incidentMeta(filing.key, report), filed, req.settings, req.receivedMs);
}

/** JSON with object keys sorted at every level: one text for every serialisation of the same value. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
