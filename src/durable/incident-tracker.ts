// One incident's tracker: the single writer of its figures, report log, alert outbox and KV read model.
import { DurableObject } from 'cloudflare:workers';
import type { Env } from '../env';
import { log } from '../lib/log';
import { ledger } from '../queue/consumer';
import { alertText, destinationId, wantsAlert, type DestinationConfig } from '../notify';
import { destinationsOf } from '../queue/destinations';
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
import { summaryOf, TimelineReport, type Timeline, type TimelineEntry } from '../track/read-model';
import { writeReadModel } from './read-model-kv';

/** KV allows one write per second per key; the read model is flushed at most this often. */
const READ_MODEL_MIN_INTERVAL_MS = 1_000;
/** After a failed push to the queue, the alarm tries again this soon. */
const PUSH_RETRY_MS = 5_000;
/**
 * How long an offered alert may go without word from the ledger before the alarm asks about it and offers it
 * again (production default; `OUTBOX_RECHECK_SECONDS` shortens it for crash drills). The queue normally
 * delivers within seconds; a copy offered twice is stopped by the ledger's claim, so early costs only a message.
 */
const OUTBOX_RECHECK_MS = 60_000;

/** An outbox row with its message, as written (the push) or read back (the alarm's re-offer). */
interface OutboxRow {
  seq: number;
  message: AlertMessage;
}

function recheckMs(env: Env): number {
  const n = Number(env.OUTBOX_RECHECK_SECONDS);
  return typeof env.OUTBOX_RECHECK_SECONDS === 'string' && env.OUTBOX_RECHECK_SECONDS.trim() !== '' && Number.isFinite(n) && n >= 0 ? n * 1000 : OUTBOX_RECHECK_MS;
}

/**
 * One object per incident: the single writer of its figures and report history (SQLite). A report's state
 * change, its log row, its alert messages (a transactional outbox) and the alarm that guards them commit
 * together; then the new rows are pushed to the queue. A row stays until the delivery ledger says it was
 * delivered or dead-lettered (the consumer acks back through `settle`); the alarm asks the ledger about rows
 * with no word and re-offers them, and flushes the KV read model. A crash at any point leaves rows + alarm.
 */
