// The NATS users and permissions of a deployment (libs/messaging/src/nats-permissions.ts) on a real
// nats-server started with the generated configuration: each service connects with its own
// credentials, may do what its code does, and is refused the subjects of the others.
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
  type ServiceName,
} from '@bluehelm/contracts';
import { AckPolicy, jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import { headers, PermissionViolationError, type Msg, type MsgHdrs, type NatsConnection } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort } from '../scripts/lib/free-port.mjs';
import { exitOf, spawnPrefixed, stopChild } from '../scripts/lib/prefixed-child.mjs';
import { startNatsServer } from '../scripts/lib/nats-server-process.mjs';
import { startPrivateNats } from '../scripts/lib/private-nats.mjs';
import { waitForHttp } from '../scripts/lib/wait-for-http.mjs';
import { maliciousActReport } from './support/incident-reports.js';
import { DEVELOPMENT_IDENTITIES, issueDevelopmentToken } from '@bluehelm/access';

type PrivateNats = Awaited<ReturnType<typeof startPrivateNats>>;
type PermissionsConfig = NonNullable<PrivateNats['permissions']>;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EVENTS = BLUEHELM_TOPOLOGY.eventsStream;

/** A connection of one user, with every permission violation the server reported to it. */
interface UserConnection {
  readonly nc: NatsConnection;
  readonly violations: PermissionViolationError[];
}

function recordViolations(nc: NatsConnection): PermissionViolationError[] {
  const violations: PermissionViolationError[] = [];
  void (async () => {
    for await (const status of nc.status()) {
      if (status.type === 'error' && status.error instanceof PermissionViolationError) violations.push(status.error);
    }
  })();
  return violations;
}

/** The first defined answer of `probe`, asked every 100 ms for up to `timeoutMs`. */
async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`no answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function until(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Resolves with the rejection of `work`, failing the test if it succeeds. */
async function refusal(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    (value) => {
      throw new Error(`expected a refusal, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

/** The server's refusal behind a failed call: a request fails with it as its cause. */
function violationIn(error: unknown): PermissionViolationError | undefined {
  if (error instanceof PermissionViolationError) return error;
  return error instanceof Error && error.cause instanceof PermissionViolationError ? error.cause : undefined;
}

/** Shows that `work` failed because the server refused to let it publish on `subject`. */
async function expectRefused(work: Promise<unknown>, subject: string | RegExp): Promise<void> {
  expect(violationIn(await refusal(work))).toMatchObject({ operation: 'publish', subject });
}

function incidentEvent(): IntegrationEvent {
  const streamName = `${INCIDENT_STREAM_CATEGORY}-${randomUUID()}`;
  return { id: randomUUID(), type: INCIDENT_REPORTED, streamName, category: INCIDENT_STREAM_CATEGORY, revision: 0, position: 1, data: {}, metadata: {} };
}

/** Messages a subscription has received so far; `settled()` makes sure everything sent before it has arrived. */
async function listen(connection: NatsConnection, subject: string): Promise<{ received: Msg[]; settled(): Promise<void> }> {
  const received: Msg[] = [];
  connection.subscribe(subject, { callback: (_error, message) => received.push(message) });
  await connection.flush();
  return { received, settled: () => connection.flush() };
}

function natsHeaders(values: Record<string, string>): MsgHdrs {
  const result = headers();
  for (const [name, value] of Object.entries(values)) result.set(name, value);
  return result;
}

