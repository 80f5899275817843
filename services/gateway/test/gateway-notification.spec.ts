import { NOTIFICATION_SUBJECTS } from '@bluehelm/contracts';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeNestService } from './support/fake-nest-service.js';
import { startGateway, type GatewayUnderTest } from './support/gateway-under-test.js';
import { startPrivateNats } from '../../../scripts/lib/private-nats.mjs';
import { testToken } from '../../../scripts/lib/test-tokens.mjs';

type PrivateNats = Awaited<ReturnType<typeof startPrivateNats>>;

const FOCAL_POINT_ID = '1f0e6a52-9b1c-4d7e-8a3f-5c2b1d0e9f8a';
const SUBSCRIPTION_ID = '7c3d2e1f-0a9b-4c8d-9e7f-6a5b4c3d2e1f';
const DEAD_NOTIFICATION_ID = '2b4d6f8a-1c3e-5a7b-9d2f-4e6a8c0b2d4f';
const DELIVERED_NOTIFICATION_ID = '8e6c4a2b-0d9f-5e7c-8b3a-1f2e3d4c5b6a';
const UNKNOWN_ID = '0d9e1b52-7a43-4c8e-8f0e-3a2b6c1d4e5f';
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

/** Every notification route allows admins; the actor of a change is the token's subject. */
const ADMIN = 'admin-1';
const authorization = `Bearer ${await testToken({ sub: ADMIN, roles: ['admin'] })}`;

const focalPoint = { mission: 'MINUSMA', name: 'Focal Point Name', email: 'focal.point@example.org', role: 'mission focal point' };
const webhook = { channel: 'webhook', url: 'https://receiver.example.org/bluehelm', filters: { nationalities: ['SEN'] } };

function problem(status: number, kind: string, extra: object = {}): object {
  return { type: `https://bluehelm.example/problems/${kind}`, title: kind, status, detail: `${kind}.`, ...extra };
}

function notificationView(notificationId: string, status: string): object {
  return { notificationId, status, attempts: [], attemptCount: 8 };
}

/** Answers like the notification service, for one focal point, one subscription and two notifications. */
function notificationAnswer(subject: string, message: unknown): unknown {
  const { id, body, limit, offset } = message as { id?: string; body?: Record<string, unknown>; limit?: number; offset?: number };
  const page = { items: [], total: 0, limit, offset };
  switch (subject) {
    case NOTIFICATION_SUBJECTS.focalPoints.create:
      return { focalPointId: FOCAL_POINT_ID, ...body, registeredAt: '2026-11-23T10:00:00.000Z', registeredBy: 'someone' };
    case NOTIFICATION_SUBJECTS.subscriptions.create:
      return { subscriptionId: SUBSCRIPTION_ID, ...body, secret: SECRET };
    case NOTIFICATION_SUBJECTS.focalPoints.list:
    case NOTIFICATION_SUBJECTS.subscriptions.list:
    case NOTIFICATION_SUBJECTS.notifications.list:
      return page;
    case NOTIFICATION_SUBJECTS.focalPoints.get:
      return id === FOCAL_POINT_ID ? { focalPointId: id, ...focalPoint } : problem(404, 'not-found');
    case NOTIFICATION_SUBJECTS.subscriptions.get:
      return id === SUBSCRIPTION_ID ? { subscriptionId: id, channel: 'webhook' } : problem(404, 'not-found');
    case NOTIFICATION_SUBJECTS.focalPoints.delete:
    case NOTIFICATION_SUBJECTS.subscriptions.delete:
      return id === FOCAL_POINT_ID || id === SUBSCRIPTION_ID ? { id, removed: true } : problem(404, 'not-found');
    case NOTIFICATION_SUBJECTS.notifications.get:
      return id === DEAD_NOTIFICATION_ID ? notificationView(id, 'dead') : problem(404, 'not-found');
    case NOTIFICATION_SUBJECTS.notifications.redeliver:
      if (id === DEAD_NOTIFICATION_ID) return notificationView(id, 'pending');
      return id === DELIVERED_NOTIFICATION_ID ? problem(409, 'rule-violation', { code: 'not-a-dead-letter' }) : problem(404, 'not-found');
    default:
      return problem(500, 'internal');
  }
}

const ALL_SUBJECTS = Object.values(NOTIFICATION_SUBJECTS).flatMap((subjects) => Object.values(subjects));