export class IncidentTracker extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  /**
   * The meta table as this event last saw it (read once per event instead of once per flag; written through).
   * A new incident's report and its settle read the flags a dozen times; each read was a SQL statement.
   * Dropped at every entry point, so a write from outside the object (a test's direct SQL) is seen by the next event.
   */
  private metaCache: Map<string, string> | null = null;
  /**
   * The state as this event last wrote it: a report's read-model flush re-read and re-validated the state the same
   * event had just saved. Parsed again from the text on each read, so no caller shares an object with another.
   * Dropped with the meta cache.
   */
  private savedStateJson: string | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    // One exec for the whole schema (the SQL API runs every statement of a multi-statement query): every new
    // incident is a new object, and this runs in its first request.
    // offered_ms: when the row was last pushed to the queue (a new row: when written, just before its push; 0: the push failed).
    // Every row written is billed, and SQLite writes a row once per b-tree it touches, so the schema keeps each write
    // to as few b-trees as its reads need (counted per statement by bench/cost.ts):
    //  - reports and actions number their rows without AUTOINCREMENT, whose sqlite_sequence row is one more write per
    //    insert. Their seq only orders them; a number reused after a delete still sorts after every row held.
    //  - outbox keeps AUTOINCREMENT: the alarm reads rows, awaits the ledger, then deletes by seq, and a settle and a
    //    new report in between could hand a deleted row's number to a new row, which the alarm would then delete.
    //  - meta is keyed by its name alone (WITHOUT ROWID): one b-tree instead of a table and its key index.
    // Objects created before this keep their tables as they were; the statements below read and write either.
    this.sql.exec(`
      CREATE TABLE IF NOT EXISTS state (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS reports (
        seq INTEGER PRIMARY KEY, article_id TEXT NOT NULL UNIQUE, content_hash TEXT NOT NULL,
        report TEXT NOT NULL, result TEXT NOT NULL, alert_id TEXT);
      CREATE INDEX IF NOT EXISTS reports_hash ON reports (content_hash);
      CREATE TABLE IF NOT EXISTS actions (seq INTEGER PRIMARY KEY, action TEXT NOT NULL, at_ms INTEGER NOT NULL, detail TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, message TEXT NOT NULL, offered_ms INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL) WITHOUT ROWID;`);
    // An outbox created before offered_ms existed gets the column.
    const columns = this.sql.exec<{ name: string }>(`PRAGMA table_info(outbox)`).toArray().map((c) => c.name);
    if (!columns.includes('offered_ms')) this.sql.exec(`ALTER TABLE outbox ADD COLUMN offered_ms INTEGER NOT NULL DEFAULT 0`);
  }

  /** Applies one report; returns the stored answer for a duplicate. */
  async apply(meta: IncidentMeta, rawReport: unknown, settings: TrackerSettings, now: number): Promise<ArticleResult> {
    this.forgetCaches();
    const parsed = Report.parse(rawReport);
    // The incident's clock never moves past receipt time, whoever built the report.
    const report = { ...parsed, published_ms: Math.min(parsed.published_ms, parsed.received_ms) };
    // Resolved before anything is written: a configuration error must refuse the report, not lose its alert.
    // Validated once per env object (every new incident is a new object: a per-object memo validated them per incident).
    const destinations = destinationsOf(this.env);
    // From here to the push, no await: state, report row, outbox rows and the alarm commit as one transaction.
    const processed = processReport(this.store(), meta, report, now, settings, alertText);
    if (processed.result.duplicate) {
      // A resend after a crash lands here: make sure what the crash left behind is still being worked on.
      this.rearmIfStale();
      return processed.result;
    }
    // The read-model flag first: its alarm (a second out) is sooner than the outbox's recheck, so the outbox rows
    // find it armed and the alarm is set once, not moved twice.
    if (processed.stateChanged) this.markReadModelDirty(now, processed.result.changes.length > 0);
    const rows = processed.alert ? this.enqueueAlert(processed.alert, destinations) : [];
    await this.offer(rows, true);
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

  /** The consumer's ack-back: this alert reached its destination or the dead letters; the row can go. */
  async settle(alertId: string, destination: string): Promise<void> {
    this.forgetCaches();
    this.deleteOutboxRows([{ alert_id: alertId, destination }]);
  }

  /** `settle` for every row of this incident a queue batch settled: one round trip instead of one per message. */
  async settleMany(keys: ReadonlyArray<{ alert_id: string; destination: string }>): Promise<void> {
    this.forgetCaches();
    this.deleteOutboxRows(keys);
  }

  /**
   * One read of the outbox for all the settled keys, then one delete by row id. A DELETE per key matched on
   * json_extract of every row, so it read and parsed the whole outbox once per key (five per new incident).
   */
  private deleteOutboxRows(keys: ReadonlyArray<{ alert_id: string; destination: string }>): void {
    if (keys.length === 0) return;
    let deleted = 0;
    // One statement per 45 keys (bound parameters per query are limited to 100 on Durable Objects): the outbox is
    // read once and its matching rows deleted in the same pass, instead of a SELECT and then a DELETE by row id.
    for (let i = 0; i < keys.length; i += 45) {
      const chunk = keys.slice(i, i + 45);
      deleted += this.sql
        .exec(
          `DELETE FROM outbox WHERE (json_extract(message, '$.alert.alert_id'), json_extract(message, '$.destination')) IN (VALUES ${chunk.map(() => '(?, ?)').join(', ')}) RETURNING seq`,
          ...chunk.flatMap((k) => [k.alert_id, k.destination]),
        )
        .toArray().length;
    }
    // The alarm armed with these rows (their recheck, a minute out) has nothing left to guard once the last one
    // is settled: pointed at what remains, or removed, which saves every alert's incident one empty wake-up.
    // A pending read-model flush keeps it as it is.
    if (deleted > 0 && !this.kvDirty()) this.rearmForOutbox();
  }

  /** Whether this incident holds the article (the index asks before letting a corrected retry re-file it). */
  async holds(articleId: string): Promise<boolean> {
    return this.sql.exec(`SELECT 1 FROM reports WHERE article_id = ?`, articleId).toArray().length > 0;
  }

  // ---- Incident care. Each action is recorded in the history and the figures are recomputed. ----

  async setMuted(muted: boolean, now: number): Promise<IncidentState | null> {
    this.forgetCaches();
    return this.updateFlags({ muted }, muted ? 'mute' : 'unmute', muted ? 'alerts muted' : 'alerts unmuted', now);
  }

  async setClosed(closed: boolean, now: number): Promise<IncidentState | null> {
    this.forgetCaches();
    return this.updateFlags({ closed }, closed ? 'close' : 'reopen', closed ? 'incident closed' : 'incident reopened', now);
  }

  /** The held reports (all when `articleIds` is null), oldest first. Read only: merge and move copy before they delete. */
  async reportsFor(articleIds: string[] | null): Promise<Report[]> {
    const rows = this.sql.exec<{ article_id: string; report: string }>(`SELECT article_id, report FROM reports ORDER BY seq`).toArray();
    return rows.filter((r) => articleIds === null || articleIds.includes(r.article_id)).map((r) => Report.parse(JSON.parse(r.report)));
  }

  /**
   * Deletes reports that now live in another incident and recomputes what remains. Idempotent: a retry finds
   * nothing to delete and records nothing. Returns how many were deleted.
   */
  async releaseReports(articleIds: string[], action: string, detail: string, settings: TrackerSettings, now: number): Promise<number> {
    this.forgetCaches();
    let released = 0;
    for (const id of articleIds) released += this.sql.exec(`DELETE FROM reports WHERE article_id = ? RETURNING article_id`, id).toArray().length;
    if (released === 0) return 0;
    this.recordAction(action, detail, now);
    this.recompute(settings, now);
    await this.maybeFlushReadModel();
    return released;
  }

  /**
   * Adopts reports moved or merged in from another incident and recomputes the figures. Idempotent: reports
   * already held are skipped, and a retry that adds nothing records no second action.
   */
  async adoptReports(meta: IncidentMeta, rawReports: unknown[], action: string, detail: string, settings: TrackerSettings, now: number): Promise<IncidentState | null> {
    this.forgetCaches();
    let adopted = 0;
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
      adopted += this.sql
        .exec(
          `INSERT INTO reports (article_id, content_hash, report, result, alert_id) VALUES (?, ?, ?, ?, NULL)
           ON CONFLICT(article_id) DO NOTHING RETURNING article_id`,
          report.article_id,
          report.content_hash,
          JSON.stringify(report),
          JSON.stringify(result),
        )
        .toArray().length;
    }
    if (adopted === 0) return this.loadState();
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
    // Already so (a retried close after a merge, a double click): nothing to record.
    if (Object.entries(flags).every(([k, v]) => state[k as keyof typeof flags] === v)) return state;
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
    this.forgetCaches();
    const now = Date.now();
    let next = await this.recheckOutbox(now);
    if (this.kvDirty()) {
      // An alarm set before a direct write can fire just after it: keep KV's one write per second per key.
      const due = Number(this.getMeta('kv_written_ms') ?? '0') + READ_MODEL_MIN_INTERVAL_MS;
      if (Date.now() >= due) {
        try {
          await this.writeReadModelNow();
        } catch (err) {
          log({ level: 'warn', msg: 'read-model write failed; alarm will retry', incident: this.loadState()?.key, error: String(err) });
        }
      }
      // Still dirty: at the pacing time if the alarm fired early, a second out if the write just failed.
      if (this.kvDirty()) next = Math.min(next ?? Infinity, due > Date.now() ? due : Date.now() + READ_MODEL_MIN_INTERVAL_MS);
    }
    if (next !== null) this.scheduleAlarm(next, true);
  }

  /**
   * Settles, waits on or re-offers each outbox row, by what the ledger knows of it. Returns when to look again.
   * Rows offered less than a recheck interval ago are left alone: their queue message is probably in flight.
   */
  private async recheckOutbox(now: number): Promise<number | null> {
    const interval = recheckMs(this.env);
    const rows = this.sql
      .exec<{ seq: number; message: string; offered_ms: number }>(`SELECT seq, message, offered_ms FROM outbox ORDER BY seq LIMIT 100`)
      .toArray()
      .map((r) => ({ seq: r.seq, offered_ms: r.offered_ms, message: AlertMessage.parse(JSON.parse(r.message)) }));
    if (rows.length === 0) return null;
    const due = rows.filter((r) => now - r.offered_ms >= interval);
    let next = Math.min(...rows.map((r) => r.offered_ms + interval));
    if (due.length === 0) return next;
    const statuses = await ledger(this.env).statuses(due.map((r) => ({ alert_id: r.message.alert.alert_id, destination: r.message.destination })));
    const again: OutboxRow[] = [];
    due.forEach((row, i) => {
      const status = statuses[i];
      if (status?.state === 'delivered' || status?.state === 'dead') this.sql.exec(`DELETE FROM outbox WHERE seq = ?`, row.seq);
      else if (status?.state === 'pending' && status.until_ms + interval > now) next = Math.min(next, status.until_ms + interval);
      else again.push(row);
    });
    if (again.length > 0) {
      const pushed = await this.offer(again);
      next = Math.min(next, pushed ? now + interval : now + PUSH_RETRY_MS);
    }
    return this.pendingOutbox() > 0 ? Math.max(next, now + 1_000) : null;
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
    const json = JSON.stringify(state);
    this.sql.exec(`INSERT INTO state (id, json) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET json = excluded.json`, json);
    this.savedStateJson = json;
  }

  /** What an earlier event wrote, or a test wrote from outside, is read from storage again. */
  private forgetCaches(): void {
    this.metaCache = null;
    this.savedStateJson = null;
  }

  private loadState(): IncidentState | null {
    // Written by this event from a value typed IncidentState: no second validation.
    if (this.savedStateJson !== null) return JSON.parse(this.savedStateJson) as IncidentState;
    const row = this.sql.exec<{ json: string }>(`SELECT json FROM state WHERE id = 1`).toArray()[0];
    return row ? IncidentState.parse(JSON.parse(row.json)) : null;
  }

  /**
   * Writes one outbox row per destination and arms the alarm that guards them, in the caller's transaction.
   * Returns the rows with their messages, so the push sends what was just built instead of reading it back.
   */
  private enqueueAlert(alert: Alert, destinations: readonly DestinationConfig[]): OutboxRow[] {
    const rows: OutboxRow[] = [];
    const now = Date.now();
    for (const destination of destinations) {
      const filtered = wantsAlert(destination, alert);
      if (!filtered) continue;
      const message: AlertMessage = { v: 1, destination: destinationId(destination), alert: filtered };
      rows.push({ seq: this.sql.exec<{ seq: number }>(`INSERT INTO outbox (message, offered_ms) VALUES (?, ?) RETURNING seq`, JSON.stringify(message), now).one().seq, message });
    }
    if (rows.length > 0) this.scheduleAlarm(now + recheckMs(this.env));
    return rows;
  }

  private pendingOutbox(): number {
    return this.sql.exec<{ n: number }>(`SELECT COUNT(*) AS n FROM outbox`).one().n;
  }

  /**
   * Pushes these outbox rows to the queue. The rows stay (until the ledger settles them); a failed push marks
   * them never-offered and brings the alarm forward. Returns whether the queue accepted them.
   */
  private async offer(rows: readonly OutboxRow[], justWritten = false): Promise<boolean> {
    if (rows.length === 0) return true;
    const seqs = rows.map((r) => r.seq);
    const marks = seqs.map(() => '?').join(', ');
    try {
      await this.env.ALERTS.sendBatch(rows.map((r) => ({ body: r.message, contentType: 'json' as const })));
      // Rows written by this report were stamped offered_ms = now when inserted, a moment before this push: stamping
      // them again would write every row twice for a difference of the push's latency. Re-offered rows are stamped.
      if (!justWritten) this.sql.exec(`UPDATE outbox SET offered_ms = ? WHERE seq IN (${marks})`, Date.now(), ...seqs);
      return true;
    } catch (err) {
      log({ level: 'warn', msg: 'outbox push failed; alarm will retry', error: String(err) });
      this.sql.exec(`UPDATE outbox SET offered_ms = 0 WHERE seq IN (${marks})`, ...seqs);
      this.scheduleAlarm(Date.now() + PUSH_RETRY_MS);
      return false;
    }
  }

  /**
   * Arms the alarm for `at` unless one is already due sooner. Synchronous (the alarm time is mirrored in `meta`),
   * so it joins the caller's storage transaction: rows and the alarm that guards them commit together.
   * `fired`: called from the alarm handler, whose own alarm is spent whatever `meta` says.
   */
  private scheduleAlarm(at: number, fired = false): void {
    const current = Number(this.getMeta('alarm_ms') ?? '0');
    if (!fired && current > Date.now() && current <= at) return;
    this.setMeta('alarm_ms', String(at));
    void this.ctx.storage.setAlarm(at);
  }

  /** The alarm the outbox alone needs: its earliest recheck (a failed push's retry), or none when it is empty. */
  private rearmForOutbox(): void {
    const { next } = this.sql
      .exec<{ next: number | null }>(`SELECT MIN(CASE WHEN offered_ms = 0 THEN ? ELSE offered_ms + ? END) AS next FROM outbox`, Date.now() + PUSH_RETRY_MS, recheckMs(this.env))
      .one();
    if (next !== null) {
      this.scheduleAlarm(next, true);
      return;
    }
    this.setMeta('alarm_ms', '0');
    void this.ctx.storage.deleteAlarm();
  }

  /** After a crash (or a runtime that lost its alarm), work left in storage gets an alarm again. */
  private rearmIfStale(): void {
    if (this.pendingOutbox() === 0 && !this.kvDirty()) return;
    const current = Number(this.getMeta('alarm_ms') ?? '0');
    if (current < Date.now() - 10_000) this.scheduleAlarm(Date.now() + 100, true);
  }

  private kvDirty(): boolean {
    return this.getMeta('kv_dirty') === '1';
  }

  /** `figuresChanged` moves the incident's "last change" time; corroboration and care flags do not. */
  private markReadModelDirty(now: number, figuresChanged: boolean): void {
    this.setMeta('kv_dirty', '1');
    // A generation, so a write that started before this change does not clear the flag for it.
    this.setMeta('kv_gen', String(Number(this.getMeta('kv_gen') ?? '0') + 1));
    if (figuresChanged || this.getMeta('last_change_ms') === undefined) this.setMeta('last_change_ms', String(now));
    // The flag and its alarm commit together: a crash before the write still leaves the flush scheduled. A
    // second out, so it does not fire into the direct write that normally follows (then it finds nothing to do).
    this.scheduleAlarm(Math.max(Date.now(), Number(this.getMeta('kv_written_ms') ?? '0')) + READ_MODEL_MIN_INTERVAL_MS);
  }

  /**
   * Paced by this object's own clock, not the caller's `now`: the request was stamped before the RPC and the
   * outbox push, so a write paced by that stamp could land less than a second after the previous one.
   */
  private async maybeFlushReadModel(): Promise<void> {
    if (!this.kvDirty()) return;
    const last = Number(this.getMeta('kv_written_ms') ?? '0');
    const now = Date.now();
    if (now - last >= READ_MODEL_MIN_INTERVAL_MS) {
      await this.writeReadModelNow();
      // The alarm armed with the dirty flag (a second out) has nothing left to do once the write landed: it is
      // pointed at what the outbox still needs, or removed, which saves every new incident one alarm invocation.
      if (!this.kvDirty()) this.rearmForOutbox();
    } else {
      // Coalesce a burst: one write for all reports within the interval.
      this.scheduleAlarm(last + READ_MODEL_MIN_INTERVAL_MS);
    }
  }

  private async writeReadModelNow(): Promise<void> {
    const state = this.loadState();
    if (!state) return;
    const gen = this.getMeta('kv_gen');
    // Stamped before the write (so a request interleaving during the await coalesces instead of writing too)
    // and again once it finished: the next write is then at least a second after this one really landed.
    // The dirty flag stays set until the write has landed, so a crash mid-write leaves the flush to the alarm.
    this.setMeta('kv_written_ms', String(Date.now()));
    try {
      await writeReadModel(this.env.READ_MODEL, summaryOf(state, Number(this.getMeta('last_change_ms') ?? Date.now())), this.timeline(state.key));
    } catch (err) {
      this.scheduleAlarm(Date.now() + READ_MODEL_MIN_INTERVAL_MS);
      throw err;
    }
    this.setMeta('kv_written_ms', String(Date.now()));
    // Only the generation this write carried: a change that arrived during the await keeps the flag set.
    if (this.getMeta('kv_gen') === gen) this.setMeta('kv_dirty', '0');
  }

  private timeline(key: string): Timeline {
    const entries: TimelineEntry[] = [];
    for (const row of this.sql.exec<{ report: string; result: string; alert_id: string | null }>(`SELECT report, result, alert_id FROM reports ORDER BY seq`)) {
      // One parse per report, not three: the timeline schema is a pick of Report (parsing strips what the timeline
      // does not show) extended with the result's changes and alert, so it checks every field it keeps. The whole
      // timeline is rebuilt on each flush, so this cost grows with the incident's reports.
      const result = JSON.parse(row.result) as { changes?: unknown; alert?: unknown };
      entries.push(TimelineReport.parse({ ...JSON.parse(row.report), kind: 'report', changes: result.changes, alert: result.alert, alert_id: row.alert_id }));
    }
    for (const row of this.sql.exec<{ action: string; at_ms: number; detail: string }>(`SELECT action, at_ms, detail FROM actions ORDER BY seq`)) {
      entries.push({ kind: 'action', action: row.action, at_ms: row.at_ms, detail: row.detail });
    }
    return { v: 1, key, entries };
  }

  private getMeta(k: string): string | undefined {
    this.metaCache ??= new Map(this.sql.exec<{ k: string; v: string }>(`SELECT k, v FROM meta`).toArray().map((r) => [r.k, r.v]));
    return this.metaCache.get(k);
  }

  /** Writes through; a value already stored is not written again (a row written is billed). */
  private setMeta(k: string, v: string): void {
    if (this.getMeta(k) === v) return;
    this.sql.exec(`INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET v = excluded.v`, k, v);
    this.metaCache?.set(k, v);
  }
}
