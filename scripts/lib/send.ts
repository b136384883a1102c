/**
 * Posting articles to a running tollwatch (`POST /v1/articles`), signed with Standard Webhooks or a bearer
 * token, and turning each answer into one readable progress line. Shared by `npm run send` and the e2e test.
 */
import { webhookHeaders } from '../../src/lib/standard-webhooks';
import { loadArticles, type LoadedArticle } from './articles';

export const DEFAULT_URL = 'http://127.0.0.1:8787';

export interface SendOptions {
  /** Base URL of the worker; `/v1/articles` is appended. */
  url?: string;
  /** Standard Webhooks secret (`whsec_…`); unsigned when absent (the local dev worker accepts that). */
  secret?: string;
  /** Bearer token for `authorization`. */
  token?: string;
  /** Milliseconds to wait between articles. */
  delayMs?: number;
  /** Per-request timeout. */
  timeoutMs?: number;
  /** Called after each article (the CLI prints the line as it goes). */
  onResult?: (result: SendResult) => void;
  fetch?: typeof fetch;
}

export interface FigureSnap {
  value: number;
  qualifier: string;
}

export interface ChangeInfo {
  kind: 'casualty' | 'threat';
  category: string;
  from: FigureSnap | null;
  to: FigureSnap;
  change: 'new' | 'up' | 'down' | 'qualifier';
  quote: string;
  attribution?: string;
  noun?: string;
}

export interface SendResult {
  file: string;
  label: string;
  webhookId: string;
  ok: boolean;
  /** HTTP status; 0 when no answer (connection refused, timeout, unreadable file). */
  status: number;
  incident?: string;
  articleId?: string;
  duplicate?: boolean;
  changes: ChangeInfo[];
  alert?: string | null;
  error?: { code: string; message: string; details?: unknown };
  /** The parsed response body (or text when not JSON). */
  response?: unknown;
}

export interface SendSummary {
  sent: number;
  changed: number;
  duplicates: number;
  errors: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function connectionHint(err: unknown, url: string): string {
  const cause = (err as { cause?: { code?: string } })?.cause;
  const code = cause?.code ?? (err as { code?: string })?.code;
  if (code === 'ECONNREFUSED') return `cannot reach ${url} (connection refused) — is \`npm run dev\` running?`;
  if ((err as Error)?.name === 'TimeoutError') return `no answer from ${url} (timed out)`;
  return `request to ${url} failed: ${(err as Error)?.message ?? String(err)}${code ? ` (${code})` : ''}`;
}

/** Posts one loaded article. Never throws: failures come back as `{ ok: false, error }`. */
export async function sendOne(item: LoadedArticle, opts: SendOptions = {}): Promise<SendResult> {
  const base = (opts.url ?? DEFAULT_URL).replace(/\/+$/, '');
  const endpoint = `${base}/v1/articles`;
  const result: SendResult = { file: item.file, label: item.label, webhookId: item.webhookId, ok: false, status: 0, changes: [] };
  if (item.loadError) {
    result.error = { code: 'invalid_file', message: item.loadError };
    return result;
  }
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.secret) {
    Object.assign(headers, await webhookHeaders(opts.secret, item.webhookId, item.body));
  } else if (opts.token) {
    headers.authorization = `Bearer ${opts.token}`;
  } else {
    // Unsigned (accepted only by the local dev worker): still pass the id so re-sends are recognised.
    headers['webhook-id'] = item.webhookId;
  }
  if (opts.secret && opts.token) headers.authorization = `Bearer ${opts.token}`;

