// Erasure of a case's personal data: afterwards no role, however cleared, can read the names of
// its accused or of its incident's casualties and witnesses; the case's hash chain still verifies;
// the accountability report is byte for byte the one before; the access trail shows who erased
// and why, and the cleared reads that came before.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connect } from '@nats-io/transport-node';
import { startBluehelm } from '../scripts/lib/bluehelm-system.mjs';
import { bearer } from '../scripts/lib/test-tokens.mjs';
import { eventually, http, setDefaultHeaders, type HttpAnswer } from './support/http-client.js';
import { accidentReport, maliciousActReport } from './support/incident-reports.js';

type BluehelmSystem = Awaited<ReturnType<typeof startBluehelm>>;

const NAMES = ['Seydou Erasure-Casualty', 'Mariam Erasure-Witness', 'Boubacar Erasure-Accused'];
/** Every fact known so far and any fact recorded later: the report covers the erasure too. */
const REPORT = '/v1/reports/accountability?hostState=MLI&asOf=2030-12-31&knownAt=2099-12-31';

describe('erasing the personal data of a case', () => {
  let system: BluehelmSystem;
  let caseId: string;
  let incidentId: string;
  const as: Record<string, Record<string, string>> = {};
  const call = (who: string, method: string, path: string, body?: unknown): Promise<HttpAnswer> =>
    http(system.baseUrl, method, path, body, as[who]);

  /** Waits until every analytics read model has applied the log up to `position`. */
  async function analyticsAt(position: number): Promise<void> {
    const nats = await connect({ servers: system.natsUrl, user: system.natsAdmin.user, pass: system.natsAdmin.pass });
    try {
      await eventually(async () => {
        const envelope = { pattern: 'bluehelm.analytics.status', data: {}, id: randomUUID() };
        const reply = await nats.request('bluehelm.analytics.status', JSON.stringify(envelope), { timeout: 5_000 });
        const status = reply.json<{ response: { position: number } }>().response;
        return status.position >= position ? true : undefined;
      }, `analytics at position ${position}`);
    } finally {
      await nats.close();
    }
  }

  beforeAll(async () => {
    system = await startBluehelm('sqlite');
    setDefaultHeaders({});
    const claims: Record<string, { sub: string; roles: string[]; memberState?: string; clearance?: string[] }> = {
      reporter: { sub: 'erasure-reporter', roles: ['reporter'] },
      officer: { sub: 'erasure-officer', roles: ['case-officer'], clearance: ['personal-data', 'confidential'] },
      clearedAuditor: { sub: 'erasure-auditor', roles: ['auditor'], clearance: ['personal-data', 'confidential'] },
      hostState: { sub: 'erasure-mali', roles: ['member-state'], memberState: 'MLI', clearance: ['personal-data', 'confidential'] },
      analyst: { sub: 'erasure-analyst', roles: ['analyst'] },
      admin: { sub: 'erasure-admin', roles: ['admin'] },
    };
    for (const [who, claim] of Object.entries(claims)) as[who] = await bearer(claim, { devKeyDir: system.devKeyDir });
    const reported = await call(
      'reporter',
      'POST',
      '/v1/incidents',
      maliciousActReport({
        casualties: [{ personnelType: 'military', nationality: 'TCD', outcome: 'killed', name: NAMES[0] }],
        witnesses: [{ name: NAMES[1] }],
        classification: 'public',
      }),
    );
    ({ caseId, incidentId } = reported.body);
    await eventually(async () => ((await call('officer', 'GET', `/v1/cases/${caseId}`)).status === 200 ? true : undefined), 'the case');
    const accused = await call('officer', 'POST', `/v1/cases/${caseId}/accused`, { on: '2021-03-01', name: NAMES[2], kind: 'individual' });
    await call('officer', 'POST', `/v1/cases/${caseId}/accused/${accused.body.personId}/steps`, { on: '2021-03-02', stage: 'arrested' });
    await call('officer', 'POST', `/v1/cases/${caseId}/accused/${accused.body.personId}/steps`, { on: '2021-04-02', stage: 'charged' });
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
  }, 60_000);

  it('makes the names unreadable for every role, keeps the chain intact and the report byte-identical', async () => {
    const before = await call('officer', 'GET', `/v1/cases/${caseId}`);
    expect(before.body.accused[0].name).toBe(NAMES[2]);
    await analyticsAt((await call('clearedAuditor', 'GET', `/v1/cases/${caseId}/history`)).body.events.at(-1).position);
    const reportBefore = await call('analyst', 'GET', REPORT);
    expect(reportBefore.body.hostStates[0].persons).toMatchObject({ identified: 1, arrested: 1, charged: 1 });

    const erased = await call('admin', 'POST', `/v1/cases/${caseId}/erase-personal-data`, { reason: 'Court order 2024/117' });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ caseId, keysDestroyed: 1 });

    const history = await call('clearedAuditor', 'GET', `/v1/cases/${caseId}/history`);
    await analyticsAt(history.body.events.at(-1).position);
    const reads = await Promise.all([
      call('officer', 'GET', `/v1/cases/${caseId}`),
      call('officer', 'GET', `/v1/incidents/${incidentId}`),
      call('clearedAuditor', 'GET', `/v1/cases/${caseId}`),
      call('clearedAuditor', 'GET', `/v1/incidents/${incidentId}`),
      call('hostState', 'GET', `/v1/cases/${caseId}`),
      call('hostState', 'GET', `/v1/incidents/${incidentId}`),
    ]);
    const verified = await call('clearedAuditor', 'GET', `/v1/cases/${caseId}/verify`);
    const reportAfter = await call('analyst', 'GET', REPORT);

    expect(reads.map((read) => read.status)).toEqual(reads.map(() => 200));
    for (const read of [...reads, history]) expect(NAMES.filter((name) => read.text.includes(name))).toEqual([]);
    expect(reads[0]?.body.accused[0].name).toBe('[erased]');
    expect(reads[1]?.body.casualties[0].name).toBe('[erased]');
    expect(reads[1]?.body.witnesses[0].name).toBe('[erased]');
    expect(reads[0]?.body.personalDataErasure).toMatchObject({ reason: 'Court order 2024/117' });
    expect(history.body.events.at(-1)).toMatchObject({ type: 'PersonalDataErased', metadata: { actor: 'erasure-admin' } });
    expect(verified.body).toMatchObject({ intact: true, eventCount: history.body.events.length });
    expect(reportAfter.status).toBe(200);
    expect(reportAfter.text).toBe(reportBefore.text);
  });

  it('shows the erasure and the cleared reads before it in the access trail', async () => {
    const trail = await eventually(async () => {
      const page = await call('clearedAuditor', 'GET', `/v1/audit/access?resourceId=${caseId}&limit=500`);
      return page.body.entries?.some((entry: { action: string }) => entry.action === 'erase-personal-data') ? page.body : undefined;
    }, 'the erasure in the access trail');
    const actions = trail.entries.map((entry: { action: string; actor: string }) => `${entry.action} by ${entry.actor}`);

    expect(actions).toContain('read-personal-data by erasure-officer');
    expect(actions).toContain('erase-personal-data by erasure-admin');
    expect(trail.entries.find((entry: { action: string }) => entry.action === 'erase-personal-data')).toMatchObject({
      reason: 'Court order 2024/117',
      resource: { type: 'case', id: caseId },
    });
  });

  it('erases the names of an incident without a case on their own, and sends one with a case to its case', async () => {
    const accident = await call(
      'reporter',
      'POST',
      '/v1/incidents',
      accidentReport({ casualties: [{ personnelType: 'police', nationality: 'RWA', outcome: 'injured', name: 'Jean Erasure-Accident' }] }),
    );
    const { incidentId: accidentId } = accident.body;
    expect((await call('officer', 'GET', `/v1/incidents/${accidentId}`)).body.casualties[0].name).toBe('Jean Erasure-Accident');

    const withCase = await call('admin', 'POST', `/v1/incidents/${incidentId}/erase-personal-data`, { reason: 'wrong route' });
    const erased = await call('admin', 'POST', `/v1/incidents/${accidentId}/erase-personal-data`, { reason: 'Family request 12' });
    const afterwards = await call('clearedAuditor', 'GET', `/v1/incidents/${accidentId}`);

    expect(withCase.status).toBe(409);
    expect(withCase.body).toMatchObject({ code: 'incident-has-case', detail: expect.stringContaining(`/v1/cases/${caseId}/erase-personal-data`) });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ incidentId: accidentId, keysDestroyed: 1 });
    expect(afterwards.body.casualties[0].name).toBe('[erased]');
    expect(afterwards.body.personalDataErasure).toMatchObject({ reason: 'Family request 12' });
    expect(afterwards.text).not.toContain('Jean Erasure-Accident');
  });
});
