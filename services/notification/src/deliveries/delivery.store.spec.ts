import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { openNotificationDatabase } from '../database/open-notification-database.js';
import type { SqlDatabase } from '../database/sql-database.js';
import type { Notification } from '../rules/notification.js';
import type { Recipient } from '../rules/recipient-resolution.js';
import { deliveryIdOf } from './delivery-id.js';
import { DeliveryLogQuery } from './delivery-log.query.js';
import { DeliveryStore } from './delivery.store.js';

const POSTGRES_URL = process.env['POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const LEASE_MS = 5_000;
const T0 = new Date('2026-01-01T00:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

const notification: Notification = {
  eventId: '5b0e4f1a-9c2d-4e3f-8a1b-2c3d4e5f6a7b',
  eventType: 'IncidentReported',
  kind: 'fatality',
  timestamp: '2025-12-31T10:00:00.000Z',
  payload: { mission: 'MINUSMA', fatalities: 2 },
  audience: { focalPointsOf: 'MINUSMA', subscribers: null },
};
const email: Recipient = { key: 'email:awa@un.example', channel: 'email', address: 'awa@un.example', subscriptionId: null, sources: [{ kind: 'focal-point', id: 'fp1' }] };
const webhook: Recipient = { key: 'webhook:s1', channel: 'webhook', address: 'https://r.example/h', subscriptionId: 's1', sources: [{ kind: 'subscription', id: 's1' }] };

interface Backend {
  readonly name: string;
  open(): Promise<{ db: SqlDatabase; cleanUp: () => Promise<void> }>;
}

const backends: Backend[] = [
  {
    name: 'sqlite',
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'bluehelm-notification-db-'));
      const db = await openNotificationDatabase(`sqlite:${join(dir, 'notification.db')}`);
      return { db, cleanUp: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'postgres',
    open: async () => {
      const schema = `notification_spec_${randomBytes(6).toString('hex')}`;
      const db = await openNotificationDatabase(`${POSTGRES_URL}?schema=${schema}`);
      return {
        db,
        cleanUp: async () => {
          const client = new pg.Client({ connectionString: POSTGRES_URL });
          await client.connect();
          await client.query(`DROP SCHEMA ${schema} CASCADE`);
          await client.end();
        },
      };
    },
  },
];

describe.each(backends)('delivery state in $name', (backend) => {
  let db: SqlDatabase;
  let cleanUp: () => Promise<void>;
  let store: DeliveryStore;
  let log: DeliveryLogQuery;

  // A database of its own per test, so that each sees only the deliveries it recorded.
  beforeEach(async () => {
    ({ db, cleanUp } = await backend.open());
    store = new DeliveryStore(db);
    log = new DeliveryLogQuery(db);
  });

  afterEach(async () => {
    await db.close();
    await cleanUp();
  });

  it('records one delivery per event and recipient, however often the event is handled', async () => {
    expect(await store.recordAll(notification, [email, webhook], T0)).toBe(2);
    expect(await store.recordAll(notification, [email, webhook], at(10))).toBe(0);

    const list = await log.list({ eventId: notification.eventId, limit: 50, offset: 0 });
    expect(list.total).toBe(2);
    expect(list.items.map((item) => item.notificationId).sort()).toEqual(
      [deliveryIdOf(notification.eventId, email.key), deliveryIdOf(notification.eventId, webhook.key)].sort(),
    );
    expect(list.items.every((item) => item.status === 'pending' && item.attempts.length === 0)).toBe(true);
  });

  it('leases a claimed delivery: nobody else takes it until the lease runs out, and the cut-short attempt shows as interrupted', async () => {
    await store.recordAll(notification, [email, webhook], T0);
    const first = await store.claimDue('sender-a', at(1_000), LEASE_MS, 10);
    expect(first.map((claim) => claim.attemptNumber)).toEqual([1, 1]);
    expect(await store.claimDue('sender-b', at(2_000), LEASE_MS, 10)).toEqual([]);

    const retaken = await store.claimDue('sender-b', at(1_000 + LEASE_MS), LEASE_MS, 1);
    expect(retaken).toHaveLength(1);
    expect(retaken[0]?.attemptNumber).toBe(2);
    const view = await log.get(retaken[0]!.deliveryId);
    expect(view?.attempts.map((attempt) => attempt.outcome)).toEqual(['interrupted', null]);
  });

  it('schedules a failed attempt again with the delay given, then makes a dead letter after the last one', async () => {
    await store.recordAll(notification, [webhook], T0);
    const [claim] = await store.claimDue('sender-c', at(20_000), LEASE_MS, 1);
    expect(claim).toBeDefined();
    await store.recordFailure(claim!, 'sender-c', { statusCode: 503, error: 'the receiver answered 503' }, { kind: 'retry', delayMs: 4_000 }, at(20_100));

    expect(await store.claimDue('sender-c', at(24_000), LEASE_MS, 10)).toEqual([]);
    const [again] = await store.claimDue('sender-c', at(24_100), LEASE_MS, 10);
    expect(again?.deliveryId).toBe(claim!.deliveryId);
    await store.recordFailure(again!, 'sender-c', { statusCode: 500, error: 'the receiver answered 500' }, { kind: 'dead' }, at(24_200));

    const dead = await log.get(claim!.deliveryId);
    expect(dead).toMatchObject({ status: 'dead', deadReason: 'the receiver answered 500', deadAt: at(24_200).toISOString(), nextAttemptAt: null });
    expect(dead?.attempts.filter((attempt) => attempt.outcome === 'failed').map((attempt) => attempt.statusCode)).toEqual([503, 500]);
    expect(await store.claimDue('sender-c', at(99_000), LEASE_MS, 10)).toEqual([]);
  });

  it('sends a dead letter again on request, with a fresh round of attempts, and only a dead letter', async () => {
    await store.recordAll(notification, [webhook], T0);
    const [failing] = await store.claimDue('sender-d', at(1), LEASE_MS, 1);
    await store.recordFailure(failing!, 'sender-d', { error: 'connection refused' }, { kind: 'dead' }, at(2));
    const [dead] = (await log.list({ status: 'dead', limit: 1, offset: 0 })).items;
    expect(await store.claimDue('sender-d', at(50_000), LEASE_MS, 1)).toEqual([]);
    expect(await store.redeliver(dead!.notificationId, at(100_000))).toBe('redelivered');
    expect(await store.redeliver(dead!.notificationId, at(100_000))).toBe('not-dead');
    expect(await store.redeliver('00000000-0000-4000-8000-000000000000', at(100_000))).toBe('not-found');

    const [claim] = await store.claimDue('sender-d', at(100_001), LEASE_MS, 1);
    expect(claim).toMatchObject({ deliveryId: dead!.notificationId, roundAttempt: 1, attemptNumber: dead!.attemptCount + 1 });
    await store.recordSuccess(claim!, 'sender-d', { statusCode: 204 }, at(100_050));
    expect(await log.get(dead!.notificationId)).toMatchObject({ status: 'delivered', deliveredAt: at(100_050).toISOString(), deadReason: null });
  });

  it('ignores the outcome reported by a sender that lost its lease', async () => {
    await store.recordAll(notification, [email], T0);
    const [claim] = await store.claimDue('slow-sender', at(200_000), LEASE_MS, 1);
    const [retaken] = await store.claimDue('fast-sender', at(200_000 + LEASE_MS), LEASE_MS, 1);
    expect(retaken?.deliveryId).toBe(claim!.deliveryId);
    await store.recordFailure(claim!, 'slow-sender', { error: 'late' }, { kind: 'dead' }, at(200_000 + LEASE_MS + 1));
    expect((await log.get(claim!.deliveryId))?.status).toBe('pending');
  });

  it('filters the delivery log by status and recipient', async () => {
    await store.recordAll(notification, [email, webhook], T0);
    const [claim] = await store.claimDue('sender-e', at(1), LEASE_MS, 1);
    await store.recordSuccess(claim!, 'sender-e', { smtpResponse: '250 OK' }, at(2));
    expect((await log.list({ status: 'delivered', limit: 50, offset: 0 })).total).toBe(1);
    expect((await log.list({ status: 'pending', limit: 50, offset: 0 })).total).toBe(1);
    expect((await log.list({ recipient: 'AWA@un.example', limit: 50, offset: 0 })).items.map((item) => item.recipient)).toEqual(['awa@un.example']);
    expect((await log.list({ recipient: 's1', limit: 50, offset: 0 })).items.map((item) => item.channel)).toEqual(['webhook']);
    expect((await log.list({ recipient: 'fp1', limit: 50, offset: 0 })).total).toBe(1);
    expect((await log.list({ recipient: 'nobody@else.example', limit: 50, offset: 0 })).total).toBe(0);
  });
});
