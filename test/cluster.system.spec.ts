// The scaled-out system under load losing a NATS node and one replica of every service at once:
// three nats-servers as one JetStream cluster (R3 streams and leases), two processes of every
// service on the postgres store, two gateways behind a client that retries on the other one.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ALL_ACCESS_CLAIMS, bearer } from '../scripts/lib/test-tokens.mjs';
import { startBluehelm, SERVICES } from '../scripts/lib/bluehelm-system.mjs';
import { runClients, sendWithRetry } from '../scripts/lib/gateway-load.mjs';
import { allEvents } from './support/event-log.js';
import { eventually, http, setDefaultHeaders } from './support/http-client.js';
import { maliciousActReport } from './support/incident-reports.js';
import { startWebhookReceiver, type WebhookReceiver } from './support/notification-receivers.js';
import type { RecordedEvent } from '@bluehelm/event-store';

type BluehelmSystem = Awaited<ReturnType<typeof startBluehelm>>;

const CLIENTS = 4;
const LOAD_MS = 20_000;
const KILL_AFTER_MS = 8_000;
const MAX_REPORTS_PER_CLIENT = 150;

interface AcceptedReport {
  readonly acceptedAt: number;
  readonly reportId: string;
  readonly incidentId: string;
  readonly caseId: string;
}

interface AcceptedStep {
  readonly caseId: string;
  readonly revision: number;
  readonly type: 'CaseReferred' | 'InvestigationOpened';
}

