// The NATS users and permissions of a deployment (libs/messaging/src/nats-permissions.ts) on a real
// nats-server started with the generated configuration: each user connects with its own
// credentials, may do what its service does, and is refused the subjects of the others.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  BLUEHELM_SERVICE_MESSAGING,
  BLUEHELM_TOPOLOGY,
  connectNats,
  deadLetterSubject,
  DEFAULT_LEASE_BUCKET,
  DurableEventConsumer,
  encodeIntegrationEvent,
  ensureDeadLetterStream,
  ensureEventsStream,
  InMemoryProcessedEventLog,
  integrationEventSubject,
  LeaderLease,
  leaseHolderId,
  MISSION_SYSTEM_USER,
  NATS_USERS,
  natsPasswordVariable,
  openLeaseBucket,
  relayLeaseKey,
  type IntegrationEvent,
  type NatsUser,
} from '@bluehelm/messaging';
import {
  ANALYTICS_INDICATORS_CHANGED_SUBJECT,
  CASE_STREAM_CATEGORY,
  CASE_TRACKING_SUBJECTS,
  INCIDENT_REPORTED,
  INCIDENT_STREAM_CATEGORY,
  INTAKE_SUBJECTS,
} from '@bluehelm/contracts';
import { AckPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { PermissionViolationError, type NatsConnection } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort } from '../scripts/lib/free-port.mjs';
import { startNatsServer } from '../scripts/lib/nats-server-process.mjs';
import { stopChild } from '../scripts/lib/prefixed-child.mjs';
import { startPrivateNats } from '../scripts/lib/private-nats.mjs';
import { expectRefused, listen, recordViolations, refusal, until, type UserConnection } from './support/nats-probes.js';

type PrivateNats = Awaited<ReturnType<typeof startPrivateNats>>;
type PermissionsConfig = NonNullable<PrivateNats['permissions']>;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EVENTS = BLUEHELM_TOPOLOGY.eventsStream;

function incidentEvent(): IntegrationEvent {
  const streamName = `${INCIDENT_STREAM_CATEGORY}-${randomUUID()}`;
  return { id: randomUUID(), type: INCIDENT_REPORTED, streamName, category: INCIDENT_STREAM_CATEGORY, revision: 0, position: 1, data: {}, metadata: {} };
}

