/**
 * Loading article JSON files for the send CLI and the end-to-end test: expands directories, keeps the raw
 * bytes (what gets signed and posted), derives a stable webhook id and sorts by `published`.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { publishedToMs } from '../../src/schema';

export interface LoadedArticle {
  /** Path as given (or inside the given directory); used in progress lines. */
  file: string;
  /** Short label: the file name, plus `[i]` when the file holds an array of articles. */
  label: string;
  /** Exactly what is posted (and signed). */
  body: string;
  /** Parsed JSON (null when the file is not valid JSON; then `loadError` says why). */
  article: Record<string, unknown> | null;
  /** Standard Webhooks `webhook-id`: the article's `id`, else a stable hash of the body. */
  webhookId: string;
  /** Epoch ms of `published`, or null when missing/unparsable (sorted last). */
  publishedMs: number | null;
  loadError?: string;
}

/** Stable id for an article without `id`: the same bytes always give the same id, so re-sends dedupe. */
export function contentId(body: string): string {
  return `art_${createHash('sha256').update(body).digest('hex').slice(0, 32)}`;
}

function toPublishedMs(article: Record<string, unknown> | null): number | null {
  const published = article?.published;
  if (typeof published !== 'string' || published.trim() === '') return null;
  const ms = publishedToMs(published.trim());
  return Number.isFinite(ms) ? ms : null;
}

function fromValue(file: string, label: string, body: string, value: unknown): LoadedArticle {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { file, label, body, article: null, webhookId: contentId(body), publishedMs: null, loadError: 'not a JSON object' };
  }
  const article = value as Record<string, unknown>;
  const id = typeof article.id === 'string' && article.id.trim() !== '' ? article.id.trim() : contentId(body);
  return { file, label, body, article, webhookId: id, publishedMs: toPublishedMs(article) };
}

/** Parses one file's text: a JSON object (one article) or an array of objects (several). */
export function parseArticleFile(file: string, text: string): LoadedArticle[] {
  const label = path.basename(file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return [{ file, label, body: text, article: null, webhookId: contentId(text), publishedMs: null, loadError: `invalid JSON: ${(err as Error).message}` }];
  }
  if (Array.isArray(parsed)) {
    return parsed.map((item, i) => fromValue(file, `${label}[${i}]`, JSON.stringify(item), item));
  }
  return [fromValue(file, label, text, parsed)];
}

/** Expands directories (their `*.json` files, by name) and keeps files in the order given. */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (!info) throw new Error(`no such file or directory: ${p}`);
    if (info.isDirectory()) {
      const names = (await readdir(p)).filter((n) => n.toLowerCase().endsWith('.json')).sort();
      if (names.length === 0) throw new Error(`no *.json files in ${p}`);
      for (const n of names) out.push(path.join(p, n));
    } else {
      out.push(p);
    }
  }
  return out;
}

/** Stable sort by `published`; ties keep the given order; articles without a usable `published` go last. */
export function sortByPublished<T extends { publishedMs: number | null }>(items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => {
      const x = a.item.publishedMs;
      const y = b.item.publishedMs;
      if (x === null && y === null) return a.i - b.i;
      if (x === null) return 1;
      if (y === null) return -1;
      return x - y || a.i - b.i;
    })
    .map(({ item }) => item);
}

/** Files and directories → articles in send order. */
export async function loadArticles(paths: readonly string[]): Promise<LoadedArticle[]> {
  const files = await expandPaths(paths);
  const loaded: LoadedArticle[] = [];
  for (const file of files) loaded.push(...parseArticleFile(file, await readFile(file, 'utf8')));
  return sortByPublished(loaded);
}
