import { authorizedMessage } from '@bluehelm/service-kit/testing';
import { ALL_ACCESS_CLAIMS, testToken } from '../../../scripts/lib/test-tokens.mjs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  caseIdForIncident,
  CASE_TRACKING_SUBJECTS,
  EVENTS_STREAM,
  eventSubjectOf,
  type AddAccusedReply,
  type CaseHistory,
  type CaseList,
  type CaseStepReply,
  type CaseView,
  type Problem,
} from '@bluehelm/contracts';
import { connectNats, encodeIntegrationEvent, NatsRequestClient, type IntegrationEvent } from '@bluehelm/messaging';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { firstValueFrom } from 'rxjs';
import { startCaseTracking, type CaseTrackingProcess } from './case-tracking.process.js';

// The service runs from dist, as in production, with its own NATS server and sqlite file; the
// test speaks to it as the gateway will (a Nest ClientProxy) and as intake's relay does (JetStream).
const ACTOR = 'legal-officer-mli';
const INCIDENT_ID = randomUUID();
const CASE_ID = caseIdForIncident(INCIDENT_ID);
const INCIDENT_DURABLE = 'case-tracking-incidents';

function incidentReported(incidentId: string, category: string, eventId = randomUUID()): IntegrationEvent {
  return {
    id: eventId,
    type: 'IncidentReported',
    streamName: `incident-${incidentId}`,
    category: 'incident',
    revision: 0,
    position: 1,
    data: {
      incidentId,
      reportId: `MINUSMA-${incidentId}`,
      mission: 'MINUSMA',
      hostState: 'MLI',
      occurredOn: '2021-03-14',
      category,
      type: category === 'malicious-act' ? 'ambush' : null,
      caseId: category === 'malicious-act' ? caseIdForIncident(incidentId) : null,
    },
    metadata: { correlationId: randomUUID(), actor: 'minusma-sage' },
  };
}