describe('NATS permissions: every user on a nats-server with the deployed configuration', () => {
  let nats: PrivateNats;
  let permissions: PermissionsConfig;
  let admin: NatsConnection;
  const opened: NatsConnection[] = [];

  const connectAs = async (user: NatsUser): Promise<UserConnection> => {
    const credentials = permissions.credentials[user];
    if (!credentials) throw new Error(`the configuration has no user ${user}`);
    const nc = await connectNats({ url: nats.url, name: `permissions-test-${user}`, user: credentials.NATS_USER, pass: credentials.NATS_PASSWORD });
    opened.push(nc);
    return { nc, violations: recordViolations(nc) };
  };

  /** Publishes as the user and shows the server refused it (a violation reported to that connection). */
  const expectPublishRefused = async (user: UserConnection, subject: string): Promise<void> => {
    user.nc.publish(subject, '{}');
    await user.nc.flush();
    await until(() => user.violations.some((error) => error.operation === 'publish' && error.subject === subject), `the refusal of ${subject}`);
  };

  beforeAll(async () => {
    nats = await startPrivateNats({ withPermissions: true });
    permissions = nats.permissions as PermissionsConfig;
    admin = await connectNats({ url: nats.url, name: 'permissions-test-admin', user: permissions.admin.user, pass: permissions.admin.pass });
    opened.push(admin);
  }, 30_000);

  afterAll(async () => {
    await Promise.allSettled(opened.map((nc) => nc.close()));
    await nats?.stop();
  });

  it('admits a user only with its own password', async () => {
    const intake = permissions.credentials['intake'];
    const gateway = permissions.credentials['gateway'];
    expect(intake && gateway).toBeDefined();
    const wrongPassword = await refusal(connectNats({ url: nats.url, name: 'wrong', user: intake?.NATS_USER ?? '', pass: gateway?.NATS_PASSWORD ?? '' }));
    const noUser = await refusal(connectNats({ url: nats.url, name: 'anonymous' }));
    expect(String(wrongPassword)).toMatch(/Authorization Violation/i);
    expect(String(noUser)).toMatch(/Authorization Violation/i);
  });

  it('lets intake relay incident events and hold its relay lease, but not write case events or the case relay lease', async () => {
    const intake = await connectAs('intake');
    await ensureEventsStream(await jetstreamManager(intake.nc));
    const js = jetstream(intake.nc);
    const event = incidentEvent();
    const ack = await js.publish(integrationEventSubject('bluehelm', INCIDENT_STREAM_CATEGORY, INCIDENT_REPORTED), encodeIntegrationEvent(event), { msgID: event.id });
    expect(ack.stream).toBe(EVENTS);

    const kv = await openLeaseBucket(js);
    const lease = (key: string) => new LeaderLease({ kv, key, holder: leaseHolderId('permissions-test'), durationMs: 10_000 });
    const held = await lease(relayLeaseKey([INCIDENT_STREAM_CATEGORY])).tryAcquire();
    expect(held?.isHeld()).toBe(true);
    await held?.release();

    const caseEvent = integrationEventSubject('bluehelm', CASE_STREAM_CATEGORY, 'CaseOpened');
    await expectRefused(js.publish(caseEvent, '{}'), caseEvent);
    // Refused the write, then the read of the key that follows it.
    await expectRefused(lease(relayLeaseKey([CASE_STREAM_CATEGORY])).tryAcquire(), new RegExp(`\\$KV\\.${DEFAULT_LEASE_BUCKET}\\.relay-case$`));
    expect(await (await jetstreamManager(admin)).streams.getMessage(EVENTS, { last_by_subj: caseEvent })).toBeNull();
  });

  it('lets case-tracking and notification consume with their own durables and dead-letter, and not with each other’s', async () => {
    const caseTracking = await connectAs('case-tracking');
    const notification = await connectAs('notification');
    const intake = await connectAs('intake');
    const consumers: DurableEventConsumer[] = [];
    const handled = new Map<string, string[]>();
    const consume = async (user: UserConnection, service: 'case-tracking' | 'notification') => {
      const jsm = await jetstreamManager(user.nc);
      await ensureEventsStream(jsm);
      await ensureDeadLetterStream(jsm);
      const [use] = BLUEHELM_SERVICE_MESSAGING[service].consumers;
      if (use === undefined) throw new Error(`${service} has no durable consumer in the table`);
      const consumer = new DurableEventConsumer({
        jetstream: jetstream(user.nc),
        stream: EVENTS,
        durable: use.durable,
        filterSubject: use.filterSubject,
        processedEvents: new InMemoryProcessedEventLog(),
        handler: async (event) => void handled.set(service, [...(handled.get(service) ?? []), event.id]),
      });
      await consumer.start();
      consumers.push(consumer);
      return consumer;
    };
    try {
      const caseConsumer = await consume(caseTracking, 'case-tracking');
      const notificationConsumer = await consume(notification, 'notification');
      const event = incidentEvent();
      const subject = integrationEventSubject('bluehelm', INCIDENT_STREAM_CATEGORY, INCIDENT_REPORTED);
      await jetstream(intake.nc).publish(subject, encodeIntegrationEvent(event), { msgID: event.id });
      // Not an integration event: each consumer dead-letters it on its own subject.
      await jetstream(intake.nc).publish(subject, 'not an event', { msgID: randomUUID() });
      await until(() => (handled.get('case-tracking') ?? []).includes(event.id) && (handled.get('notification') ?? []).includes(event.id), 'both consumers');
      await until(() => caseConsumer.status().deadLetteredCount === 1 && notificationConsumer.status().deadLetteredCount === 1, 'the dead letters');
      const adminJsm = await jetstreamManager(admin);
      for (const durable of ['case-tracking-incidents', 'notification']) {
        expect(await adminJsm.streams.getMessage(BLUEHELM_TOPOLOGY.deadLetterStream, { last_by_subj: deadLetterSubject('bluehelm', durable) })).not.toBeNull();
      }
      expect(caseConsumer.status().failedCount + notificationConsumer.status().failedCount).toBe(0);
    } finally {
      await Promise.all(consumers.map((consumer) => consumer.stop()));
    }

    const incidents = integrationEventSubject('bluehelm', INCIDENT_STREAM_CATEGORY, INCIDENT_REPORTED);
    const takeover = (await jetstreamManager(notification.nc)).consumers.add(EVENTS, {
      durable_name: 'case-tracking-incidents',
      ack_policy: AckPolicy.Explicit,
      filter_subject: incidents,
    });
    await expectRefused(takeover, `$JS.API.CONSUMER.CREATE.${EVENTS}.case-tracking-incidents.${incidents}`);
    const pull = `$JS.API.CONSUMER.MSG.NEXT.${EVENTS}.case-tracking-incidents`;
    await expectRefused(notification.nc.request(pull, '{"batch":1}'), pull);
    await expectRefused(jetstream(caseTracking.nc).publish(deadLetterSubject('bluehelm', 'notification'), '{}'), deadLetterSubject('bluehelm', 'notification'));
    await expectRefused(jetstream(caseTracking.nc).publish(incidents, '{}'), incidents);
    const caseEvent = await jetstream(caseTracking.nc).publish(integrationEventSubject('bluehelm', CASE_STREAM_CATEGORY, 'CaseOpened'), '{}');
    expect(caseEvent.stream).toBe(EVENTS);
  });

  it('lets analytics publish its indicator changes to the gateway, and no service publish events or subjects not its own', async () => {
    const analytics = await connectAs('analytics');
    const gateway = await connectAs('gateway');
    const intake = await connectAs('intake');
    const notification = await connectAs('notification');
    const indicators = await listen(gateway.nc, ANALYTICS_INDICATORS_CHANGED_SUBJECT);
    const caseEvents = await listen(admin, 'bluehelm.events.case.>');

    analytics.nc.publish(ANALYTICS_INDICATORS_CHANGED_SUBJECT, '{"from":"analytics"}');
    await analytics.nc.flush();
    await until(() => indicators.received.length === 1, 'the indicator change');

    await expectPublishRefused(analytics, 'bluehelm.events.case.CaseOpened');
    await expectPublishRefused(intake, 'bluehelm.events.case.CaseOpened');
    await expectPublishRefused(notification, 'bluehelm.events.incident.IncidentReported');
    await expectPublishRefused(gateway, 'bluehelm.events.case.CaseOpened');
    await expectPublishRefused(intake, ANALYTICS_INDICATORS_CHANGED_SUBJECT);
    await expectPublishRefused(gateway, ANALYTICS_INDICATORS_CHANGED_SUBJECT);
    await Promise.all([indicators.settled(), caseEvents.settled()]);
    expect(indicators.received.map((message) => message.string())).toEqual(['{"from":"analytics"}']);
    expect(caseEvents.received).toEqual([]);
  });

  it('lets only the gateway and mission systems send requests, and each service serve and answer only its own subjects', async () => {
    const intake = await connectAs('intake');
    const caseTracking = await connectAs('case-tracking');
    const notification = await connectAs('notification');
    const gateway = await connectAs('gateway');
    const mission = await connectAs(MISSION_SYSTEM_USER);
    const analytics = await connectAs('analytics');
    intake.nc.subscribe(INTAKE_SUBJECTS.reportIncident, {
      queue: 'intake',
      callback: (_error, message) => {
        message.respond('{"from":"intake"}');
      },
    });
    await intake.nc.flush();

    // Another service cannot take a share of intake's subject: the subscription is refused.
    const intruder = notification.nc.subscribe(INTAKE_SUBJECTS.reportIncident, { queue: 'intake' });
    expect(await intruder.closed).toMatchObject({ operation: 'subscription', subject: INTAKE_SUBJECTS.reportIncident });
    expect(await intruder.closed).toBeInstanceOf(PermissionViolationError);

    for (const requester of [gateway, mission]) {
      const reply = await requester.nc.request(INTAKE_SUBJECTS.reportIncident, '{}', { timeout: 5_000 });
      expect(reply.string()).toBe('{"from":"intake"}');
    }
    await expectRefused(mission.nc.request(CASE_TRACKING_SUBJECTS.referral, '{}', { timeout: 5_000 }), CASE_TRACKING_SUBJECTS.referral);
    await expectRefused(analytics.nc.request(INTAKE_SUBJECTS.reportIncident, '{}', { timeout: 5_000 }), INTAKE_SUBJECTS.reportIncident);
    await expectRefused(caseTracking.nc.request(INTAKE_SUBJECTS.reportIncident, '{}', { timeout: 5_000 }), INTAKE_SUBJECTS.reportIncident);

    // A reply subject is open only to the service the request went to.
    const replies = await listen(gateway.nc, '_INBOX.permissions-test.>');
    const requests = await listen(caseTracking.nc, CASE_TRACKING_SUBJECTS.get);
    gateway.nc.publish(CASE_TRACKING_SUBJECTS.get, '{}', { reply: '_INBOX.permissions-test.1' });
    await gateway.nc.flush();
    await until(() => requests.received.length === 1, 'the request at case-tracking');
    await expectPublishRefused(notification, '_INBOX.permissions-test.1');
    requests.received[0]?.respond('{"from":"case-tracking"}');
    await caseTracking.nc.flush();
    await replies.settled();
    expect(replies.received.map((message) => message.string())).toEqual(['{"from":"case-tracking"}']);
  });
});

