import { WEBHOOK_PAYLOAD_TYPES } from '@bluehelm/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { NOTIFICATION_DATABASE } from '../database/notification-database.module.js';
import type { SqlDatabase, SqlExecutor } from '../database/sql-database.js';
import type { Notification } from '../rules/notification.js';
import type { Recipient } from '../rules/recipient-resolution.js';
import { deliveryIdOf } from './delivery-id.js';
import type { AttemptReport, ClaimedDelivery, DeliveryRow } from './delivery.records.js';
import type { AfterFailure } from './retry-policy.js';

export type RedeliveryOutcome = 'redelivered' | 'not-found' | 'not-dead';

const CLAIMED_COLUMNS =
  'delivery_id, event_id, event_type, kind, channel, address, subscription_id, payload, attempt_count, round_attempts';

const INTERRUPTED = 'the service stopped during this attempt';

/**
 * The durable state of every delivery, in the service's own database. One record per (event,
 * recipient), created before anything is sent and never twice; each attempt is a row opened
 * when it starts (in the same transaction as the claim) and closed with its outcome, so an
 * attempt cut short by a crash shows as `interrupted` and the delivery is taken up again once
 * its lease has run out.
 */
@Injectable()
export class DeliveryStore {
  constructor(@Inject(NOTIFICATION_DATABASE) private readonly db: SqlDatabase) {}

  /** Records one pending delivery per recipient; an existing one is left as it is. Answers how many are new. */
  async recordAll(notification: Notification, recipients: readonly Recipient[], now: Date): Promise<number> {
    if (recipients.length === 0) return 0;
    const body = JSON.stringify({
      type: WEBHOOK_PAYLOAD_TYPES[notification.kind],
      timestamp: notification.timestamp,
      data: notification.payload,
    });
    const at = now.toISOString();
    return this.db.transaction(async (tx) => {
      let created = 0;
      for (const recipient of recipients) {
        created += await tx.execute(
          `INSERT INTO deliveries (delivery_id, event_id, recipient_key, event_type, kind, channel, address, subscription_id,
             sources, payload, status, next_attempt_at, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)
           ON CONFLICT DO NOTHING`,
          [
            deliveryIdOf(notification.eventId, recipient.key),
            notification.eventId,
            recipient.key,
            notification.eventType,
            notification.kind,
            recipient.channel,
            recipient.address,
            recipient.subscriptionId,
            JSON.stringify(recipient.sources),
            body,
            at,
            at,
          ],
        );
      }
      return created;
    });
  }

  /**
   * Takes up to `limit` due deliveries for one attempt each: leased to `owner` until
   * now + leaseMs, attempt counters raised, and the attempt row opened.
   */
  async claimDue(owner: string, now: Date, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
    if (limit <= 0) return [];
    const at = now.toISOString();
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    return this.db.transaction(async (tx) => {
      const due = await tx.query<{ delivery_id: string }>(
        `SELECT delivery_id FROM deliveries
         WHERE status = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
         ORDER BY next_attempt_at, delivery_id LIMIT ?`,
        [at, at, limit],
      );
      const claimed: ClaimedDelivery[] = [];
      for (const { delivery_id: deliveryId } of due) {
        const claim = await this.claimOne(tx, deliveryId, owner, at, leaseUntil);
        if (claim) claimed.push(claim);
      }
      return claimed;
    });
  }

  async recordSuccess(claim: ClaimedDelivery, owner: string, report: AttemptReport, now: Date): Promise<void> {
    const at = now.toISOString();
    await this.db.transaction(async (tx) => {
      await this.closeAttempt(tx, claim, 'delivered', report, at);
      await tx.execute(
        `UPDATE deliveries SET status = 'delivered', delivered_at = ?, lease_owner = NULL, lease_until = NULL
         WHERE delivery_id = ? AND lease_owner = ? AND status = 'pending'`,
        [at, claim.deliveryId, owner],
      );
    });
  }

