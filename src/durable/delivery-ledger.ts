// The delivery ledger: claims, delivered markers, dead letters and per-destination status, strongly consistent.
import { DurableObject } from 'cloudflare:workers';
import type { Env } from '../env';
import { Alert, AlertMessage } from '../schema';
import { currentFiguresAlert, mergeFigures, MessageRef, ThreadFigures } from '../notify/threads';

export interface DeadLetter {
  id: number;
  message: AlertMessage;
  reason: string;
  at_ms: number;
}

/** Where one (alert, destination) stands, as the incident tracker's outbox asks it. */
export type DeliveryStatus =
  | { state: 'delivered' | 'dead' }
  /** A consumer holds it (claimed) or the queue will retry it: expected again by `until_ms`. */
  | { state: 'pending'; until_ms: number }
  /** No consumer has seen it: the message is still queued, or was lost (a local queue lives in memory). */
  | { state: 'unknown' };

/** What a consumer may do with one message: send it, or drop this copy. */
export type Claim = 'claimed' | 'delivered' | 'dead' | 'busy';

/** A claim outlives the longest delivery attempt (10 s timeout) with room to record its outcome. */
export const CLAIM_LEASE_MS = 30_000;
/** A re-drive claim: long enough for one queue send; after it a crashed re-drive can be tried again. */
const REDRIVE_LEASE_MS = 60_000;

/**
 * Where one alert stands in its incident's thread at one destination:
 *   open   this alert opens the thread (no first message yet, and no other alert is opening it);
 *   wait   another alert is opening it: come back at `until_ms`, so no reply goes out before its first message;
 *   reply  the first message is known and this alert's reply is not yet posted;
 *   edit   the reply is posted (a retry must not post it again): only the first message's edit remains.
 */
export type ThreadStep =
  | { step: 'open' }
  | { step: 'wait'; opener: string; until_ms: number }
  | { step: 'reply'; first: MessageRef }
  | { step: 'edit'; first: MessageRef };

/** The first message as it should now read, and the version of the thread's figures it shows. */
export interface FirstMessageState {
  first: MessageRef;
  current: Alert;
  version: number;
  edited_version: number;
}

/**
 * A waiting reply comes back just after the opener's next try, so it spends its attempts at the opener's pace
 * (and, starting later, outlasts it) rather than dead-lettering first in a long outage; at most an hour, the
 * backoff's cap. An opener whose claim lapsed (its consumer died) is re-offered by its outbox: look again after
 * a claim's lease.
 */
const THREAD_WAIT_AFTER_MS = 1_000;
const THREAD_WAIT_MAX_MS = 3_600_000;

export interface DestinationStatus {
  destination: string;
  last_delivered_ms: number | null;
  last_alert_id: string | null;
  last_failure_ms: number | null;
  last_failure: string | null;
}

/**
 * Strongly consistent record of what was delivered where (so a queue redelivery sends nothing twice), of
 * dead letters (visible and re-drivable) and of each destination's last outcome for /health. A singleton:
 * alert volume is small, and KV's eventual consistency would let a redelivery slip past a marker.
 */
