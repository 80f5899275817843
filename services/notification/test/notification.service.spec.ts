import { authorizedMessage } from '@bluehelm/service-kit/testing';
import { ALL_ACCESS_CLAIMS, testToken } from '../../../scripts/lib/test-tokens.mjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  NOTIFICATION_SUBJECTS,
  type CreatedSubscriptionView,
  type FocalPointList,
  type FocalPointView,
  type NotificationList,
  type NotificationView,
  type ProblemReply,
  type SubscriptionView,
} from '@bluehelm/contracts';
import { connectNats, NatsRequestClient, type IntegrationEvent } from '@bluehelm/messaging';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { firstValueFrom } from 'rxjs';
import { deliveryIdOf } from '../src/deliveries/delivery-id.js';
import { stallReminderId } from '../src/rules/stall-reminder.rule.js';
import { caseEvent, incidentReported, publishEvent } from './integration-events.publisher.js';
import { startNotification, type NotificationProcess } from './notification.process.js';
import { startPrivateNats as startPrivateNatsServer } from '../../../scripts/lib/private-nats.mjs';

type PrivateNatsServer = Awaited<ReturnType<typeof startPrivateNatsServer>>;
import { SmtpReceiver } from './smtp.receiver.js';
import { WebhookReceiver } from './webhook.receiver.js';

// The service runs from dist, as in production, with a nats-server, a sqlite event log and a
// sqlite delivery database of its own; events arrive on JetStream as the relays publish them,
// webhooks at a real HTTP receiver that verifies signatures, e-mail at a real SMTP server.

const FOCAL_POINT = 'fp-minusma@un.example';
const KILL_FOCAL_POINT = 'fp-monusco@un.example';

async function eventually(check: () => void | Promise<void>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function daysSince(day: string): number {
  const today = new Date().toISOString().slice(0, 10);
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000);
}


