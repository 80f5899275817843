// After an end-to-end run with personal data (casualties, witnesses, an alleged perpetrator and
// accused persons, all named), none of the names is in any service's log lines, in any message on
// JetStream, in any webhook sent, or in any answer to an analyst or to a role without the
// personal-data clearance; a cleared case officer reads them all (so they were really stored).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { startBluehelm } from '../scripts/lib/bluehelm-system.mjs';
import { bearer } from '../scripts/lib/test-tokens.mjs';
import { eventually, http, setDefaultHeaders, type HttpAnswer } from './support/http-client.js';
import { maliciousActReport } from './support/incident-reports.js';
import { startWebhookReceiver, type WebhookReceiver } from './support/notification-receivers.js';

type BluehelmSystem = Awaited<ReturnType<typeof startBluehelm>>;

const NAMES = {
  casualty: 'Moussa Leakcheck-Casualty',
  witness: 'Awa Leakcheck-Witness',
  witnessContact: '+223 7000 4242 leakcheck',
  perpetrator: 'Hamadou Leakcheck-Perpetrator',
  accused: 'Ibrahim Leakcheck-Accused',
  secondAccused: 'Fatoumata Leakcheck-Second',
  batchCasualty: 'Oumar Leakcheck-Batch',
} as const;
const ALL_NAMES = Object.values(NAMES);

function namesIn(text: string): string[] {
  return ALL_NAMES.filter((name) => text.includes(name));
}