describe('NATS permissions: the deployed authorization.conf', () => {
  it('starts a nats-server that takes each password from its environment', async () => {
    const workDir = mkdtempSync(join(tmpdir(), 'bluehelm-nats-deployed-'));
    const passwords = Object.fromEntries(NATS_USERS.map((user) => [natsPasswordVariable(user), `p${randomUUID().replaceAll('-', '')}`]));
    const port = await findFreePort();
    const server = await startNatsServer({
      port,
      storeDir: join(workDir, 'jetstream'),
      configFile: join(ROOT, 'deploy', 'nats', 'authorization.conf'),
      env: { PATH: process.env['PATH'] ?? '', ...passwords },
      onLine: () => undefined,
    });
    try {
      const url = `nats://127.0.0.1:${port}`;
      const analytics = await connectNats({ url, name: 'deployed-analytics', user: 'analytics', pass: passwords['NATS_ANALYTICS_PASSWORD'] });
      const violations = recordViolations(analytics);
      analytics.publish('bluehelm.events.case.CaseOpened', '{}');
      await analytics.flush();
      await until(() => violations.some((error) => error.subject === 'bluehelm.events.case.CaseOpened'), 'the refusal');
      await analytics.close();
      const wrong = await refusal(connectNats({ url, name: 'deployed-wrong', user: 'analytics', pass: passwords['NATS_INTAKE_PASSWORD'] }));
      expect(String(wrong)).toMatch(/Authorization Violation/i);
    } finally {
      await stopChild(server, 5_000);
      rmSync(workDir, { recursive: true, force: true });
    }
  });
});