  let res: Response;
  try {
    res = await (opts.fetch ?? fetch)(endpoint, {
      method: 'POST',
      headers,
      body: item.body,
      signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
    });
  } catch (err) {
    result.error = { code: 'network', message: connectionHint(err, base) };
    return result;
  }
  result.status = res.status;
  const text = await res.text();
  let json: unknown = text;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    /* keep text */
  }
  result.response = json;
  if (!res.ok) {
    const e = (json as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    result.error = {
      code: e?.code ?? `http_${res.status}`,
      message: e?.message ?? (typeof json === 'string' && json ? json.slice(0, 300) : res.statusText || 'request failed'),
      ...(e?.details !== undefined ? { details: e.details } : {}),
    };
    return result;
  }
  const body = (json ?? {}) as Record<string, unknown>;
  result.ok = true;
  result.incident = typeof body.incident === 'string' ? body.incident : undefined;
  result.articleId = typeof body.article_id === 'string' ? body.article_id : undefined;
  result.duplicate = body.duplicate === true;
  result.changes = Array.isArray(body.changes) ? (body.changes as ChangeInfo[]) : [];
  result.alert = typeof body.alert === 'string' ? body.alert : null;
  return result;
}

/** Loads (paths) or takes (already loaded) articles, sorts by `published`, and posts them in order. */
export async function sendArticles(input: readonly string[] | readonly LoadedArticle[], opts: SendOptions = {}): Promise<SendResult[]> {
  const items: LoadedArticle[] =
    input.length > 0 && typeof input[0] === 'string' ? await loadArticles(input as readonly string[]) : [...(input as readonly LoadedArticle[])];
  const results: SendResult[] = [];
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && opts.delayMs) await sleep(opts.delayMs);
    const r = await sendOne(items[i]!, opts);
    results.push(r);
    opts.onResult?.(r);
  }
  return results;
}

export function summarize(results: readonly SendResult[]): SendSummary {
  return {
    sent: results.filter((r) => r.ok).length,
    changed: results.filter((r) => r.ok && !r.duplicate && r.changes.length > 0).length,
    duplicates: results.filter((r) => r.ok && r.duplicate).length,
    errors: results.filter((r) => !r.ok).length,
  };
}

const QUALIFIER_WORDS: Record<string, string> = { at_least: 'at least ', approx: 'about ', at_most: 'at most ', exact: '' };

export function formatFigure(f: FigureSnap): string {
  return `${QUALIFIER_WORDS[f.qualifier] ?? ''}${f.value}`;
}

/** `killed 35 → 56 (+21)`, `injured 48` (new), `killed 59 → at least 59` (qualifier only), `threat: 13 revenge scenarios`. */
export function formatChange(c: ChangeInfo, markNew = false): string {
  const name = c.kind === 'threat' ? `threat: ${c.noun ?? c.category}` : c.category;
  if (!c.from && c.kind === 'threat') return `threat: ${formatFigure(c.to)} ${c.noun ?? c.category}${markNew ? ' (new)' : ''}`;
  if (!c.from) return `${name} ${formatFigure(c.to)}${markNew ? ' (new)' : ''}`;
  const delta = c.to.value - c.from.value;
  const d = delta === 0 ? '' : ` (${delta > 0 ? '+' : ''}${delta})`;
  return `${name} ${formatFigure(c.from)} → ${formatFigure(c.to)}${d}`;
}

/** One progress line per article. */
export function formatResult(r: SendResult): string {
  if (!r.ok) {
    const status = r.status ? `${r.status} ` : '';
    return `${r.label} ✗ ${status}${r.error?.code ?? 'error'}: ${r.error?.message ?? 'failed'}`;
  }
  const head = `${r.label} → ${r.incident ?? '(no incident)'}`;
  if (r.duplicate) return `${head}  (duplicate, no change)`;
  if (r.changes.length === 0) return `${head}  (no change)`;
  const allNew = r.changes.every((c) => c.from === null);
  const parts = r.changes.map((c) => formatChange(c, !allNew)).join(', ');
  return `${head}  ${allNew ? 'NEW ' : ''}${parts}${r.alert ? '  [alert]' : ''}`;
}

export function formatSummary(s: SendSummary): string {
  return `sent ${s.sent}, changed ${s.changed}, duplicates ${s.duplicates}, errors ${s.errors}`;
}