describe('personal data never leaks', () => {
  let system: BluehelmSystem;
  let webhooks: WebhookReceiver;
  let caseId: string;
  let incidentId: string;
  const as: Record<string, Record<string, string>> = {};
  const tokens: string[] = [];

  const call = (who: string, method: string, path: string, body?: unknown): Promise<HttpAnswer> =>
    http(system.baseUrl, method, path, body, as[who]);

  beforeAll(async () => {
    webhooks = await startWebhookReceiver(0);
    system = await startBluehelm('sqlite', { LOG_LEVEL: 'info' });
    setDefaultHeaders({});
    const claims: Record<string, { sub: string; roles: string[]; memberState?: string; clearance?: string[] }> = {
      reporter: { sub: 'leak-reporter', roles: ['reporter'] },
      officer: { sub: 'leak-officer', roles: ['case-officer'], clearance: ['personal-data', 'confidential'] },
      uncleredOfficer: { sub: 'leak-officer-uncleared', roles: ['case-officer'] },
      analyst: { sub: 'leak-analyst', roles: ['analyst'] },
      auditor: { sub: 'leak-auditor', roles: ['auditor'] },
      hostState: { sub: 'leak-mali', roles: ['member-state'], memberState: 'MLI' },
      contributor: { sub: 'leak-chad', roles: ['member-state'], memberState: 'TCD' },
      admin: { sub: 'leak-admin', roles: ['admin'] },
    };
    for (const [who, claim] of Object.entries(claims)) {
      as[who] = await bearer(claim, { devKeyDir: system.devKeyDir });
      tokens.push((as[who]?.['authorization'] ?? '').replace('Bearer ', ''));
    }

    const subscription = await call('admin', 'POST', '/v1/subscriptions', { channel: 'webhook', url: webhooks.url, filters: { hostStates: ['MLI'] } });
    webhooks.useSecret(subscription.body.secret);
    const report = maliciousActReport({
      casualties: [{ personnelType: 'military', nationality: 'TCD', outcome: 'killed', name: NAMES.casualty }],
      witnesses: [{ name: NAMES.witness, contact: NAMES.witnessContact }],
      perpetrators: [{ kind: 'individual', name: NAMES.perpetrator, affiliation: 'Armed group' }],
    });
    const reported = await call('reporter', 'POST', '/v1/incidents', report);
    expect(reported.status).toBe(201);
    ({ incidentId, caseId } = reported.body);
    const batch = await call('reporter', 'POST', '/v1/incidents/batch', [
      maliciousActReport({ casualties: [{ personnelType: 'police', nationality: 'SEN', outcome: 'injured', name: NAMES.batchCasualty }] }),
    ]);
    expect(batch.status).toBe(200);
    await eventually(async () => ((await call('officer', 'GET', `/v1/cases/${caseId}`)).status === 200 ? true : undefined), 'the case');
    for (const name of [NAMES.accused, NAMES.secondAccused]) {
      const added = await call('officer', 'POST', `/v1/cases/${caseId}/accused`, { on: '2021-03-01', name, kind: 'individual' });
      expect(added.status).toBe(201);
      await call('officer', 'POST', `/v1/cases/${caseId}/accused/${added.body.personId}/steps`, { on: '2021-03-05', stage: 'arrested' });
    }
    await eventually(async () => (webhooks.bodies.length >= 4 ? true : undefined), 'the webhooks of the case');
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
    await webhooks?.close();
  }, 60_000);

  it('shows every name to a case officer cleared for personal data (they were stored, sealed)', async () => {
    const incident = await call('officer', 'GET', `/v1/incidents/${incidentId}`);
    const theCase = await call('officer', 'GET', `/v1/cases/${caseId}`);
    const history = await call('officer', 'GET', `/v1/cases/${caseId}/history`);

    expect(namesIn(incident.text).sort()).toEqual([NAMES.casualty, NAMES.perpetrator, NAMES.witness, NAMES.witnessContact].sort());
    expect(namesIn(theCase.text).sort()).toEqual([NAMES.accused, NAMES.secondAccused].sort());
    expect(namesIn(history.text).sort()).toEqual([NAMES.accused, NAMES.secondAccused].sort());
  });

  it('answers analysts and every uncleared role without a single name', async () => {
    const answers = await Promise.all([
      call('analyst', 'GET', '/v1/analytics/fatalities?groupBy=nationality'),
      call('analyst', 'GET', '/v1/analytics/ied-detection?groupBy=year'),
      call('analyst', 'GET', '/v1/reports/accountability'),
      call('analyst', 'GET', '/v1/reports/accountability?format=csv'),
      call('reporter', 'GET', `/v1/incidents/${incidentId}`),
      call('uncleredOfficer', 'GET', `/v1/incidents/${incidentId}`),
      call('uncleredOfficer', 'GET', `/v1/cases/${caseId}`),
      call('uncleredOfficer', 'GET', `/v1/cases/${caseId}/history`),
      call('auditor', 'GET', `/v1/incidents/${incidentId}`),
      call('auditor', 'GET', `/v1/cases/${caseId}`),
      call('auditor', 'GET', `/v1/cases/${caseId}/history`),
      call('auditor', 'GET', '/v1/cases'),
      call('auditor', 'GET', '/v1/audit/access'),
      call('hostState', 'GET', `/v1/incidents/${incidentId}`),
      call('hostState', 'GET', `/v1/cases/${caseId}`),
      call('contributor', 'GET', `/v1/cases/${caseId}`),
      call('admin', 'GET', '/v1/notifications'),
    ]);

    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
    expect(answers.flatMap((answer) => namesIn(answer.text))).toEqual([]);
    const auditorsCase = answers[9]?.body;
    expect(auditorsCase.accused.map((person: { name: string }) => person.name)).toEqual(['[redacted]', '[redacted]']);
  });

  it('writes no name and no token into any log line of any service', () => {
    const lines = [...system.replicas.values()].flat().flatMap((process) => [...process.stdout, ...process.stderr]);

    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((line) => namesIn(line).length > 0)).toEqual([]);
    expect(lines.filter((line) => tokens.some((token) => token !== '' && line.includes(token)))).toEqual([]);
  });

  it('publishes no name on JetStream, and sends none in a webhook', async () => {
    const nats = await connect({ servers: system.natsUrl, user: system.natsAdmin.user, pass: system.natsAdmin.pass });
    try {
      const jsm = await jetstreamManager(nats);
      const info = await jsm.streams.info('BLUEHELM_EVENTS');
      const messages: string[] = [];
      for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
        messages.push((await jsm.streams.getMessage('BLUEHELM_EVENTS', { seq })).string());
      }

      expect(messages.filter((message) => message.includes('AccusedIdentified')).length).toBe(2);
      expect(messages.flatMap(namesIn)).toEqual([]);
    } finally {
      await nats.close();
    }
    expect(webhooks.bodies.length).toBeGreaterThanOrEqual(4);
    expect(webhooks.bodies.flatMap(namesIn)).toEqual([]);
  });
});