/** Every role and clearance: these tests are about the service, not about access. */
const token = await testToken({ ...ALL_ACCESS_CLAIMS, sub: 'admin' });
describe('the notification service', () => {
  let nats: PrivateNatsServer;
  let dataDir: string;
  let env: Record<string, string>;
  let service: NotificationProcess;
  let connection: NatsConnection;
  let js: JetStreamClient;
  let client: NatsRequestClient;
  let webhooks: WebhookReceiver;
  let smtp: SmtpReceiver;
  const subscriptions = new Map<string, CreatedSubscriptionView>();

  const ask = <Reply>(subject: string, message: unknown) => firstValueFrom(client.send<Reply | ProblemReply>(subject, authorizedMessage(message, token)));

  async function subscribeWebhook(path: string, filters: Record<string, unknown>): Promise<CreatedSubscriptionView> {
    const created = (await ask<CreatedSubscriptionView>(NOTIFICATION_SUBJECTS.subscriptions.create, {
      actor: 'hq-desk',
      body: { channel: 'webhook', url: webhooks.url(path), filters },
    })) as CreatedSubscriptionView;
    if (created.secret === undefined) throw new Error(`no subscription: ${JSON.stringify(created)}`);
    webhooks.trust(path, created.secret);
    subscriptions.set(path, created);
    return created;
  }

  async function registerFocalPoint(mission: string, email: string): Promise<FocalPointView> {
    return (await ask<FocalPointView>(NOTIFICATION_SUBJECTS.focalPoints.create, {
      actor: 'admin',
      body: { mission, name: `Focal point ${mission}`, email, role: 'mission focal point' },
    })) as FocalPointView;
  }

  const webhookIdFor = (event: IntegrationEvent, path: string) => deliveryIdOf(event.id, `webhook:${subscriptions.get(path)!.subscriptionId}`);

  beforeAll(async () => {
    nats = await startPrivateNatsServer();
    webhooks = await WebhookReceiver.start();
    smtp = await SmtpReceiver.start();
    dataDir = mkdtempSync(join(tmpdir(), 'bluehelm-notification-'));
    env = {
      NATS_URL: nats.url,
      EVENT_STORE_URL: `sqlite:${join(dataDir, 'events.db')}`,
      NOTIFICATION_DB_URL: `sqlite:${join(dataDir, 'notification.db')}`,
      SMTP_URL: smtp.url,
      DELIVERY_MAX_ATTEMPTS: '3',
      DELIVERY_BACKOFF_INITIAL_MS: '300',
      DELIVERY_BACKOFF_MAX_MS: '1000',
      DELIVERY_TIMEOUT_MS: '3000',
      DELIVERY_POLL_MS: '100',
      DELIVERY_CONCURRENCY: '4',
      EVENTS_ACK_WAIT_MS: '2000',
      STALL_CHECK_INTERVAL_MS: '300',
    };
    service = await startNotification(env);
    connection = await connectNats({ url: nats.url, name: 'notification-test' });
    js = jetstream(connection);
    client = new NatsRequestClient({ url: nats.url, name: 'notification-test-client', requestTimeoutMs: 5_000 });
    await client.connect();
  }, 60_000);

  afterAll(async () => {
    await client?.close();
    await connection?.drain();
    await service?.stop();
    await webhooks?.close();
    await smtp?.close();
    await nats?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('registers focal points and subscriptions, and shows a webhook secret only when it is created', async () => {
    const focalPoint = await registerFocalPoint('MINUSMA', FOCAL_POINT);
    expect(focalPoint).toMatchObject({ mission: 'MINUSMA', email: FOCAL_POINT, registeredBy: 'admin' });
    const sen = await subscribeWebhook('sen', { nationalities: ['SEN'] });
    await subscribeWebhook('bgd', { nationalities: ['BGD'] });

    expect(sen.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const read = await ask<SubscriptionView>(NOTIFICATION_SUBJECTS.subscriptions.get, { id: sen.subscriptionId });
    // Recorded under the verified token's subject, not the actor the message names.
    expect(read).toMatchObject({ subscriptionId: sen.subscriptionId, channel: 'webhook', createdBy: 'admin' });
    expect(read).not.toHaveProperty('secret');
    const list = await ask<FocalPointList>(NOTIFICATION_SUBJECTS.focalPoints.list, { mission: 'MINUSMA' });
    expect(list).toMatchObject({ total: 1, items: [{ focalPointId: focalPoint.focalPointId }] });

    const invalid = await ask(NOTIFICATION_SUBJECTS.focalPoints.create, { actor: 'admin', body: { mission: 'NOPE', name: 'x', email: 'not-mail', role: 'r' } });
    expect(invalid).toMatchObject({ status: 422 });
    expect((invalid as ProblemReply).errors?.map((error) => error.path).sort()).toEqual(['email', 'mission']);
    expect(await ask(NOTIFICATION_SUBJECTS.subscriptions.get, { id: 'no-such-subscription' })).toMatchObject({ status: 404 });
  });

  it('tells a fatality to the focal point by e-mail and to the nationality subscriber by webhook, exactly once', async () => {
    const fatality = incidentReported('MINUSMA', 'MLI', [
      { personnelType: 'military', nationality: 'SEN', outcome: 'killed' },
      { personnelType: 'military', nationality: 'TCD', outcome: 'injured' },
    ]);
    await publishEvent(js, fatality);
    // The same event again under another message id, as a relay republishing after JetStream's duplicate window.
    await publishEvent(js, fatality, `${fatality.id}-republished`);

    const emailId = deliveryIdOf(fatality.id, `email:${FOCAL_POINT}`);
    await eventually(() => {
      expect(smtp.received.filter((email) => email.notificationId === emailId)).toHaveLength(1);
      expect(webhooks.receivedAt('sen').filter((webhook) => webhook.webhookId === webhookIdFor(fatality, 'sen'))).toHaveLength(1);
    });
    await sleep(1_000);

    const [email] = smtp.received.filter((received) => received.notificationId === emailId);
    expect(email).toMatchObject({ to: [FOCAL_POINT], messageId: `<${emailId}@notification.bluehelm>` });
    expect(email?.subject).toBe('[Bluehelm] Fatality: 1 killed, MINUSMA, 2020-03-14');
    const received = webhooks.receivedAt('sen').filter((webhook) => webhook.webhookId === webhookIdFor(fatality, 'sen'));
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ verified: true, body: { type: 'fatality.reported', data: { eventId: fatality.id, fatalities: 1 } } });
    expect(JSON.stringify(received[0]?.body)).not.toContain('Casualty 1');
    expect(webhooks.receivedAt('bgd')).toHaveLength(0);
    expect(smtp.received.filter((received) => received.notificationId === emailId)).toHaveLength(1);

    const log = (await ask<NotificationList>(NOTIFICATION_SUBJECTS.notifications.list, { eventId: fatality.id })) as NotificationList;
    expect(log.total).toBe(2);
    expect(log.items.map((item) => [item.channel, item.status, item.attempts.map((attempt) => attempt.outcome)])).toEqual(
      expect.arrayContaining([
        ['email', 'delivered', ['delivered']],
        ['webhook', 'delivered', ['delivered']],
      ]),
    );
  });

  it('tells case steps to the subscribers of the case and of its host state, and reminds the focal point of a stalled case once', async () => {
    const incident = incidentReported('MINUSMA', 'MLI', [{ personnelType: 'police', nationality: 'NER', outcome: 'injured' }]);
    const caseId = (incident.data as { caseId: string }).caseId;
    await subscribeWebhook('case', { caseIds: [caseId] });
    await subscribeWebhook('mli-referrals', { hostStates: ['MLI'], eventTypes: ['CaseReferred'] });
    const opened = caseEvent(caseId, 0, 'CaseOpened', { caseId, incidentId: 'x', mission: 'MINUSMA', hostState: 'MLI', openedOn: '2020-03-14' });
    const referred = caseEvent(caseId, 1, 'CaseReferred', { on: '2020-04-01', authority: 'Pôle judiciaire spécialisé' });
    await publishEvent(js, incident);
    await publishEvent(js, opened);
    await publishEvent(js, referred);

    await eventually(() => {
      expect([...webhooks.distinctIdsAt('case')].sort()).toEqual([webhookIdFor(opened, 'case'), webhookIdFor(referred, 'case')].sort());
      expect([...webhooks.distinctIdsAt('mli-referrals')]).toEqual([webhookIdFor(referred, 'mli-referrals')]);
    });
    const step = webhooks.receivedAt('case').find((webhook) => webhook.webhookId === webhookIdFor(referred, 'case'));
    expect(step).toMatchObject({ verified: true, body: { type: 'case.step-recorded', data: { caseId, eventType: 'CaseReferred', on: '2020-04-01', mission: 'MINUSMA' } } });

    const reminderId = stallReminderId(caseId, '2020-04-01', Math.floor(daysSince('2020-04-01') / 180));
    const reminderEmailId = deliveryIdOf(reminderId, `email:${FOCAL_POINT}`);
    await eventually(() => expect(smtp.received.filter((email) => email.notificationId === reminderEmailId)).toHaveLength(1));
    // Several more stall checks run in this time; none may remind again within the period.
    await sleep(1_500);
    expect(smtp.received.filter((email) => email.notificationId === reminderEmailId)).toHaveLength(1);
    expect(smtp.received.find((email) => email.notificationId === reminderEmailId)?.subject).toBe(
      `[Bluehelm] Case ${caseId} has had no step since 2020-04-01`,
    );
  });

  it('retries a failing receiver with growing delays, makes a dead letter, and delivers it when asked to redeliver', async () => {
    webhooks.behave('npl', { status: 503 });
    const subscription = await subscribeWebhook('npl', { nationalities: ['NPL'] });
    const fatality = incidentReported('UNIFIL', 'LBN', [{ personnelType: 'military', nationality: 'NPL', outcome: 'killed' }]);
    await publishEvent(js, fatality);

    const notificationId = webhookIdFor(fatality, 'npl');
    let dead: NotificationView | undefined;
    await eventually(async () => {
      dead = (await ask<NotificationView>(NOTIFICATION_SUBJECTS.notifications.get, { id: notificationId })) as NotificationView;
      expect(dead.status).toBe('dead');
    });
    expect(dead).toMatchObject({ recipient: webhooks.url('npl'), deadReason: 'the receiver answered 503', sources: [{ kind: 'subscription', id: subscription.subscriptionId }] });
    expect(dead?.attempts.map((attempt) => [attempt.number, attempt.outcome, attempt.statusCode])).toEqual([
      [1, 'failed', 503],
      [2, 'failed', 503],
      [3, 'failed', 503],
    ]);
    const started = dead!.attempts.map((attempt) => Date.parse(attempt.startedAt));
    // Backoff with equal jitter: at least half of 300 ms, then at least half of 600 ms.
    expect(started[1]! - started[0]!).toBeGreaterThanOrEqual(150);
    expect(started[2]! - started[1]!).toBeGreaterThanOrEqual(300);
    const deadLetters = (await ask<NotificationList>(NOTIFICATION_SUBJECTS.notifications.list, { status: 'dead' })) as NotificationList;
    expect(deadLetters.items.map((item) => item.notificationId)).toContain(notificationId);

    webhooks.behave('npl', { status: 200 });
    const redelivered = await ask<NotificationView>(NOTIFICATION_SUBJECTS.notifications.redeliver, { id: notificationId, actor: 'hq-desk' });
    expect(redelivered).toMatchObject({ notificationId, deadAt: null });
    await eventually(async () => {
      const view = (await ask<NotificationView>(NOTIFICATION_SUBJECTS.notifications.get, { id: notificationId })) as NotificationView;
      expect(view.status).toBe('delivered');
      expect(view.attempts.map((attempt) => attempt.outcome)).toEqual(['failed', 'failed', 'failed', 'delivered']);
    });
    expect(webhooks.receivedAt('npl')).toEqual([expect.objectContaining({ webhookId: notificationId, verified: true })]);
    expect(await ask(NOTIFICATION_SUBJECTS.notifications.redeliver, { id: notificationId, actor: 'hq-desk' })).toMatchObject({
      status: 409,
      code: 'not-a-dead-letter',
    });
  });

  it('delivers each notification exactly once in effect when killed with SIGKILL mid-delivery and restarted', async () => {
    await registerFocalPoint('MONUSCO', KILL_FOCAL_POINT);
    await subscribeWebhook('slow', { nationalities: ['BFA'] });
    webhooks.behave('slow', { delayMs: 1_500 });
    smtp.delayMs = 1_000;
    const fatalities = Array.from({ length: 8 }, () =>
      incidentReported('MONUSCO', 'COD', [{ personnelType: 'military', nationality: 'BFA', outcome: 'killed' }]),
    );
    for (const fatality of fatalities) await publishEvent(js, fatality);

    await eventually(() => expect(webhooks.arrivals.filter((path) => path === 'slow').length).toBeGreaterThanOrEqual(2), 20_000);
    await service.kill();
    webhooks.behave('slow', { delayMs: 100 });
    smtp.delayMs = 0;
    service = await startNotification(env);

    const expectedWebhooks = new Set(fatalities.map((fatality) => webhookIdFor(fatality, 'slow')));
    const expectedEmails = new Set(fatalities.map((fatality) => deliveryIdOf(fatality.id, `email:${KILL_FOCAL_POINT}`)));
    const emailIds = () => new Set(smtp.to(KILL_FOCAL_POINT).map((email) => email.notificationId));
    await eventually(() => {
      expect(webhooks.distinctIdsAt('slow')).toEqual(expectedWebhooks);
      expect(emailIds()).toEqual(expectedEmails);
    }, 45_000);
    expect(webhooks.receivedAt('slow').every((webhook) => webhook.verified)).toBe(true);

    const log = (await ask<NotificationList>(NOTIFICATION_SUBJECTS.notifications.list, { recipient: subscriptions.get('slow')!.subscriptionId })) as NotificationList;
    expect(log.total).toBe(8);
    await eventually(async () => {
      const emails = (await ask<NotificationList>(NOTIFICATION_SUBJECTS.notifications.list, { recipient: KILL_FOCAL_POINT })) as NotificationList;
      expect(emails.items.filter((item) => item.status === 'delivered')).toHaveLength(8);
    });
    const attempts = log.items.flatMap((item) => item.attempts.map((attempt) => attempt.outcome));
    expect(attempts).toContain('interrupted');
  }, 90_000);
});
