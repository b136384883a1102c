// The delivery ledger: claims, delivered markers, dead letters and per-destination status, strongly consistent.
import { DurableObject } from 'cloudflare:workers';
import type { Env } from '../env';
import { AlertMessage } from '../schema';

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
    this.sql.exec(`CREATE TABLE IF NOT EXISTS delivered (alert_id TEXT NOT NULL, destination TEXT NOT NULL, at_ms INTEGER NOT NULL, PRIMARY KEY (alert_id, destination))`);
    this.sql.exec(`CREATE TABLE IF NOT EXISTS dead_letters (id INTEGER PRIMARY KEY AUTOINCREMENT, message TEXT NOT NULL, reason TEXT NOT NULL, at_ms INTEGER NOT NULL)`);
    this.sql.exec(`CREATE TABLE IF NOT EXISTS destinations (destination TEXT PRIMARY KEY, last_delivered_ms INTEGER, last_alert_id TEXT, last_failure_ms INTEGER, last_failure TEXT)`);
    // Messages between "first seen by a consumer" and delivered: claimed (being sent), retrying, or dead.
    this.sql.exec(`CREATE TABLE IF NOT EXISTS in_flight (alert_id TEXT NOT NULL, destination TEXT NOT NULL, state TEXT NOT NULL, until_ms INTEGER NOT NULL, PRIMARY KEY (alert_id, destination))`);
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
    if (this.delivered(alertId, destination)) return 'delivered';
    const row = this.inFlight(alertId, destination);
    if (row?.state === 'dead') return 'dead';
    if (row?.state === 'claimed' && row.until_ms > nowMs) return 'busy';
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
    this.markOne(alertId, destination, atMs);
  }

  /** `markDelivered` for a queue batch's deliveries, in one round trip (and one storage commit). */
  async markDeliveredMany(items: ReadonlyArray<{ alert_id: string; destination: string; at_ms: number }>): Promise<void> {
    for (const { alert_id, destination, at_ms } of items) this.markOne(alert_id, destination, at_ms);
  }

  private markOne(alertId: string, destination: string, atMs: number): void {
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