export class DeliveryLedger extends DurableObject<Env> {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    // One exec for the whole schema (every statement of a multi-statement query runs).
    //   in_flight: messages between "first seen by a consumer" and delivered: claimed (being sent), retrying, or dead.
    //   threads: one per (incident, destination): who opens it, its first message once posted, the figures the
    //     thread has told (so the first message can be edited to them) and which version of them it shows.
    //   thread_replies: a reply posted but its alert not yet delivered (the edit failed): a retry resumes at the edit.
    //   post_attempts: when an alert's post was first tried: a retry that finds a row knows an earlier try may have posted.
    // Tables keyed by text are stored in their key's order (WITHOUT ROWID): each insert is one row written, not
    // two (a table and its key index), and delivered, in_flight and post_attempts take one per destination of
    // every alert. dead_letters keeps AUTOINCREMENT: its ids are shown and re-driven by, and must never be reused.
    // A ledger created before keeps its tables as they were; the statements below read and write either.
    this.sql.exec(`
      CREATE TABLE IF NOT EXISTS delivered (alert_id TEXT NOT NULL, destination TEXT NOT NULL, at_ms INTEGER NOT NULL, PRIMARY KEY (alert_id, destination)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS dead_letters (id INTEGER PRIMARY KEY AUTOINCREMENT, message TEXT NOT NULL, reason TEXT NOT NULL, at_ms INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS destinations (destination TEXT PRIMARY KEY, last_delivered_ms INTEGER, last_alert_id TEXT, last_failure_ms INTEGER, last_failure TEXT) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS in_flight (alert_id TEXT NOT NULL, destination TEXT NOT NULL, state TEXT NOT NULL, until_ms INTEGER NOT NULL, PRIMARY KEY (alert_id, destination)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS threads (incident_key TEXT NOT NULL, destination TEXT NOT NULL, opener TEXT NOT NULL, first_ref TEXT, figures TEXT NOT NULL DEFAULT '{}', latest TEXT, version INTEGER NOT NULL DEFAULT 0, edited_version INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (incident_key, destination)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS thread_replies (alert_id TEXT NOT NULL, destination TEXT NOT NULL, ref TEXT NOT NULL, PRIMARY KEY (alert_id, destination)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS post_attempts (alert_id TEXT NOT NULL, destination TEXT NOT NULL, first_ms INTEGER NOT NULL, PRIMARY KEY (alert_id, destination)) WITHOUT ROWID;`);
    const columns = this.sql.exec<{ name: string }>(`PRAGMA table_info(dead_letters)`).toArray().map((c) => c.name);
    if (!columns.includes('claimed_ms')) this.sql.exec(`ALTER TABLE dead_letters ADD COLUMN claimed_ms INTEGER`);
  }

  /**
   * Exactly-once across copies: the tracker re-offers what it has no word on, and a queue may redeliver, so two
   * copies of one message can meet. Only the holder of an unexpired claim sends; the rest are dropped, which is
   * safe because the outbox keeps the alert until this ledger says delivered or dead.
   */
  async claim(alertId: string, destination: string, nowMs: number): Promise<Claim> {
    return this.claimOne(alertId, destination, nowMs);
  }

  /** `claim` for every message of a queue batch, in order: one round trip instead of one per message. */
  async claimMany(keys: ReadonlyArray<{ alert_id: string; destination: string }>, nowMs: number): Promise<Claim[]> {
    return keys.map(({ alert_id, destination }) => this.claimOne(alert_id, destination, nowMs));
  }

  private claimOne(alertId: string, destination: string, nowMs: number): Claim {
    // Both records in one statement (every alert of a batch is claimed, five per new incident): one read, not two.
    const row = this.sql
      .exec<{ done: number; state: string | null; until_ms: number | null }>(
        `SELECT EXISTS (SELECT 1 FROM delivered WHERE alert_id = ? AND destination = ?) AS done, f.state AS state, f.until_ms AS until_ms
         FROM (SELECT 1) LEFT JOIN in_flight f ON f.alert_id = ? AND f.destination = ?`,
        alertId,
        destination,
        alertId,
        destination,
      )
      .one();
    if (row.done) return 'delivered';
    if (row.state === 'dead') return 'dead';
    if (row.state === 'claimed' && (row.until_ms ?? 0) > nowMs) return 'busy';
    this.setInFlight(alertId, destination, 'claimed', nowMs + CLAIM_LEASE_MS);
    return 'claimed';
  }

  /** The claim ends in a retry the queue will make at `untilMs`. */
  async recordRetry(alertId: string, destination: string, untilMs: number, reason: string, atMs: number): Promise<void> {
    this.setInFlight(alertId, destination, 'retrying', untilMs);
    await this.recordFailure(destination, reason, atMs);
  }

  async statuses(keys: ReadonlyArray<{ alert_id: string; destination: string }>): Promise<DeliveryStatus[]> {
    return keys.map(({ alert_id, destination }) => {
      if (this.delivered(alert_id, destination)) return { state: 'delivered' };
      const row = this.inFlight(alert_id, destination);
      if (!row) return { state: 'unknown' };
      return row.state === 'dead' ? { state: 'dead' } : { state: 'pending', until_ms: row.until_ms };
    });
  }

  private delivered(alertId: string, destination: string): boolean {
    return this.sql.exec(`SELECT 1 FROM delivered WHERE alert_id = ? AND destination = ?`, alertId, destination).toArray().length > 0;
  }

  private inFlight(alertId: string, destination: string): { state: string; until_ms: number } | undefined {
    return this.sql.exec<{ state: string; until_ms: number }>(`SELECT state, until_ms FROM in_flight WHERE alert_id = ? AND destination = ?`, alertId, destination).toArray()[0];
  }

  private setInFlight(alertId: string, destination: string, state: 'claimed' | 'retrying' | 'dead', untilMs: number): void {
    this.sql.exec(
      `INSERT INTO in_flight (alert_id, destination, state, until_ms) VALUES (?, ?, ?, ?)
       ON CONFLICT(alert_id, destination) DO UPDATE SET state = excluded.state, until_ms = excluded.until_ms`,
      alertId,
      destination,
      state,
      untilMs,
    );
  }

  async isDelivered(alertId: string, destination: string): Promise<boolean> {
    return this.delivered(alertId, destination);
  }

  async markDelivered(alertId: string, destination: string, atMs: number): Promise<void> {
    this.setDelivered(alertId, destination, atMs);
  }

  /** `markDelivered` for a queue batch's deliveries, in one round trip (and one storage commit). */
  async markDeliveredMany(items: ReadonlyArray<{ alert_id: string; destination: string; at_ms: number }>): Promise<void> {
    for (const { alert_id, destination, at_ms } of items) this.setDelivered(alert_id, destination, at_ms);
  }

  /** Synchronous, so a thread's records and the delivered marker are written in one step, never half. */
  private setDelivered(alertId: string, destination: string, atMs: number): void {
    this.sql.exec(`DELETE FROM post_attempts WHERE alert_id = ? AND destination = ?`, alertId, destination);
    this.sql.exec(`INSERT OR IGNORE INTO delivered (alert_id, destination, at_ms) VALUES (?, ?, ?)`, alertId, destination, atMs);
    this.sql.exec(`DELETE FROM in_flight WHERE alert_id = ? AND destination = ?`, alertId, destination);
    this.sql.exec(
      `INSERT INTO destinations (destination, last_delivered_ms, last_alert_id) VALUES (?, ?, ?)
       ON CONFLICT(destination) DO UPDATE SET last_delivered_ms = excluded.last_delivered_ms, last_alert_id = excluded.last_alert_id`,
      destination,
      atMs,
      alertId,
    );
  }

  /**
   * The next step of a claimed alert in its incident's thread. The opener is whichever alert first asks while
   * no first message exists; it stays the opener while it is claimed or retrying, and a dead or re-driven
   * opener hands over to the next alert that asks, so one lost alert cannot hold the thread shut.
   */
  async threadStep(alertId: string, incidentKey: string, destination: string, nowMs: number): Promise<ThreadStep> {
    const row = this.thread(incidentKey, destination);
    if (row?.first_ref) {
      const first = MessageRef.parse(JSON.parse(row.first_ref));
      const replied = this.sql.exec(`SELECT 1 FROM thread_replies WHERE alert_id = ? AND destination = ?`, alertId, destination).toArray().length > 0;
      return { step: replied ? 'edit' : 'reply', first };
    }
    if (row && row.opener !== alertId) {
      const opener = this.inFlight(row.opener, destination);
      if (opener && (opener.state === 'claimed' || opener.state === 'retrying')) {
        const next = opener.until_ms > nowMs ? opener.until_ms + THREAD_WAIT_AFTER_MS : nowMs + CLAIM_LEASE_MS;
        const until = Math.min(next, nowMs + THREAD_WAIT_MAX_MS);
        return { step: 'wait', opener: row.opener, until_ms: until };
      }
    }
    this.sql.exec(
      `INSERT INTO threads (incident_key, destination, opener) VALUES (?, ?, ?)
       ON CONFLICT(incident_key, destination) DO UPDATE SET opener = excluded.opener`,
      incidentKey,
      destination,
      alertId,
    );
    return { step: 'open' };
  }

  /**
   * A post (first message or reply) is about to be sent. Answers when an earlier try of the same post began, or
   * null for the first try: only then can the platform already hold it.
   */
  async beginPost(alertId: string, destination: string, nowMs: number): Promise<number | null> {
    const earlier = this.sql.exec<{ first_ms: number }>(`SELECT first_ms FROM post_attempts WHERE alert_id = ? AND destination = ?`, alertId, destination).toArray()[0];
    if (earlier) return earlier.first_ms;
    this.sql.exec(`INSERT INTO post_attempts (alert_id, destination, first_ms) VALUES (?, ?, ?)`, alertId, destination, nowMs);
    return null;
  }

  /** The first message is posted: its id, its figures and the delivery are recorded together. */
  async recordFirstMessage(alert: Alert, destination: string, ref: MessageRef, atMs: number): Promise<void> {
    const figures = mergeFigures({}, alert.changes, alert.created_ms);
    this.sql.exec(
      `INSERT INTO threads (incident_key, destination, opener, first_ref, figures, latest, version, edited_version) VALUES (?, ?, ?, ?, ?, ?, 1, 1)
       ON CONFLICT(incident_key, destination) DO UPDATE SET opener = excluded.opener, first_ref = excluded.first_ref, figures = excluded.figures,
         latest = excluded.latest, version = 1, edited_version = 1`,
      alert.incident_key,
      destination,
      alert.alert_id,
      JSON.stringify(ref),
      JSON.stringify(figures),
      JSON.stringify(alert),
    );
    this.setDelivered(alert.alert_id, destination, atMs);
  }

  /** A reply is posted: kept so a retry never posts it again, and its figures join the thread's. `ref` null: the answer named no id. */
  async recordReply(alert: Alert, destination: string, ref: MessageRef | null): Promise<void> {
    const row = this.thread(alert.incident_key, destination);
    if (!row) return;
    const inserted = this.sql
      .exec(`INSERT OR IGNORE INTO thread_replies (alert_id, destination, ref) VALUES (?, ?, ?) RETURNING alert_id`, alert.alert_id, destination, JSON.stringify(ref))
      .toArray().length;
    if (inserted === 0) return;
    this.sql.exec(`DELETE FROM post_attempts WHERE alert_id = ? AND destination = ?`, alert.alert_id, destination);
    const figures = mergeFigures(ThreadFigures.parse(JSON.parse(row.figures)), alert.changes, alert.created_ms);
    const held = row.latest ? Alert.parse(JSON.parse(row.latest)) : null;
    const latest = !held || held.created_ms <= alert.created_ms ? alert : held;
    this.sql.exec(
      `UPDATE threads SET figures = ?, latest = ?, version = version + 1 WHERE incident_key = ? AND destination = ?`,
      JSON.stringify(figures),
      JSON.stringify(latest),
      alert.incident_key,
      destination,
    );
  }

  async firstMessageState(incidentKey: string, destination: string): Promise<FirstMessageState | null> {
    const row = this.thread(incidentKey, destination);
    if (!row?.first_ref || !row.latest) return null;
    const current = currentFiguresAlert(Alert.parse(JSON.parse(row.latest)), ThreadFigures.parse(JSON.parse(row.figures)));
    return { first: MessageRef.parse(JSON.parse(row.first_ref)), current, version: row.version, edited_version: row.edited_version };
  }

  /** The first message now shows figures `version`; answers the thread's version, newer if another reply landed meanwhile. */
  async recordFirstMessageEdit(incidentKey: string, destination: string, version: number): Promise<number> {
    this.sql.exec(`UPDATE threads SET edited_version = MAX(edited_version, ?) WHERE incident_key = ? AND destination = ?`, version, incidentKey, destination);
    return this.thread(incidentKey, destination)?.version ?? version;
  }

  /** The reply's alert is delivered: its reply record has done its job. */
  async markReplyDelivered(alertId: string, destination: string, atMs: number): Promise<void> {
    this.sql.exec(`DELETE FROM thread_replies WHERE alert_id = ? AND destination = ?`, alertId, destination);
    this.setDelivered(alertId, destination, atMs);
  }

  private thread(incidentKey: string, destination: string) {
    return this.sql
      .exec<{ opener: string; first_ref: string | null; figures: string; latest: string | null; version: number; edited_version: number }>(
        `SELECT opener, first_ref, figures, latest, version, edited_version FROM threads WHERE incident_key = ? AND destination = ?`,
        incidentKey,
        destination,
      )
      .toArray()[0];
  }

  async recordFailure(destination: string, reason: string, atMs: number): Promise<void> {
    this.sql.exec(
      `INSERT INTO destinations (destination, last_failure_ms, last_failure) VALUES (?, ?, ?)
       ON CONFLICT(destination) DO UPDATE SET last_failure_ms = excluded.last_failure_ms, last_failure = excluded.last_failure`,
      destination,
      atMs,
      reason.slice(0, 300),
    );
  }

  async addDeadLetter(message: unknown, reason: string, atMs: number): Promise<number> {
    const parsed = AlertMessage.parse(message);
    // Settled for the tracker's outbox (it stops re-offering), and re-drivable from here.
    this.setInFlight(parsed.alert.alert_id, parsed.destination, 'dead', atMs);
    // The same alert can reach the DLQ twice (our explicit send, then the queue's own exhaustion path).
    // Matched in SQL rather than by parsing every stored letter.
    const existing = this.sql
      .exec<{ id: number }>(
        `SELECT id FROM dead_letters WHERE json_extract(message, '$.alert.alert_id') = ? AND json_extract(message, '$.destination') = ? LIMIT 1`,
        parsed.alert.alert_id,
        parsed.destination,
      )
      .toArray()[0];
    if (existing) return existing.id;
    return this.sql
      .exec<{ id: number }>(`INSERT INTO dead_letters (message, reason, at_ms) VALUES (?, ?, ?) RETURNING id`, JSON.stringify(parsed), reason.slice(0, 500), atMs)
      .one().id;
  }

  async listDeadLetters(): Promise<DeadLetter[]> {
    return this.sql
      .exec<{ id: number; message: string; reason: string; at_ms: number }>(`SELECT id, message, reason, at_ms FROM dead_letters ORDER BY id`)
      .toArray()
      .map((r) => ({ id: r.id, message: AlertMessage.parse(JSON.parse(r.message)), reason: r.reason, at_ms: r.at_ms }));
  }

  async getDeadLetter(id: number): Promise<DeadLetter | null> {
    const row = this.sql
      .exec<{ id: number; message: string; reason: string; at_ms: number }>(`SELECT id, message, reason, at_ms FROM dead_letters WHERE id = ?`, id)
      .toArray()[0];
    return row ? { id: row.id, message: AlertMessage.parse(JSON.parse(row.message)), reason: row.reason, at_ms: row.at_ms } : null;
  }

  /**
   * Claims a dead letter for re-drive: one claimant at a time (a second, concurrent re-drive gets null), and
   * the alert's "dead" mark is lifted so the consumer will send the re-driven copy. The letter itself stays
   * until `finishRedrive`; a crashed re-drive's claim expires and the letter can be re-driven again.
   */
  async claimDeadLetter(id: number, nowMs: number): Promise<DeadLetter | null> {
    const row = this.sql
      .exec<{ id: number; message: string; reason: string; at_ms: number }>(
        `UPDATE dead_letters SET claimed_ms = ? WHERE id = ? AND (claimed_ms IS NULL OR claimed_ms <= ?) RETURNING id, message, reason, at_ms`,
        nowMs,
        id,
        nowMs - REDRIVE_LEASE_MS,
      )
      .toArray()[0];
    if (!row) return null;
    const letter = { id: row.id, message: AlertMessage.parse(JSON.parse(row.message)), reason: row.reason, at_ms: row.at_ms };
    this.sql.exec(`DELETE FROM in_flight WHERE alert_id = ? AND destination = ? AND state = 'dead'`, letter.message.alert.alert_id, letter.message.destination);
    return letter;
  }

  /** The re-driven copy is on the queue: the letter leaves. */
  async finishRedrive(id: number): Promise<void> {
    this.sql.exec(`DELETE FROM dead_letters WHERE id = ?`, id);
  }

  /** The queue refused the re-driven copy: the letter is dead again and free to re-drive. */
  async releaseDeadLetter(id: number, nowMs: number): Promise<void> {
    const letter = await this.getDeadLetter(id);
    this.sql.exec(`UPDATE dead_letters SET claimed_ms = NULL WHERE id = ?`, id);
    if (letter) this.setInFlight(letter.message.alert.alert_id, letter.message.destination, 'dead', nowMs);
  }

  async status(): Promise<{ dead_letters: number; destinations: DestinationStatus[] }> {
    const depth = this.sql.exec<{ n: number }>(`SELECT COUNT(*) AS n FROM dead_letters`).one().n;
    const destinations = this.sql
      .exec<{ destination: string; last_delivered_ms: number | null; last_alert_id: string | null; last_failure_ms: number | null; last_failure: string | null }>(
        `SELECT destination, last_delivered_ms, last_alert_id, last_failure_ms, last_failure FROM destinations ORDER BY destination`,
      )
      .toArray()
      .map((r) => ({ ...r }));
    return { dead_letters: depth, destinations };
  }
}
