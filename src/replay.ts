import { incidentMeta, mayOpenIncident, prepareArticle } from './ingest';
import { HttpError } from './lib/errors';
import { alertText } from './notify';
import { ArticleInput, publishedToMs, type Casualties, type Threat } from './schema';
import type { TrackerSettings } from './track/apply';
import { fileArticle, memoryIndexStore } from './track/filing';
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
      const { report, senderChosenId } = await prepareArticle(parsed.data, undefined, now);
      const filing = fileArticle(index, {
        articleId: report.article_id,
        bodyHash: senderChosenId ? JSON.stringify(payload) : report.content_hash,
        hints: report.hints,
        publishedMs: report.published_ms,
        title: report.title,
        incidentId: parsed.data.incident_id,
        quietOverrides: options.quietOverrides,
        canOpen: mayOpenIncident(report),
      });
      if (filing.kind === 'conflict') {
        lines.push({ file, error: { code: 'id_conflict', message: `article id ${report.article_id} was used for a different body` } });
        continue;
      }
      if (filing.kind === 'unfiled') {
        lines.push({ file, incident: null, casualties: report.casualties, threats: report.threats, changes: [], alert: null, ...(filing.seen ? { duplicate: true as const } : {}), ...(filing.filedBy ? { filed_by: filing.filedBy } : {}) });
        continue;
      }
      let store = trackers.get(filing.key);
      if (!store) {
        store = memoryTrackerStore();
        trackers.set(filing.key, store);
      }
      const filed = filing.kind === 'filed' ? { ...report, filed_by: filing.filedBy } : report;
      const { result } = processReport(store, incidentMeta(filing.key, report), filed, now, settings, alertText);
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
        ...(filing.kind === 'filed' ? { filed_by: filing.filedBy } : {}),
      });
    } catch (err) {
      if (err instanceof HttpError) lines.push({ file, error: { code: err.code, message: err.message } });
      else throw err;
    }
  }
  return lines;
}
