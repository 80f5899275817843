// The five services as processes on a nats-server with the deployment's users and permissions,
// each with its own credentials: they start, find one another, carry a report from a mission
// system to every service, and the server refuses none of them anything on the way.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEVELOPMENT_IDENTITIES, issueDevelopmentToken } from '@bluehelm/access';
import {
  ANALYTICS_INDICATORS_CHANGED_SUBJECT,
  CASE_STREAM_CATEGORY,
  INCIDENT_REPORTED,
  INCIDENT_STREAM_CATEGORY,
  INTAKE_SUBJECTS,
  type ServiceName,
} from '@bluehelm/contracts';
import {
  BLUEHELM_SERVICE_MESSAGING,
  BLUEHELM_TOPOLOGY,
  connectNats,
  integrationEventSubject,
  MISSION_SYSTEM_USER,
  type IntegrationEvent,
} from '@bluehelm/messaging';
import { jetstreamManager } from '@nats-io/jetstream';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort } from '../scripts/lib/free-port.mjs';
import { exitOf, spawnPrefixed, stopChild } from '../scripts/lib/prefixed-child.mjs';
import { startPrivateNats } from '../scripts/lib/private-nats.mjs';
import { waitForHttp } from '../scripts/lib/wait-for-http.mjs';
import { maliciousActReport } from './support/incident-reports.js';
import { eventually, listen, natsHeaders, until } from './support/nats-probes.js';

type PrivateNats = Awaited<ReturnType<typeof startPrivateNats>>;
type PermissionsConfig = NonNullable<PrivateNats['permissions']>;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EVENTS = BLUEHELM_TOPOLOGY.eventsStream;

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
    // The gateway is ready when every service answers its ping (its own readiness route is closed).
    await waitForHttp(`http://127.0.0.1:${port}${service === 'gateway' ? '/v1/health' : '/health/ready'}`, {
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
    const health = await fetch(`http://127.0.0.1:${ports.get('gateway')}/v1/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
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