describe('a replicated system on a NATS cluster losing a node and a replica of every service under load', () => {
  let system: BluehelmSystem;
  let webhooks: WebhookReceiver;
  const reports: AcceptedReport[] = [];
  /** Every case the log holds a report for, filled by the log check below. */
  const loggedCaseIds = new Set<string>();
  const steps: AcceptedStep[] = [];
  let killedNode = '';
  let killedAt = 0;
  let survivingGateway = '';
  /** Every role: this test is about surviving losses, access has tests of its own. */
  let authorization: Record<string, string> = {};

  const survivor = (path: string) => http(survivingGateway, 'GET', path);

  /** One client's turn: a report, then two steps of its case, each retried until answered. */
  const reportAndStep = async (client: number, deadline: number) => {
    const report = maliciousActReport({ occurredOn: '2021-02-10' });
    const answer = await sendWithRetry(system.gatewayUrls, client, 'POST', '/v1/incidents', report, { deadline, headers: authorization });
    if (answer.status !== 201) return;
    const { incidentId, caseId } = answer.body;
    reports.push({ acceptedAt: answer.at, reportId: String(report['reportId']), incidentId, caseId });
    let revision = await openedRevision(caseId, client, deadline);
    for (const [path, type, authority] of [
      ['referral', 'CaseReferred', 'Pôle judiciaire spécialisé'],
      ['investigation', 'InvestigationOpened', 'Brigade d’investigation judiciaire'],
    ] as const) {
      if (revision === undefined) return;
      const step = await sendWithRetry(system.gatewayUrls, client, 'POST', `/v1/cases/${caseId}/${path}`, { on: '2021-03-01', authority }, {
        headers: { ...authorization, 'if-match': String(revision) },
        deadline,
      });
      // A 412 after a lost answer may mean the step was taken: not counted, as not accepted.
      if (step.status !== 200 && step.status !== 201) return;
      revision = step.body.revision as number;
      steps.push({ caseId, revision, type });
    }
  };

  const openedRevision = async (caseId: string, client: number, deadline: number): Promise<number | undefined> => {
    while (Date.now() < deadline) {
      const view = await sendWithRetry(system.gatewayUrls, client, 'GET', `/v1/cases/${caseId}`, undefined, {
        deadline,
        headers: authorization,
        retryOn: (status) => status === 0 || status === 404 || status >= 500,
      });
      if (view.status === 200) return view.body.revision as number;
    }
    return undefined;
  };

  beforeAll(async () => {
    webhooks = await startWebhookReceiver(20);
    system = await startBluehelm(
      'postgres',
      {
        NATS_REQUEST_TIMEOUT_MS: '4000',
        DELIVERY_BACKOFF_INITIAL_MS: '200',
        DELIVERY_BACKOFF_MAX_MS: '1000',
        DELIVERY_POLL_MS: '200',
        DELIVERY_TIMEOUT_MS: '3000',
        EVENTS_ACK_WAIT_MS: '5000',
      },
      { replicas: 2, natsCluster: true },
    );
    // Every role and clearance: this test is about the flow, access has tests of its own.
    authorization = await bearer(ALL_ACCESS_CLAIMS, { devKeyDir: system.devKeyDir });
    setDefaultHeaders(authorization);
    survivingGateway = system.gatewayUrls[1] as string;
    const subscription = await http(survivingGateway, 'POST', '/v1/subscriptions', {
      channel: 'webhook',
      url: webhooks.url,
      filters: { nationalities: ['TCD'] },
    });
    expect(subscription.status).toBe(201);
    webhooks.useSecret(subscription.body.secret);
  }, 150_000);

  afterAll(async () => {
    await system?.stop();
    await webhooks?.close();
  }, 60_000);

  it('accepts reports and case steps through the kill of a NATS node and of one replica of each service', async () => {
    const cluster = system.natsCluster;
    if (!cluster) throw new Error('the system was started without a NATS cluster');
    const loadStart = Date.now();
    const deadline = loadStart + LOAD_MS + 45_000;
    const kill = (async () => {
      await new Promise((resolve) => setTimeout(resolve, KILL_AFTER_MS));
      // The meta leader: its loss also moves JetStream's own leadership.
      killedNode = await cluster.waitForMetaLeader(5_000);
      const index = cluster.nodes.findIndex((node) => node.name === killedNode);
      killedAt = Date.now();
      await Promise.all([cluster.kill(index), ...SERVICES.map((service) => system.kill(service, 0))]);
    })();
    await runClients({
      clients: CLIENTS,
      durationMs: LOAD_MS,
      maxIterations: MAX_REPORTS_PER_CLIENT,
      iteration: (client) => reportAndStep(client, deadline),
    });
    await kill;
    expect(killedNode).toMatch(/^n[123]$/);
    // The kill landed in the middle of the load: reports were accepted before it and after it.
    // (How many after depends on the machine: each client waits for its case to open, and the
    // pull consumer of a killed node's JetStream leader takes seconds to recover.)
    expect(reports.filter(({ acceptedAt }) => acceptedAt < killedAt).length).toBeGreaterThan(5);
    expect(reports.filter(({ acceptedAt }) => acceptedAt > killedAt).length).toBeGreaterThan(0);
    expect(steps.length).toBeGreaterThan(5);
  }, 120_000);

  it('holds every accepted report and step in the event log, each report once', async () => {
    const events = await allEvents(system.eventStoreUrl);
    const byStream = new Map<string, RecordedEvent[]>();
    for (const event of events) byStream.set(event.streamName, [...(byStream.get(event.streamName) ?? []), event]);
    const reportedPerReportId = new Map<string, number>();
    for (const event of events.filter((candidate) => candidate.type === 'IncidentReported')) {
      const reportId = String((event.data as { reportId: string }).reportId);
      reportedPerReportId.set(reportId, (reportedPerReportId.get(reportId) ?? 0) + 1);
    }
    const missingReports = reports.filter(({ reportId, incidentId }) => {
      const stream = byStream.get(`incident-${incidentId}`) ?? [];
      return stream.length !== 1 || reportedPerReportId.get(reportId) !== 1;
    });
    expect(missingReports).toEqual([]);
    // A report whose answer was lost in the kill may be in the log without the client having
    // counted it: what follows must hold for every report the log holds, accepted ones included.
    for (const event of events.filter((candidate) => candidate.type === 'IncidentReported')) {
      loggedCaseIds.add(String((event.data as { caseId: string }).caseId));
    }
    expect(loggedCaseIds.size).toBeGreaterThanOrEqual(reports.length);
    const missingSteps = steps.filter(({ caseId, revision, type }) => byStream.get(`case-${caseId}`)?.[revision]?.type !== type);
    expect(missingSteps).toEqual([]);
  }, 60_000);

  it('opens every accepted malicious act’s case, shows it through a surviving gateway and lists it', async () => {
    const unopened = await eventually(async () => {
      const missing: string[] = [];
      for (const caseId of loggedCaseIds) {
        if ((await survivor(`/v1/cases/${caseId}`)).status !== 200) missing.push(caseId);
      }
      return missing.length === 0 ? missing : undefined;
    }, 'every case to open', 60_000);
    expect(unopened).toEqual([]);
    const listed = await eventually(async () => {
      const ids = new Set<string>();
      for (let offset = 0; offset < reports.length + 500; offset += 500) {
        const page = await survivor(`/v1/cases?mission=MINUSMA&limit=500&offset=${offset}`);
        for (const item of page.body?.items ?? []) ids.add(item.caseId);
        if ((page.body?.items ?? []).length < 500) break;
      }
      return [...loggedCaseIds].every((caseId) => ids.has(caseId)) ? ids : undefined;
    }, 'every case in the case list', 30_000);
    expect(listed.size).toBe(loggedCaseIds.size);
  }, 120_000);

  it('counts every case in the analytics read models', async () => {
    const referred = new Set(steps.filter(({ type }) => type === 'CaseReferred').map(({ caseId }) => caseId));
    const mali = await eventually(async () => {
      const report = await survivor('/v1/reports/accountability?asOf=2030-01-01&hostState=MLI');
      const counts = report.body?.hostStates?.find((entry: any) => entry.hostState === 'MLI')?.cases;
      return counts?.reported === loggedCaseIds.size && counts.referred >= referred.size ? counts : undefined;
    }, 'the accountability report to count every case', 60_000);
    expect(mali.reported).toBe(loggedCaseIds.size);
  }, 90_000);

  it('verifies the hash chain of every case', async () => {
    const broken: unknown[] = [];
    for (const caseId of loggedCaseIds) {
      const verify = await survivor(`/v1/cases/${caseId}/verify`);
      if (verify.status !== 200 || verify.body.intact !== true) broken.push({ caseId, status: verify.status, body: verify.body });
    }
    expect(broken).toEqual([]);
  }, 60_000);

  it('notifies the subscriber of each fatal report once in effect', async () => {
    const delivered = await eventually(async () => {
      const items: any[] = [];
      for (let offset = 0; offset < 20_000; offset += 500) {
        const page = await survivor(`/v1/notifications?limit=500&offset=${offset}`);
        const pageItems: any[] = page.body?.items ?? [];
        items.push(...pageItems);
        if (pageItems.length < 500) break;
      }
      const reported = items.filter((item) => item.eventType === 'IncidentReported' && item.channel === 'webhook');
      const allDelivered = items.every((item) => item.status === 'delivered');
      return reported.length >= loggedCaseIds.size && allDelivered ? items : undefined;
    }, 'every notification to be delivered', 60_000);
    const keys = delivered.map((item: any) => `${item.eventId}/${item.recipient}`);
    expect(new Set(keys).size).toBe(keys.length);
    const fatalities = delivered.filter((item: any) => item.eventType === 'IncidentReported' && item.channel === 'webhook');
    expect(fatalities).toHaveLength(loggedCaseIds.size);
    const webhookIds = delivered.filter((item: any) => item.channel === 'webhook').map((item: any) => item.notificationId);
    expect([...webhooks.arrivals.keys()].sort()).toEqual([...webhookIds].sort());
    expect(webhooks.badSignatures).toBe(0);
  }, 90_000);
});
