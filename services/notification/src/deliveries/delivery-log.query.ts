import type { DeliveryAttemptView, NotificationList, NotificationListQuery, NotificationView } from '@bluehelm/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { NOTIFICATION_DATABASE } from '../database/notification-database.module.js';
import type { SqlDatabase, SqlValue } from '../database/sql-database.js';
import { emailRecipientKey } from '../rules/recipient-resolution.js';
import type { AttemptRow, DeliveryRow, SourcesJson } from './delivery.records.js';

const DELIVERY_COLUMNS = `delivery_id, event_id, recipient_key, event_type, kind, channel, address, subscription_id, sources,
  payload, status, attempt_count, round_attempts, next_attempt_at, created_at, delivered_at, dead_at, dead_reason`;

function attemptViewOf(row: AttemptRow): DeliveryAttemptView {
  return {
    number: Number(row.number),
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    outcome: row.outcome,
    ...(row.status_code === null ? {} : { statusCode: Number(row.status_code) }),
    ...(row.smtp_response === null ? {} : { smtpResponse: row.smtp_response }),
    ...(row.error === null ? {} : { error: row.error }),
  };
}

function notificationViewOf(row: DeliveryRow, attempts: readonly AttemptRow[]): NotificationView {
  const body = JSON.parse(row.payload) as { data?: Record<string, unknown> };
  return {
    notificationId: row.delivery_id,
    eventId: row.event_id,
    eventType: row.event_type,
    kind: row.kind,
    channel: row.channel,
    recipient: row.address,
    sources: JSON.parse(row.sources) as SourcesJson,
    status: row.status,
    attemptCount: Number(row.attempt_count),
    attempts: attempts.map(attemptViewOf),
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
    deadAt: row.dead_at,
    deadReason: row.dead_reason,
    payload: body.data ?? {},
  };
}

/** The delivery log as the API shows it: newest first, each entry with its attempts. */
@Injectable()
export class DeliveryLogQuery {
  constructor(@Inject(NOTIFICATION_DATABASE) private readonly db: SqlDatabase) {}

  async get(deliveryId: string): Promise<NotificationView | null> {
    const rows = await this.db.query<DeliveryRow & Record<string, unknown>>(
      `SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE delivery_id = ?`,
      [deliveryId.toLowerCase()],
    );
    const row = rows[0];
    if (!row) return null;
    return notificationViewOf(row, await this.attemptsOf([row.delivery_id]));
  }

  async list(query: NotificationListQuery): Promise<NotificationList> {
    const conditions: string[] = [];
    const params: SqlValue[] = [];
    if (query.status !== undefined) {
      conditions.push('status = ?');
      params.push(query.status);
    }
    if (query.eventId !== undefined) {
      conditions.push('event_id = ?');
      params.push(query.eventId.toLowerCase());
    }
    if (query.recipient !== undefined) {
      // An address, a subscription id (its webhook key) or a focal point or subscription named among the sources.
      conditions.push('(address = ? OR recipient_key = ? OR recipient_key = ? OR sources LIKE ?)');
      const recipient = query.recipient.trim();
      params.push(recipient, emailRecipientKey(recipient), `webhook:${recipient}`, `%"id":${JSON.stringify(recipient)}%`);
    }
    const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
    const [{ total }] = await this.db.query<{ total: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS total FROM deliveries ${where}`, params) as [
      { total: number },
    ];
    const rows = await this.db.query<DeliveryRow & Record<string, unknown>>(
      `SELECT ${DELIVERY_COLUMNS} FROM deliveries ${where} ORDER BY created_at DESC, delivery_id LIMIT ? OFFSET ?`,
      [...params, query.limit, query.offset],
    );
    const attempts = await this.attemptsOf(rows.map((row) => row.delivery_id));
    return {
      items: rows.map((row) => notificationViewOf(row, attempts.filter((attempt) => attempt.delivery_id === row.delivery_id))),
      total: Number(total),
      limit: query.limit,
      offset: query.offset,
    };
  }

  private async attemptsOf(deliveryIds: readonly string[]): Promise<AttemptRow[]> {
    if (deliveryIds.length === 0) return [];
    const placeholders = deliveryIds.map(() => '?').join(', ');
    return this.db.query<AttemptRow & Record<string, unknown>>(
      `SELECT delivery_id, number, started_at, finished_at, outcome, status_code, smtp_response, error
       FROM delivery_attempts WHERE delivery_id IN (${placeholders}) ORDER BY delivery_id, number`,
      deliveryIds,
    );
  }
}
