import { DurableObject } from 'cloudflare:workers';
import type { Env } from '../env';
import { log } from '../lib/log';
import { alertText, destinationsFromEnv, wantsAlert, type DestinationConfig } from '../notify';
import {
  Alert,
  AlertMessage,
  ArticleResult,
  IncidentState,
  Report,
} from '../schema';
import type { IncidentMeta, TrackerSettings } from '../track/apply';
import { processReport, type TrackerStore } from '../track/process';
import { recomputeState } from '../track/recompute';
import { summaryOf, TimelineReport, writeReadModel, type Timeline, type TimelineEntry } from '../track/read-model';

/** KV allows one write per second per key; the read model is flushed at most this often. */
const READ_MODEL_MIN_INTERVAL_MS = 1_000;

/**
 * One object per incident: the single writer of its figures and report history (SQLite). A report's state
 * change, its log row and its alert messages (an outbox) commit together, then the outbox is pushed to the
 * queue; the alarm re-pushes anything a failed send left behind and flushes the KV read model.
 */
export class IncidentTracker extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private flushing: Promise<void> | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sql.exec(`CREATE TABLE IF NOT EXISTS state (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL)`);
    this.sql.exec(`CREATE TABLE IF NOT EXISTS reports (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, article_id TEXT NOT NULL UNIQUE, content_hash TEXT NOT NULL,
      report TEXT NOT NULL, result TEXT NOT NULL, alert_id TEXT)`);
    this.sql.exec(`CREATE INDEX IF NOT EXISTS reports_hash ON reports (content_hash)`);
    this.sql.exec(`CREATE TABLE IF NOT EXISTS actions (seq INTEGER PRIMARY KEY AUTOINCREMENT, action TEXT NOT NULL, at_ms INTEGER NOT NULL, detail TEXT NOT NULL)`);
    this.sql.exec(`CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, message TEXT NOT NULL)`);
    this.sql.exec(`CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL)`);
  }

  /** Applies one report; returns the stored answer for a duplicate. */
  async apply(meta: IncidentMeta, rawReport: unknown, settings: TrackerSettings, now: number): Promise<ArticleResult> {
    const report = Report.parse(rawReport);
    // Resolved before anything is written: a configuration error must refuse the report, not lose its alert.
    const destinations = destinationsFromEnv(this.env);
    const processed = processReport(this.store(), meta, report, now, settings, alertText);
    if (processed.result.duplicate) return processed.result;
    if (processed.alert) this.enqueueAlert(processed.alert, destinations);
    if (processed.stateChanged) this.markReadModelDirty(now, processed.result.changes.length > 0);
    await this.flushOutbox();
    try {
      await this.maybeFlushReadModel();
    } catch (err) {
      // The report is committed and the read model stays dirty with an alarm set: a KV hiccup must not
      // turn an applied report into a 500 that the sender would retry.
      log({ level: 'warn', msg: 'read-model write failed; alarm will retry', incident: this.loadState()?.key, error: String(err) });
    }
    return processed.result;
  }

  async state(): Promise<IncidentState | null> {
    return this.loadState();
  }

  // ---- Incident care. Each action is recorded in the history and the figures are recomputed. ----

  async setMuted(muted: boolean, now: number): Promise<IncidentState | null> {
    return this.updateFlags({ muted }, muted ? 'mute' : 'unmute', muted ? 'alerts muted' : 'alerts unmuted', now);
  }

  async setClosed(closed: boolean, now: number): Promise<IncidentState | null> {
    return this.updateFlags({ closed }, closed ? 'close' : 'reopen', closed ? 'incident closed' : 'incident reopened', now);
  }

  /** Removes reports (all when `articleIds` is null) and returns them, recomputing what remains. */
  async takeReports(articleIds: string[] | null, action: string, detail: string, settings: TrackerSettings, now: number): Promise<Report[]> {
    const rows = this.sql.exec<{ article_id: string; report: string }>(`SELECT article_id, report FROM reports ORDER BY seq`).toArray();
    const taken = rows.filter((r) => articleIds === null || articleIds.includes(r.article_id));
    for (const row of taken) this.sql.exec(`DELETE FROM reports WHERE article_id = ?`, row.article_id);
    this.recordAction(action, detail, now);
    this.recompute(settings, now);
    await this.maybeFlushReadModel();
    return taken.map((r) => Report.parse(JSON.parse(r.report)));
  }

  /** Adopts reports moved or merged in from another incident and recomputes the figures. */
  async adoptReports(meta: IncidentMeta, rawReports: unknown[], action: string, detail: string, settings: TrackerSettings, now: number): Promise<IncidentState | null> {
    for (const raw of rawReports) {
      const report = Report.parse(raw);
      const result: ArticleResult = {
        article_id: report.article_id,
        incident: meta.key,
        duplicate: false,
        casualties: report.casualties,
        threats: report.threats,
        changes: [],
        alert: null,
      };
      this.sql.exec(
        `INSERT INTO reports (article_id, content_hash, report, result, alert_id) VALUES (?, ?, ?, ?, NULL)
         ON CONFLICT(article_id) DO NOTHING`,
        report.article_id,
        report.content_hash,
        JSON.stringify(report),
        JSON.stringify(result),
      );
    }
    this.recordAction(action, detail, now);
    this.recompute(settings, now, meta);
    await this.maybeFlushReadModel();
    return this.loadState();
  }

  private recompute(settings: TrackerSettings, now: number, meta?: IncidentMeta): void {
    const prev = this.loadState();
    const reports = this.sql.exec<{ report: string }>(`SELECT report FROM reports ORDER BY seq`).toArray().map((r) => Report.parse(JSON.parse(r.report)));
    const key = prev?.key ?? meta?.key;
    if (!key) return;
    const incidentMeta: IncidentMeta = meta ?? { key, title: prev?.title ?? key, type: prev?.type ?? null, places: prev?.places ?? [] };
    const { state, changesByArticle } = recomputeState({ ...incidentMeta, key }, reports, prev, settings);
    this.saveState(state);
    // Each held report's recorded changes are those it makes in the recomputed history.
    for (const row of this.sql.exec<{ article_id: string; result: string }>(`SELECT article_id, result FROM reports`).toArray()) {
      const result = ArticleResult.parse(JSON.parse(row.result));
      const changes = changesByArticle.get(row.article_id) ?? [];
      this.sql.exec(`UPDATE reports SET result = ? WHERE article_id = ?`, JSON.stringify({ ...result, incident: key, changes }), row.article_id);
    }
    this.markReadModelDirty(now, true);
  }

  private async updateFlags(flags: Partial<Pick<IncidentState, 'muted' | 'closed'>>, action: string, detail: string, now: number): Promise<IncidentState | null> {
    const state = this.loadState();
    if (!state) return null;
    const next: IncidentState = { ...state, ...flags, version: state.version + 1 };
    this.saveState(next);
    this.recordAction(action, detail, now);
    this.markReadModelDirty(now, false);
    await this.maybeFlushReadModel();
    return next;
  }

  private recordAction(action: string, detail: string, now: number): void {
    this.sql.exec(`INSERT INTO actions (action, at_ms, detail) VALUES (?, ?, ?)`, action, now, detail);
  }

  override async alarm(): Promise<void> {
    await this.flushOutbox();
    const now = Date.now();
    let next: number | null = this.pendingOutbox() > 0 ? now + 5_000 : null;
    if (this.getMeta('kv_dirty') === '1') {
      // An alarm set before a direct write can fire just after it: keep KV's one write per second per key.
      const due = Number(this.getMeta('kv_written_ms') ?? '0') + READ_MODEL_MIN_INTERVAL_MS;
      if (now >= due) await this.writeReadModelNow();
      else next = Math.min(next ?? due, due);
    }
    if (next !== null) await this.ctx.storage.setAlarm(next);
  }

  private store(): TrackerStore {
    return {
      loadState: () => this.loadState(),
      findResult: (articleId, contentHash) => {
        const row = this.sql
          .exec<{ result: string }>(`SELECT result FROM reports WHERE article_id = ? OR content_hash = ? LIMIT 1`, articleId, contentHash)
          .toArray()[0];
        return row ? ArticleResult.parse(JSON.parse(row.result)) : null;
      },
      commit: ({ state, report, result, alert }) => {
        // No await between these statements: the Durable Object commits them atomically together.
        // State is always saved here (counts, corroboration); only a real change dirties the KV read model.
        this.saveState(state);
        this.sql.exec(
          `INSERT INTO reports (article_id, content_hash, report, result, alert_id) VALUES (?, ?, ?, ?, ?)`,
          report.article_id,
          report.content_hash,
          JSON.stringify(report),
          JSON.stringify(result),
          alert?.alert_id ?? null,
        );
      },
    };
  }

  private saveState(state: IncidentState): void {
    this.sql.exec(`INSERT INTO state (id, json) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET json = excluded.json`, JSON.stringify(state));
  }

  private loadState(): IncidentState | null {
    const row = this.sql.exec<{ json: string }>(`SELECT json FROM state WHERE id = 1`).toArray()[0];
    return row ? IncidentState.parse(JSON.parse(row.json)) : null;
  }

  private enqueueAlert(alert: Alert, destinations: readonly DestinationConfig[]): void {
    for (const destination of destinations) {
      const filtered = wantsAlert(destination, alert);
      if (!filtered) continue;
      const message: AlertMessage = { v: 1, destination: destination.name, alert: filtered };
      this.sql.exec(`INSERT INTO outbox (message) VALUES (?)`, JSON.stringify(message));
    }
  }

  private pendingOutbox(): number {
    return this.sql.exec<{ n: number }>(`SELECT COUNT(*) AS n FROM outbox`).one().n;
  }

  /** Pushes outbox rows to the queue; rows leave the outbox only once the queue accepted them. */
  private async flushOutbox(): Promise<void> {
    while (this.flushing) await this.flushing;
    const rows = this.sql.exec<{ seq: number; message: string }>(`SELECT seq, message FROM outbox ORDER BY seq LIMIT 100`).toArray();
    if (rows.length === 0) return;
    this.flushing = (async () => {
      try {
        await this.env.ALERTS.sendBatch(rows.map((r) => ({ body: AlertMessage.parse(JSON.parse(r.message)), contentType: 'json' as const })));
        const last = rows[rows.length - 1];
        if (last) this.sql.exec(`DELETE FROM outbox WHERE seq <= ?`, last.seq);
      } catch (err) {
        log({ level: 'warn', msg: 'outbox flush failed; alarm will retry', error: String(err) });
        await this.ctx.storage.setAlarm(Date.now() + 5_000);
      } finally {
        this.flushing = null;
      }
    })();
    await this.flushing;
  }

  /** `figuresChanged` moves the incident's "last change" time; corroboration and care flags do not. */
  private markReadModelDirty(now: number, figuresChanged: boolean): void {
    this.setMeta('kv_dirty', '1');
    if (figuresChanged || this.getMeta('last_change_ms') === undefined) this.setMeta('last_change_ms', String(now));
  }

  /**
   * Paced by this object's own clock, not the caller's `now`: the request was stamped before the RPC and the
   * outbox push, so a write paced by that stamp could land less than a second after the previous one.
   */
  private async maybeFlushReadModel(): Promise<void> {
    if (this.getMeta('kv_dirty') !== '1') return;
    const last = Number(this.getMeta('kv_written_ms') ?? '0');
    const now = Date.now();
    if (now - last >= READ_MODEL_MIN_INTERVAL_MS) {
      await this.writeReadModelNow();
    } else {
      // Coalesce a burst: one write for all reports within the interval.
      const existing = await this.ctx.storage.getAlarm();
      const due = last + READ_MODEL_MIN_INTERVAL_MS;
      if (existing === null || existing > due) await this.ctx.storage.setAlarm(due);
    }
  }

  private async writeReadModelNow(): Promise<void> {
    const state = this.loadState();
    if (!state) return;
    this.setMeta('kv_dirty', '0');
    // Stamped before the write (so a request interleaving during the await coalesces instead of writing too)
    // and again once it finished: the next write is then at least a second after this one really landed.
    this.setMeta('kv_written_ms', String(Date.now()));
    try {
      await writeReadModel(this.env.READ_MODEL, summaryOf(state, Number(this.getMeta('last_change_ms') ?? Date.now())), this.timeline(state.key));
      this.setMeta('kv_written_ms', String(Date.now()));
    } catch (err) {
      this.setMeta('kv_dirty', '1');
      await this.ctx.storage.setAlarm(Date.now() + READ_MODEL_MIN_INTERVAL_MS);
      throw err;
    }
  }

  private timeline(key: string): Timeline {
    const entries: TimelineEntry[] = [];
    for (const row of this.sql.exec<{ report: string; result: string; alert_id: string | null }>(`SELECT report, result, alert_id FROM reports ORDER BY seq`)) {
      const report = Report.parse(JSON.parse(row.report));
      const result = ArticleResult.parse(JSON.parse(row.result));
      // The timeline schema is a pick of Report: parsing strips what the timeline does not show.
      entries.push(TimelineReport.parse({ ...report, kind: 'report', changes: result.changes, alert: result.alert, alert_id: row.alert_id }));
    }
    for (const row of this.sql.exec<{ action: string; at_ms: number; detail: string }>(`SELECT action, at_ms, detail FROM actions ORDER BY seq`)) {
      entries.push({ kind: 'action', action: row.action, at_ms: row.at_ms, detail: row.detail });
    }
    return { v: 1, key, entries };
  }

  private getMeta(k: string): string | undefined {
    return this.sql.exec<{ v: string }>(`SELECT v FROM meta WHERE k = ?`, k).toArray()[0]?.v;
  }

  private setMeta(k: string, v: string): void {
    this.sql.exec(`INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET v = excluded.v`, k, v);
  }
}