  /** Closes a failed attempt and either schedules the next one or makes the delivery a dead letter. */
  async recordFailure(claim: ClaimedDelivery, owner: string, report: AttemptReport, next: AfterFailure, now: Date): Promise<void> {
    const at = now.toISOString();
    await this.db.transaction(async (tx) => {
      await this.closeAttempt(tx, claim, 'failed', report, at);
      if (next.kind === 'retry') {
        await tx.execute(
          `UPDATE deliveries SET next_attempt_at = ?, lease_owner = NULL, lease_until = NULL
           WHERE delivery_id = ? AND lease_owner = ? AND status = 'pending'`,
          [new Date(now.getTime() + next.delayMs).toISOString(), claim.deliveryId, owner],
        );
      } else {
        await tx.execute(
          `UPDATE deliveries SET status = 'dead', dead_at = ?, dead_reason = ?, lease_owner = NULL, lease_until = NULL
           WHERE delivery_id = ? AND lease_owner = ? AND status = 'pending'`,
          [at, report.error ?? `status ${report.statusCode ?? 'unknown'}`, claim.deliveryId, owner],
        );
      }
    });
  }

  /** A dead letter becomes pending again, due now, with a fresh round of attempts. */
  async redeliver(deliveryId: string, now: Date): Promise<RedeliveryOutcome> {
    return this.db.transaction(async (tx) => {
      const changed = await tx.execute(
        `UPDATE deliveries SET status = 'pending', round_attempts = 0, next_attempt_at = ?, dead_at = NULL, dead_reason = NULL
         WHERE delivery_id = ? AND status = 'dead'`,
        [now.toISOString(), deliveryId],
      );
      if (changed > 0) return 'redelivered';
      const rows = await tx.query('SELECT delivery_id FROM deliveries WHERE delivery_id = ?', [deliveryId]);
      return rows.length === 0 ? 'not-found' : 'not-dead';
    });
  }

  private async claimOne(
    tx: SqlExecutor,
    deliveryId: string,
    owner: string,
    at: string,
    leaseUntil: string,
  ): Promise<ClaimedDelivery | undefined> {
    const rows = await tx.query<DeliveryRow & Record<string, unknown>>(
      `UPDATE deliveries SET lease_owner = ?, lease_until = ?, attempt_count = attempt_count + 1, round_attempts = round_attempts + 1
       WHERE delivery_id = ? AND status = 'pending' AND (lease_until IS NULL OR lease_until <= ?)
       RETURNING ${CLAIMED_COLUMNS}`,
      [owner, leaseUntil, deliveryId, at],
    );
    const row = rows[0];
    if (!row) return undefined;
    await tx.execute(
      `UPDATE delivery_attempts SET finished_at = ?, outcome = 'interrupted', error = ? WHERE delivery_id = ? AND finished_at IS NULL`,
      [at, INTERRUPTED, deliveryId],
    );
    await tx.execute('INSERT INTO delivery_attempts (delivery_id, number, started_at) VALUES (?, ?, ?)', [
      deliveryId,
      Number(row.attempt_count),
      at,
    ]);
    return {
      deliveryId: row.delivery_id,
      eventId: row.event_id,
      eventType: row.event_type,
      kind: row.kind,
      channel: row.channel,
      address: row.address,
      subscriptionId: row.subscription_id,
      body: row.payload,
      attemptNumber: Number(row.attempt_count),
      roundAttempt: Number(row.round_attempts),
    };
  }

  private async closeAttempt(
    tx: SqlExecutor,
    claim: ClaimedDelivery,
    outcome: 'delivered' | 'failed',
    report: AttemptReport,
    at: string,
  ): Promise<void> {
    await tx.execute(
      `UPDATE delivery_attempts SET finished_at = ?, outcome = ?, status_code = ?, smtp_response = ?, error = ?
       WHERE delivery_id = ? AND number = ? AND finished_at IS NULL`,
      [
        at,
        outcome,
        report.statusCode ?? null,
        report.smtpResponse?.slice(0, 1_000) ?? null,
        report.error?.slice(0, 1_000) ?? null,
        claim.deliveryId,
        claim.attemptNumber,
      ],
    );
  }
}