/** Every role and clearance: these tests are about the service, not about access. */
const token = await testToken({ ...ALL_ACCESS_CLAIMS, sub: ACTOR });
describe('the case-tracking service', () => {
  let service: CaseTrackingProcess;
  let connection: NatsConnection;
  let js: JetStreamClient;
  let client: NatsRequestClient;
  const reported = incidentReported(INCIDENT_ID, 'malicious-act');
  const persons: { accused?: string; group?: string } = {};
  let revision = 0;

  const ask = <Reply>(subject: string, message: unknown) => firstValueFrom(client.send<Reply | Problem>(subject, authorizedMessage(message, token)));

  async function step(subject: string, body: unknown, extra: Record<string, unknown> = {}): Promise<CaseStepReply> {
    const reply = await ask<CaseStepReply>(subject, { caseId: CASE_ID, actor: ACTOR, expectedRevision: revision, body, ...extra });
    if ('status' in reply) throw new Error(`${subject} answered ${JSON.stringify(reply)}`);
    revision = reply.revision;
    return reply;
  }

  async function personStep(personId: string | undefined, body: Record<string, unknown>): Promise<CaseStepReply> {
    return step(CASE_TRACKING_SUBJECTS['accused-step'], body, { personId });
  }

  /** Publishes an event as intake's relay does, and waits until the incident consumer has settled it. */
  async function deliver(event: IntegrationEvent): Promise<void> {
    const ack = await js.publish(eventSubjectOf('incident', 'IncidentReported'), encodeIntegrationEvent(event), { msgID: event.id });
    const jsm = await js.jetstreamManager();
    await eventually(async () => {
      const info = await jsm.consumers.info(EVENTS_STREAM, INCIDENT_DURABLE);
      expect(info.delivered.stream_seq).toBeGreaterThanOrEqual(ack.seq);
      expect(info.num_ack_pending).toBe(0);
    });
  }

  beforeAll(async () => {
    service = await startCaseTracking();
    connection = await connectNats({ url: service.natsUrl, name: 'case-tracking-test' });
    js = jetstream(connection);
    client = new NatsRequestClient({ url: service.natsUrl, name: 'case-tracking-test-client', requestTimeoutMs: 5_000 });
    await client.connect();
  }, 60_000);

  afterAll(async () => {
    await client?.close();
    await connection?.drain();
    await service?.tearDown();
  }, 30_000);

  it('opens the case of a malicious act reported on JetStream, on the day of the incident', async () => {
    await deliver(reported);

    const opened = await ask<CaseView>(CASE_TRACKING_SUBJECTS.get, { caseId: CASE_ID });
    expect(opened).toMatchObject({ caseId: CASE_ID, revision: 0, status: 'open', stage: 'reported', openedOn: '2021-03-14' });
    expect(opened).toMatchObject({ incidents: [{ incidentId: INCIDENT_ID, relation: 'opened-for' }] });
  });

  it('walks the case from referral to a sentence, answering each new revision', async () => {
    await step(CASE_TRACKING_SUBJECTS.referral, { on: '2021-03-20', authority: 'Pôle judiciaire spécialisé, Bamako' });
    await step(CASE_TRACKING_SUBJECTS.investigation, { on: '2021-04-01', authority: 'Pôle judiciaire spécialisé, Bamako' });
    persons.accused = ((await step(CASE_TRACKING_SUBJECTS.accused, { on: '2021-05-01', name: 'A. Ag', kind: 'individual' })) as AddAccusedReply).personId;
    const group = await step(CASE_TRACKING_SUBJECTS.accused, { on: '2021-05-02', name: 'Katiba', kind: 'group', affiliation: 'JNIM' });
    persons.group = (group as AddAccusedReply).personId;
    await personStep(persons.accused, { on: '2021-05-10', stage: 'warrant-issued' });
    await personStep(persons.accused, { on: '2021-06-01', stage: 'arrested' });
    await personStep(persons.accused, { on: '2021-06-15', stage: 'charged' });
    await personStep(persons.group, { on: '2021-07-01', stage: 'charged' });
    await personStep(persons.accused, { on: '2022-02-01', stage: 'tried', court: 'Cour d’assises de Bamako' });
    await personStep(persons.accused, { on: '2022-02-20', stage: 'convicted' });
    const sentenced = await personStep(persons.accused, { on: '2022-03-15', stage: 'sentenced', sentence: '20 years' });

    expect(sentenced).toEqual({ caseId: CASE_ID, revision: 11 });
    expect(persons.accused).not.toBe(persons.group);
  });

  it('gets the case as it stands, each accused with their own stage', async () => {
    const view = await ask<CaseView>(CASE_TRACKING_SUBJECTS.get, { caseId: CASE_ID });

    expect(view).toMatchObject({ revision: 11, stage: 'verdict', referral: { on: '2021-03-20' }, investigation: { on: '2021-04-01' } });
    expect(view).toMatchObject({
      accused: [
        { personId: persons.accused, stage: 'sentenced', steps: expect.arrayContaining([{ step: 'sentenced', on: '2022-03-15', sentence: '20 years' }]) },
        { personId: persons.group, kind: 'group', affiliation: 'JNIM', stage: 'charged' },
      ],
    });
  });

  it('gets the case as it stood before and after the verdict, and 404 before the incident', async () => {
    const beforeVerdict = await ask<CaseView>(CASE_TRACKING_SUBJECTS.get, { caseId: CASE_ID, asOf: '2022-02-10' });
    const afterVerdict = await ask<CaseView>(CASE_TRACKING_SUBJECTS.get, { caseId: CASE_ID, asOf: '2022-02-20' });
    const beforeIncident = await ask<CaseView>(CASE_TRACKING_SUBJECTS.get, { caseId: CASE_ID, asOf: '2021-03-13' });

    expect(beforeVerdict).toMatchObject({ asOf: '2022-02-10', stage: 'trial', accused: [{ stage: 'tried' }, { stage: 'charged' }] });
    expect(afterVerdict).toMatchObject({ asOf: '2022-02-20', stage: 'verdict', accused: [{ stage: 'convicted' }, { stage: 'charged' }] });
    expect(beforeIncident).toMatchObject({ status: 404 });
  });

  it('gives the history with every event hash-chained and attributed', async () => {
    const history = await ask<CaseHistory>(CASE_TRACKING_SUBJECTS.history, { caseId: CASE_ID });

    expect('events' in history && history.events).toHaveLength(12);
    const events = (history as CaseHistory).events;
    expect(events[0]).toMatchObject({ revision: 0, type: 'CaseOpened', metadata: { actor: 'case-tracking', causationId: reported.id, prevHash: null } });
    for (const [index, event] of events.entries()) {
      expect(event.metadata['hash']).toMatch(/^[0-9a-f]{64}$/);
      if (index > 0) expect(event.metadata).toMatchObject({ actor: ACTOR, prevHash: events[index - 1]?.metadata['hash'] });
    }
  });

  it('verifies the case intact up to the hash of its last event', async () => {
    const history = (await ask<CaseHistory>(CASE_TRACKING_SUBJECTS.history, { caseId: CASE_ID })) as CaseHistory;

    expect(await ask(CASE_TRACKING_SUBJECTS.verify, { caseId: CASE_ID })).toEqual({
      caseId: CASE_ID,
      intact: true,
      eventCount: 12,
      lastHash: history.events[11]?.metadata['hash'],
    });
  });

  it('lists the case under its host state, mission and stage, and not under others', async () => {
    const list = (query: Record<string, unknown>) => ask<CaseList>(CASE_TRACKING_SUBJECTS.list, query);

    await eventually(async () => expect(await list({ hostState: 'MLI', stage: 'verdict' })).toMatchObject({ total: 1, items: [{ caseId: CASE_ID, revision: 11, accusedCount: 2 }] }));
    expect(await list({ mission: 'MINUSMA' })).toMatchObject({ total: 1, limit: 50, offset: 0 });
    expect(await list({ stage: 'closed' })).toMatchObject({ total: 0, items: [] });
    expect(await list({ mission: 'MONUSCO' })).toMatchObject({ total: 0 });
    expect(await list({ stage: 'convicted' })).toMatchObject({ status: 422 });
  });

  it('refuses a step at a stale revision with 412, writing nothing', async () => {
    const reply = await ask(CASE_TRACKING_SUBJECTS.support, {
      caseId: CASE_ID,
      actor: ACTOR,
      expectedRevision: 3,
      body: { on: '2021-04-05', kind: 'forensic', provider: 'UNMAS' },
    });

    expect(reply).toMatchObject({ status: 412, code: 'stale-revision' });
    expect(await ask(CASE_TRACKING_SUBJECTS.get, { caseId: CASE_ID })).toMatchObject({ revision: 11 });
  });

  it('refuses an illegal move with 409 and the code of the rule', async () => {
    const reply = await ask(CASE_TRACKING_SUBJECTS['accused-step'], {
      caseId: CASE_ID,
      personId: persons.group,
      actor: ACTOR,
      body: { on: '2022-03-01', stage: 'convicted' },
    });

    expect(reply).toMatchObject({ status: 409, code: 'accused-not-tried' });
  });

  it('refuses an invalid body with 422 naming the fields, writing nothing', async () => {
    const reply = await ask(CASE_TRACKING_SUBJECTS['accused-step'], {
      caseId: CASE_ID,
      personId: persons.accused,
      actor: ACTOR,
      body: { on: '2022-13-01', stage: 'pardoned' },
    });

    expect(reply).toMatchObject({ status: 422, errors: [{ path: 'on' }, { path: 'stage' }] });
    expect(await ask(CASE_TRACKING_SUBJECTS.get, { caseId: CASE_ID })).toMatchObject({ revision: 11 });
  });

  it('opens nothing twice when the same incident is delivered again, nor anything for an accident', async () => {
    const accidentId = randomUUID();
    await deliver(incidentReported(INCIDENT_ID, 'malicious-act', randomUUID()));
    await deliver(incidentReported(accidentId, 'accident'));

    const history = (await ask<CaseHistory>(CASE_TRACKING_SUBJECTS.history, { caseId: CASE_ID })) as CaseHistory;
    expect(history.events.filter((event) => event.type === 'CaseOpened')).toHaveLength(1);
    expect(history.events).toHaveLength(12);
    expect(await ask(CASE_TRACKING_SUBJECTS.get, { caseId: caseIdForIncident(accidentId) })).toMatchObject({ status: 404 });
  });

  it('relays the case events to JetStream', async () => {
    const jsm = await js.jetstreamManager();

    await eventually(async () => {
      const sentenced = await jsm.streams.getMessage(EVENTS_STREAM, { last_by_subj: eventSubjectOf('case', 'AccusedSentenced') });
      expect(sentenced?.json()).toMatchObject({ streamName: `case-${CASE_ID}`, revision: 11, category: 'case' });
    });
  });

  it('stops cleanly when asked to', async () => {
    expect(await service.stopService()).toBe(0);
  });

  it('rebuilds the case list from the log after a restart, each case event on JetStream once', async () => {
    const jsm = await js.jetstreamManager();
    const caseMessages = async () =>
      (await jsm.streams.info(EVENTS_STREAM, { subjects_filter: 'bluehelm.events.case.>' })).state.subjects ?? {};
    const relayedBefore = await caseMessages();

    await service.restartService();

    expect(await ask(CASE_TRACKING_SUBJECTS.list, { hostState: 'MLI' })).toMatchObject({ total: 1, items: [{ caseId: CASE_ID, revision: 11 }] });
    expect(await caseMessages()).toEqual(relayedBefore);
    expect(Object.values(relayedBefore).reduce((sum, count) => sum + count, 0)).toBe(12);
  }, 40_000);
});

async function eventually(check: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
