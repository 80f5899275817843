import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connect, headers } from '@nats-io/transport-node';
import { ALL_ACCESS_CLAIMS, bearer } from '../scripts/lib/test-tokens.mjs';
import { startBluehelm } from '../scripts/lib/bluehelm-system.mjs';
import { allEvents } from './support/event-log.js';
import { eventually, http, setDefaultHeaders } from './support/http-client.js';
import { accidentReport, maliciousActReport } from './support/incident-reports.js';

type BluehelmSystem = Awaited<ReturnType<typeof startBluehelm>>;
type StoreKind = 'sqlite' | 'postgres';

const STORES: StoreKind[] = ['sqlite', 'postgres'];

describe.each(STORES)('an incident followed to a sentence through the gateway (%s event store)', (store) => {
  let system: BluehelmSystem;
  let caseId: string;
  let incidentId: string;
  let revision: number;
  const report = maliciousActReport();
  const personIds: Record<string, string> = {};

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    http(system.baseUrl, 'POST', path, body, headers);
  const get = (path: string) => http(system.baseUrl, 'GET', path);
  const step = async (path: string, body: Record<string, unknown>) => {
    const answer = await post(`/v1/cases/${caseId}${path}`, body, { 'if-match': String(revision) });
    expect({ path, status: answer.status }).toEqual({ path, status: expect.any(Number) });
    expect([200, 201]).toContain(answer.status);
    expect(answer.body.revision).toBe(revision + 1);
    revision = answer.body.revision;
    return answer.body;
  };

  beforeAll(async () => {
    system = await startBluehelm(store);
    // Every role and clearance: this test is about the flow, access has tests of its own.
    setDefaultHeaders(await bearer(ALL_ACCESS_CLAIMS, { devKeyDir: system.devKeyDir }));
  }, 120_000);
  afterAll(async () => system?.stop(), 60_000);

  it('accepts a malicious act and opens its case, whose id is known at once', async () => {
    const answer = await post('/v1/incidents', report);
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({ incidentId: expect.any(String), caseId: expect.any(String), status: 'accepted' });
    ({ incidentId, caseId } = answer.body);
    const opened = await eventually(async () => {
      const view = await get(`/v1/cases/${caseId}`);
      return view.status === 200 ? view.body : undefined;
    }, 'the case to open');
    expect(opened).toMatchObject({ caseId, status: 'open', mission: 'MINUSMA', hostState: 'MLI', stage: 'reported' });
    expect(opened.incidents).toEqual([expect.objectContaining({ incidentId, relation: 'opened-for' })]);
    revision = opened.revision;
    const incident = await get(`/v1/incidents/${incidentId}`);
    expect(incident.status).toBe(200);
    expect(incident.body).toMatchObject({ incidentId, reportId: report['reportId'], hostState: 'MLI' });
  });

  it('answers the same ids for the same report, and 409 for another body under the same report id', async () => {
    const again = await post('/v1/incidents', report);
    expect(again.body).toMatchObject({ incidentId, caseId });
    const changed = await post('/v1/incidents', { ...report, narrative: 'Another account.' });
    expect(changed.status).toBe(409);
    expect(changed.headers.get('content-type')).toContain('application/problem+json');
  });

  it('opens no case for an accident', async () => {
    const answer = await post('/v1/incidents', accidentReport());
    expect(answer.status).toBe(201);
    expect(answer.body.caseId).toBeNull();
  });

  it('walks the case from referral to sentence with several accused', async () => {
    await step('/referral', { on: '2021-03-01', authority: 'Pôle judiciaire spécialisé, Bamako' });
    await step('/investigation', { on: '2021-03-15', authority: 'Brigade d’investigation judiciaire' });
    for (const name of ['Ousmane K.', 'Ibrahim T.', 'Moussa D.']) {
      const added = await step('/accused', { on: '2021-05-02', name, kind: 'individual', affiliation: 'Armed group' });
      expect(added.personId).toEqual(expect.any(String));
      personIds[name] = added.personId;
    }
    const personStep = (name: string, body: Record<string, unknown>) =>
      step(`/accused/${personIds[name]}/steps`, body);
    await personStep('Ousmane K.', { on: '2021-06-01', stage: 'warrant-issued' });
    await personStep('Ousmane K.', { on: '2021-07-01', stage: 'arrested' });
    await personStep('Ousmane K.', { on: '2021-08-01', stage: 'charged' });
    await personStep('Ibrahim T.', { on: '2021-08-01', stage: 'charged' });
    await personStep('Moussa D.', { on: '2021-08-01', stage: 'charged' });
    await personStep('Ousmane K.', { on: '2022-03-10', stage: 'tried', court: 'Cour d’assises de Bamako' });
    await personStep('Ibrahim T.', { on: '2022-03-10', stage: 'tried', inAbsentia: true });
    await personStep('Moussa D.', { on: '2022-01-20', stage: 'charges-dismissed' });
    await personStep('Ousmane K.', { on: '2022-03-12', stage: 'convicted' });
    await personStep('Ibrahim T.', { on: '2022-03-12', stage: 'acquitted' });
    await personStep('Ousmane K.', { on: '2022-03-12', stage: 'sentenced', sentence: '20 years' });
    await step('/support', { on: '2021-04-01', kind: 'forensic', provider: 'MINUSMA', description: 'Blast analysis' });

    const view = (await get(`/v1/cases/${caseId}`)).body;
    expect(view.revision).toBe(revision);
    const stages = Object.fromEntries(view.accused.map((person: any) => [person.name, person.stage]));
    expect(stages).toEqual({ 'Ousmane K.': 'sentenced', 'Ibrahim T.': 'acquitted', 'Moussa D.': 'charges-dismissed' });
    expect(view.referral).toMatchObject({ on: '2021-03-01' });
    expect(view.supportActions).toHaveLength(1);
  });

  it('gives the case as it stood before the verdict', async () => {
    const before = await get(`/v1/cases/${caseId}?asOf=2022-03-11`);
    expect(before.status).toBe(200);
    const stages = Object.fromEntries(before.body.accused.map((person: any) => [person.name, person.stage]));
    expect(stages).toEqual({ 'Ousmane K.': 'tried', 'Ibrahim T.': 'tried', 'Moussa D.': 'charges-dismissed' });
    const beforeOpening = await get(`/v1/cases/${caseId}?asOf=2021-01-01`);
    expect(beforeOpening.status).toBe(404);
  });

  it('refuses a stale If-Match with 412 and an illegal move with 409, writing nothing', async () => {
    const stale = await post(`/v1/cases/${caseId}/closure`, { on: '2023-01-01', reason: 'done' }, { 'if-match': String(revision - 1) });
    expect(stale.status).toBe(412);
    const illegal = await post(`/v1/cases/${caseId}/accused/${personIds['Moussa D.']}/steps`, {
      on: '2023-01-01',
      stage: 'sentenced',
      sentence: '5 years',
    });
    expect(illegal.status).toBe(409);
    expect(illegal.body).toMatchObject({ status: 409, code: expect.any(String) });
    expect((await get(`/v1/cases/${caseId}`)).body.revision).toBe(revision);
  });

  it('lists every event with its hash chain and verifies it', async () => {
    const history = await get(`/v1/cases/${caseId}/history`);
    expect(history.status).toBe(200);
    const events = history.body.events;
    expect(events).toHaveLength(revision + 1);
    expect(events[0]).toMatchObject({ revision: 0, type: 'CaseOpened', metadata: { prevHash: null } });
    for (let index = 1; index < events.length; index++) {
      expect(events[index].metadata.prevHash).toBe(events[index - 1].metadata.hash);
    }
    const verify = await get(`/v1/cases/${caseId}/verify`);
    expect(verify.body).toEqual({ caseId, intact: true, eventCount: revision + 1, lastHash: events.at(-1).metadata.hash });
  });

  it('lists cases by host state, mission and stage', async () => {
    const listed = await get('/v1/cases?hostState=MLI&mission=MINUSMA');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((item: any) => item.caseId)).toContain(caseId);
    const elsewhere = await get('/v1/cases?hostState=COD');
    expect(elsewhere.body.items.map((item: any) => item.caseId)).not.toContain(caseId);
  });

  it('accepts a report straight over NATS in plain JSON with the mission system\'s token, as any mission system can send it', async () => {
    const missionSystem = system.natsCredentials['mission-system'];
    const nats = await connect({ servers: system.natsUrl, user: missionSystem?.NATS_USER, pass: missionSystem?.NATS_PASSWORD });
    try {
      const sent = headers();
      sent.set('Authorization', (await bearer({ sub: 'minusca-sage', roles: ['reporter'] }, { devKeyDir: system.devKeyDir })).authorization);
      const direct = maliciousActReport({ mission: 'MINUSCA', occurredOn: '2023-07' });
      const unsigned = await nats.request('bluehelm.intake.incidents.report', JSON.stringify(direct), { timeout: 10_000 });
      expect(JSON.parse(unsigned.string())).toMatchObject({ status: 401 });
      const reply = await nats.request('bluehelm.intake.incidents.report', JSON.stringify(direct), { timeout: 10_000, headers: sent });
      const answer = JSON.parse(reply.string());
      expect(answer).toMatchObject({ status: 'accepted', incidentId: expect.any(String), caseId: expect.any(String) });
      const broken = await nats.request('bluehelm.intake.incidents.report', JSON.stringify({ ...direct, mission: 'NOPE' }), {
        timeout: 10_000,
        headers: sent,
      });
      expect(JSON.parse(broken.string())).toMatchObject({ status: 422, errors: [expect.objectContaining({ path: 'mission' })] });
    } finally {
      await nats.close();
    }
  });

  it('keeps a hash-chained event for every accepted fact in the log', async () => {
    const events = await allEvents(system.eventStoreUrl);
    const caseEvents = events.filter((event) => event.streamName === `case-${caseId}`);
    expect(caseEvents).toHaveLength(revision + 1);
    expect(events.every((event) => typeof event.metadata['hash'] === 'string')).toBe(true);
  });
});
