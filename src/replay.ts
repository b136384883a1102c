// The replay CLI's pipeline: the same "ingest one article" use case as the webhook, over in-memory stores.
import { ingestArticle, type IngestPorts } from './ingest';
import { HttpError } from './lib/errors';
import { alertText } from './notify';
import { ArticleInput, publishedToMs, type Casualties, type Threat } from './schema';
import type { TrackerSettings } from './track/apply';
import { fileArticle, memoryIndexStore, type IndexStore } from './track/filing';
import { memoryTrackerStore, processReport, type TrackerStore } from './track/process';

export interface ReplayItem {
  file: string;
  payload: unknown;
}

export type ReplayLine =
  | {
      file: string;
      incident: string | null;
      casualties: Casualties;
      threats: Threat[];
      changes: Array<{ category: string; from: number | null; to: number; kind: string; change: string; from_qualifier: string | null; to_qualifier: string }>;
      alert: string | null;
      duplicate?: true;
      /** The matching rules that filed it (absent for a re-sent article). */
      filed_by?: string[];
    }
  | { file: string; error: { code: string; message: string } };

export interface ReplayOptions {
  settings?: TrackerSettings;
  quietOverrides?: Record<string, number>;
}

/** Stable sort by `published`; ties and undated articles keep the order given (undated ones last). */
function publishedOrder(items: readonly ReplayItem[]): ReplayItem[] {
  const keyed = items.map((item, i) => {
    const parsed = ArticleInput.safeParse(item.payload);
    const ms = parsed.success && parsed.data.published ? publishedToMs(parsed.data.published) : Number.POSITIVE_INFINITY;
    return { item, i, ms };
  });
  keyed.sort((a, b) => a.ms - b.ms || a.i - b.i);
  return keyed.map((k) => k.item);
}

/** The use case's ports over replay's memory: filing and tracking are synchronous, so an apply never half-fails. */
function memoryPorts(index: IndexStore, trackers: Map<string, TrackerStore>): IngestPorts {
  const storeFor = (key: string) => {
    let store = trackers.get(key);
    if (!store) {
      store = memoryTrackerStore();
      trackers.set(key, store);
    }
    return store;
  };
  return {
    file: async (request) => fileArticle(index, request),
    forget: async () => false,
    tracker: (key) => ({
      apply: async (meta, report, settings, now) => processReport(storeFor(key), meta, report, now, settings, alertText).result,
      // Content hashes are hex digests, never empty: this matches by article id only.
      holds: async (articleId) => storeFor(key).findResult(articleId, '') !== null,
    }),
  };
}

/**
 * The whole pipeline in-process with empty in-memory stores and no network: the same filing and tracking
 * functions as the worker, each article's `published` taken as "now". Serves back-fills, eval and tests.
 */
export async function replayArticles(items: readonly ReplayItem[], options: ReplayOptions = {}): Promise<ReplayLine[]> {
  const settings = options.settings ?? { minSources: 1, thresholds: {} };
  const index = memoryIndexStore();
  const trackers = new Map<string, TrackerStore>();
  const lines: ReplayLine[] = [];
  let clock = 0;

  for (const { file, payload } of publishedOrder(items)) {
    const parsed = ArticleInput.safeParse(payload);
    if (!parsed.success) {
      lines.push({ file, error: { code: 'invalid_article', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') } });
      continue;
    }
    const now = parsed.data.published ? publishedToMs(parsed.data.published) : clock;
    clock = Math.max(clock, now);
    try {
      const result = await ingestArticle(memoryPorts(index, trackers), { input: parsed.data, json: payload, receivedMs: now, settings, quietOverrides: options.quietOverrides });
      lines.push({
        file,
        incident: result.incident,
        casualties: result.casualties,
        threats: result.threats,
        changes: result.changes.map((c) => ({
          category: c.category,
          from: c.from?.value ?? null,
          to: c.to.value,
          kind: c.kind,
          change: c.change,
          from_qualifier: c.from?.qualifier ?? null,
          to_qualifier: c.to.qualifier,
        })),
        alert: result.alert,
        ...(result.duplicate ? { duplicate: true as const } : {}),
        ...(result.filed_by ? { filed_by: result.filed_by } : {}),
      });
    } catch (err) {
      if (err instanceof HttpError) lines.push({ file, error: { code: err.code, message: err.message } });
      else throw err;
    }
  }
  return lines;
}
