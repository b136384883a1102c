import { DurableObject } from 'cloudflare:workers';
import type { Env } from '../env';
import { AlertMessage } from '../schema';

export interface DeadLetter {
  id: number;
  message: AlertMessage;
  reason: string;
  at_ms: number;
}

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
  }

  async isDelivered(alertId: string, destination: string): Promise<boolean> {
    return this.sql.exec(`SELECT 1 FROM delivered WHERE alert_id = ? AND destination = ?`, alertId, destination).toArray().length > 0;
  }

  async markDelivered(alertId: string, destination: string, atMs: number): Promise<void> {
    this.sql.exec(`INSERT OR IGNORE INTO delivered (alert_id, destination, at_ms) VALUES (?, ?, ?)`, alertId, destination, atMs);
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

  /** Removes and returns a dead letter so it can be re-driven exactly once. */
  async takeDeadLetter(id: number): Promise<DeadLetter | null> {
    const row = this.sql
      .exec<{ id: number; message: string; reason: string; at_ms: number }>(`DELETE FROM dead_letters WHERE id = ? RETURNING id, message, reason, at_ms`, id)
      .toArray()[0];
    return row ? { id: row.id, message: AlertMessage.parse(JSON.parse(row.message)), reason: row.reason, at_ms: row.at_ms } : null;
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