describe('the gateway’s notification routes', () => {
  let nats: PrivateNats;
  let gateway: GatewayUnderTest;

  beforeAll(async () => {
    nats = await startPrivateNats();
    gateway = await startGateway(nats.url, { NATS_REQUEST_TIMEOUT_MS: '1000' });
  });

  afterAll(async () => {
    await gateway?.stop();
    await nats?.stop();
  });

  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${gateway.url}${path}`, {
      method,
      headers: { ...(body !== undefined && { 'content-type': 'application/json' }), authorization, ...headers },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });

  it('is 503 problem while the notification service is not running', async () => {
    const response = await send('GET', '/v1/focal-points');
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  describe('with the notification service running', () => {
    let notification: FakeNestService;

    beforeAll(async () => {
      notification = await FakeNestService.start(nats.url, 'notification', ALL_SUBJECTS, notificationAnswer);
    });

    afterAll(async () => {
      await notification?.stop();
    });

    const lastOn = (subject: string) => notification.messagesOn(subject).at(-1);

    it('registers a focal point: the body with who asked, answered 201 with its Location', async () => {
      const response = await send('POST', '/v1/focal-points', focalPoint, { 'bluehelm-correlation-id': 'fp-1' });
      expect(response.status).toBe(201);
      expect(response.headers.get('location')).toBe(`/v1/focal-points/${FOCAL_POINT_ID}`);
      expect(await response.json()).toMatchObject({ focalPointId: FOCAL_POINT_ID, ...focalPoint });
      expect(lastOn(NOTIFICATION_SUBJECTS.focalPoints.create)).toEqual({ actor: ADMIN, correlationId: 'fp-1', body: focalPoint });
      expect(notification.lastHeadersOn(NOTIFICATION_SUBJECTS.focalPoints.create)).toMatchObject({ authorization, correlationId: 'fp-1' });
    });

    it('lists, reads and removes focal points', async () => {
      const list = await send('GET', '/v1/focal-points?mission=UNIFIL&limit=20&offset=40');
      expect(await list.json()).toEqual({ items: [], total: 0, limit: 20, offset: 40 });
      expect(lastOn(NOTIFICATION_SUBJECTS.focalPoints.list)).toEqual({ mission: 'UNIFIL', limit: 20, offset: 40 });

      const one = await send('GET', `/v1/focal-points/${FOCAL_POINT_ID.toUpperCase()}`);
      expect(one.status).toBe(200);
      expect(lastOn(NOTIFICATION_SUBJECTS.focalPoints.get)).toEqual({ id: FOCAL_POINT_ID });

      const removed = await send('DELETE', `/v1/focal-points/${FOCAL_POINT_ID}`, undefined, { 'x-actor': 'admin-2' });
      expect(removed.status).toBe(200);
      expect(await removed.json()).toEqual({ id: FOCAL_POINT_ID, removed: true });
      // The X-Actor header is ignored: the actor is the token's subject.
      expect(lastOn(NOTIFICATION_SUBJECTS.focalPoints.delete)).toMatchObject({ id: FOCAL_POINT_ID, actor: ADMIN });
      expect(notification.lastHeadersOn(NOTIFICATION_SUBJECTS.focalPoints.delete)?.authorization).toBe(authorization);
    });

    it('passes the service’s 404 on for an unknown focal point, subscription or notification', async () => {
      for (const path of [`/v1/focal-points/${UNKNOWN_ID}`, `/v1/subscriptions/${UNKNOWN_ID}`, `/v1/notifications/${UNKNOWN_ID}`]) {
        const response = await send('GET', path);
        expect(response.status).toBe(404);
        expect(await response.json()).toMatchObject({ type: 'https://bluehelm.example/problems/not-found' });
      }
      expect((await send('DELETE', `/v1/subscriptions/${UNKNOWN_ID}`)).status).toBe(404);
    });

    it('creates a subscription and answers its secret once, never to be cached', async () => {
      const response = await send('POST', '/v1/subscriptions', webhook);
      expect(response.status).toBe(201);
      expect(response.headers.get('location')).toBe(`/v1/subscriptions/${SUBSCRIPTION_ID}`);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.json()).toMatchObject({ subscriptionId: SUBSCRIPTION_ID, secret: SECRET });
      expect(lastOn(NOTIFICATION_SUBJECTS.subscriptions.create)).toEqual({ actor: ADMIN, correlationId: expect.any(String), body: webhook });
    });

    it('lists, reads and cancels subscriptions', async () => {
      await send('GET', '/v1/subscriptions?channel=email&mission=MINUSCA');
      expect(lastOn(NOTIFICATION_SUBJECTS.subscriptions.list)).toEqual({ channel: 'email', mission: 'MINUSCA', limit: 50, offset: 0 });
      expect(await (await send('GET', `/v1/subscriptions/${SUBSCRIPTION_ID}`)).json()).toEqual({ subscriptionId: SUBSCRIPTION_ID, channel: 'webhook' });
      const cancelled = await send('DELETE', `/v1/subscriptions/${SUBSCRIPTION_ID}`);
      expect(await cancelled.json()).toEqual({ id: SUBSCRIPTION_ID, removed: true });
      expect(lastOn(NOTIFICATION_SUBJECTS.subscriptions.delete)).toMatchObject({ id: SUBSCRIPTION_ID, actor: ADMIN });
      expect(notification.lastHeadersOn(NOTIFICATION_SUBJECTS.subscriptions.delete)?.authorization).toBe(authorization);
    });

    it('sends the delivery log query with its filters and defaults', async () => {
      const response = await send('GET', `/v1/notifications?status=dead&recipient=ops@example.org&eventId=${UNKNOWN_ID}`);
      expect(response.status).toBe(200);
      expect(lastOn(NOTIFICATION_SUBJECTS.notifications.list)).toEqual({
        status: 'dead',
        recipient: 'ops@example.org',
        eventId: UNKNOWN_ID,
        limit: 50,
        offset: 0,
      });
      expect(await (await send('GET', `/v1/notifications/${DEAD_NOTIFICATION_ID}`)).json()).toMatchObject({ status: 'dead' });
    });

    it('redelivers a dead letter and passes the 409 of one that is not dead on', async () => {
      const redelivered = await send('POST', `/v1/notifications/${DEAD_NOTIFICATION_ID}/redeliver`);
      expect(redelivered.status).toBe(200);
      expect(await redelivered.json()).toMatchObject({ notificationId: DEAD_NOTIFICATION_ID, status: 'pending' });
      expect(lastOn(NOTIFICATION_SUBJECTS.notifications.redeliver)).toMatchObject({ id: DEAD_NOTIFICATION_ID, actor: ADMIN });

      const refused = await send('POST', `/v1/notifications/${DELIVERED_NOTIFICATION_ID}/redeliver`);
      expect(refused.status).toBe(409);
      expect(await refused.json()).toMatchObject({ status: 409, code: 'not-a-dead-letter' });
    });

    it.each([
      ['POST', '/v1/focal-points', { mission: 'MINUSXX', name: 'N', email: 'not-an-address' }, ['email', 'mission', 'role']],
      ['POST', '/v1/subscriptions', { channel: 'sms', filters: { missions: 'MINUSMA' } }, ['channel', 'filters.missions']],
      ['POST', '/v1/subscriptions', { channel: 'webhook' }, ['url']],
      ['GET', '/v1/focal-points?limit=0&mission=MINUSXX', undefined, ['limit', 'mission']],
      ['GET', '/v1/subscriptions?channel=sms&offset=-1', undefined, ['channel', 'offset']],
      ['GET', '/v1/notifications?status=failed&eventId=event-1&limit=501', undefined, ['eventId', 'limit', 'status']],
    ])('refuses %s %s with 422 and the failing paths, without asking the service', async (method, path, body, paths) => {
      const before = notification.received.length;
      const response = await send(method, path, body);
      expect(response.status).toBe(422);
      const problemBody = (await response.json()) as { errors: { path: string }[] };
      expect([...new Set(problemBody.errors.map((error) => error.path))].sort()).toEqual(paths);
      expect(notification.received).toHaveLength(before);
    });

    it('refuses an id that is no UUID, and a body that is no JSON, without asking the service', async () => {
      const before = notification.received.length;
      const badId = await send('POST', '/v1/notifications/n-1/redeliver');
      expect(badId.status).toBe(400);
      expect(await badId.json()).toMatchObject({ errors: [{ path: 'id' }] });
      expect((await send('DELETE', '/v1/focal-points/fp-1')).status).toBe(400);
      const notJson = await fetch(`${gateway.url}/v1/subscriptions`, { method: 'POST', headers: { authorization }, body: 'channel=email' });
      expect(notJson.status).toBe(415);
      expect(notification.received).toHaveLength(before);
    });
  });
});