describe('NATS permissions: every user on a nats-server with the deployed configuration', () => {
  let nats: PrivateNats;
  let permissions: PermissionsConfig;
  let admin: NatsConnection;
  const opened: NatsConnection[] = [];

  const connectAs = async (user: NatsUser): Promise<UserConnection> => {
    const { NATS_USER, NATS_PASSWORD } = permissions.credentials[user] ?? {};
    const nc = await connectNats({ url: nats.url, name: `permissions-test-${user}`, ...(NATS_USER !== undefined && { user: NATS_USER, pass: NATS_PASSWORD }) });
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
    intake.nc.subscribe(INTAKE_SUBJECTS.reportIncident, { queue: 'intake', callback: (_error, message) => message.respond('{"from":"intake"}') });
    await intake.nc.flush();

    // Another service cannot take a share of intake's subject: the subscription is refused.
    const intruder = notification.nc.subscribe(INTAKE_SUBJECTS.reportIncident, { queue: 'intake' });
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

describe('NATS permissions: the five services as processes, each with its own credentials', () => {
  let nats: PrivateNats;
  let permissions: PermissionsConfig;
  let workDir: string;
  const serverLog: string[] = [];
  const children: ReturnType<typeof spawnPrefixed>[] = [];
  const ports = new Map<string, number>();
  const serviceLogs = new Map<string, string[]>();

  const launch = async (service: ServiceName, credentials: { NATS_USER: string; NATS_PASSWORD: string } | undefined) => {
    if (!credentials) throw new Error(`the configuration has no user for ${service}`);
    const port = await findFreePort();
    const lines: string[] = [];
    const child = spawnPrefixed(service, process.execPath, [join(ROOT, 'services', service, 'dist', 'main.js')], {
      cwd: workDir,
      env: {
        PATH: process.env['PATH'] ?? '',
        NATS_URL: nats.url,
        ...credentials,
        EVENT_STORE_URL: `sqlite:${join(workDir, 'events.db')}`,
        AUTH_DEV_KEY_DIR: join(workDir, 'dev-auth'),
        PORT: String(port),
        LOG_LEVEL: 'warn',
      },
      onLine: (_stream, line) => void lines.push(line),
    });
    children.push(child);
    return { child, port, lines };
  };

  const start = async (service: ServiceName) => {
    const { child, port, lines } = await launch(service, permissions.credentials[service]);
    ports.set(service, port);
    serviceLogs.set(service, lines);
    await waitForHttp(`http://127.0.0.1:${port}/health/ready`, {
      timeoutMs: 60_000,
      giveUp: () => (child.exitCode === null && child.signalCode === null ? undefined : `${service} exited: ${lines.join('\n')}`),
    });
  };

  const connectAs = (name: string, user: string, pass: string) => connectNats({ url: nats.url, name, user, pass });

  beforeAll(async () => {
    nats = await startPrivateNats({ withPermissions: true, onLine: (_stream, line) => void serverLog.push(line) });
    permissions = nats.permissions as PermissionsConfig;
    workDir = mkdtempSync(join(tmpdir(), 'bluehelm-nats-permissions-'));
    // The writers first, then the gateway, as in production; a small machine starts them in turn.
    for (const service of ['intake', 'case-tracking', 'analytics', 'notification', 'gateway'] as const) await start(service);
  }, 180_000);

  afterAll(async () => {
    await Promise.allSettled(children.map((child) => stopChild(child, 10_000)));
    await nats?.stop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('names the durables the services create as the table does', () => {
    const sourceConstant = (file: string, name: string) =>
      new RegExp(`${name}\\s*=\\s*'([^']+)'`).exec(readFileSync(join(ROOT, 'services', file), 'utf8'))?.[1];
    expect(BLUEHELM_SERVICE_MESSAGING['case-tracking'].consumers.map((use) => use.durable)).toEqual([
      sourceConstant('case-tracking/src/integration-events/integration-events.service.ts', 'INCIDENT_CONSUMER_DURABLE'),
    ]);
    expect(BLUEHELM_SERVICE_MESSAGING.notification.consumers.map((use) => use.durable)).toEqual([
      sourceConstant('notification/src/consumption/event-consumer.service.ts', 'NOTIFICATION_DURABLE'),
    ]);
  });

  it('has the gateway find every service up over NATS', async () => {
    const health = await waitForHttp(`http://127.0.0.1:${ports.get('gateway')}/v1/health`, { timeoutMs: 15_000 });
    expect(JSON.parse(health.body)).toMatchObject({
      services: { intake: 'up', 'case-tracking': 'up', analytics: 'up', notification: 'up' },
    });
  });

  it('carries a mission system’s report through intake, case-tracking, analytics and notification', async () => {
    const mission = permissions.credentials[MISSION_SYSTEM_USER];
    if (!mission) throw new Error('the configuration has no mission-system user');
    const reporter = await connectAs('permissions-test-mission', mission.NATS_USER, mission.NATS_PASSWORD);
    const admin = await connectAs('permissions-test-admin', permissions.admin.user, permissions.admin.pass);
    try {
      const indicators = await listen(admin, ANALYTICS_INDICATORS_CHANGED_SUBJECT);
      // Intake checks the reporter's token itself; the development key stands in for the identity provider.
      const token = await issueDevelopmentToken(join(workDir, 'dev-auth'), DEVELOPMENT_IDENTITIES.reporter);
      const reply = await reporter.request(INTAKE_SUBJECTS.reportIncident, JSON.stringify(maliciousActReport({ mission: 'MINUSCA', occurredOn: '2023-07' })), {
        timeout: 10_000,
        headers: natsHeaders({ Authorization: `Bearer ${token}` }),
      });
      const answer = reply.json<{ status: string; incidentId: string; caseId: string }>();
      expect(answer).toMatchObject({ status: 'accepted', incidentId: expect.any(String), caseId: expect.any(String) });

      const jsm = await jetstreamManager(admin);
      const lastEvent = async (subject: string) => (await jsm.streams.getMessage(EVENTS, { last_by_subj: subject }).catch(() => null))?.json<IntegrationEvent>();
      const relayed = await eventually(() => lastEvent(integrationEventSubject('bluehelm', INCIDENT_STREAM_CATEGORY, INCIDENT_REPORTED)));
      const opened = await eventually(() => lastEvent(integrationEventSubject('bluehelm', CASE_STREAM_CATEGORY, 'CaseOpened')));
      expect(relayed).toMatchObject({ streamName: `${INCIDENT_STREAM_CATEGORY}-${answer.incidentId}` });
      expect(opened).toMatchObject({ streamName: `${CASE_STREAM_CATEGORY}-${answer.caseId}` });
      const notified = await eventually(async () => {
        const info = await jsm.consumers.info(EVENTS, 'notification');
        return info.ack_floor.stream_seq >= info.delivered.stream_seq && info.num_pending === 0 && info.delivered.stream_seq >= 2 ? info : undefined;
      });
      expect(notified.num_ack_pending).toBe(0);
      await until(() => indicators.received.length > 0, 'an indicator change from analytics', 10_000);
    } finally {
      await Promise.allSettled([reporter.close(), admin.close()]);
    }
  }, 60_000);

  it('leaves no permission refused to any service on the way (the server logs every refusal)', () => {
    expect(serverLog.filter((line) => /violation/i.test(line))).toEqual([]);
    expect([...serviceLogs].flatMap(([service, lines]) => lines.filter((line) => /permission/i.test(line)).map((line) => `${service}: ${line}`))).toEqual([]);
  });

  it('refuses to start a service with a wrong password, saying which setting to check', async () => {
    const { child, lines } = await launch('intake', { NATS_USER: 'intake', NATS_PASSWORD: 'pwrong' });
    const exit = await exitOf(child);
    expect(exit.code).toBe(78);
    expect(lines.join('\n')).toMatch(/refused the user "intake".*NATS_USER and NATS_PASSWORD/);
  }, 30_000);
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
