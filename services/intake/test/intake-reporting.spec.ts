import { testToken } from '../../../scripts/lib/test-tokens.mjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  caseIdForIncident,
  eventSubjectOf,
  EVENTS_STREAM,
  incidentIdForReport,
  INTAKE_SUBJECTS,
  isProblem,
  type Problem,
  type ReportIncidentReply,
} from '@bluehelm/contracts';
import { verifyChain } from '@bluehelm/event-sourcing';
import { createEventStore, type EventStore, type RecordedEvent } from '@bluehelm/event-store';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jetstreamManager, type JetStreamManager, type StoredMsg } from '@nats-io/jetstream';
import { connect, headers, type NatsConnection } from '@nats-io/transport-node';
import { bytesOf, invalidReportExample, reportExample, type ReportBody } from '../src/reporting/report-examples.fixtures.js';
import { startIntake, type IntakeProcess } from './intake-process.js';
import { startPrivateNats as startPrivateNatsServer } from '../../../scripts/lib/private-nats.mjs';

type PrivateNatsServer = Awaited<ReturnType<typeof startPrivateNatsServer>>;

// Intake as mission systems meet it: a built process on a private NATS server and a sqlite
// file, spoken to by a plain NATS client (no NestJS), as a client in any language would.
const REPORTED_SUBJECT = eventSubjectOf('incident', 'IncidentReported');

let nats: PrivateNatsServer;
let dataDir: string;
let storeUrl: string;
let intake: IntakeProcess;
let client: NatsConnection;
let jsm: JetStreamManager;

beforeAll(async () => {
  nats = await startPrivateNatsServer();
  dataDir = mkdtempSync(join(tmpdir(), 'bluehelm-intake-'));
  storeUrl = `sqlite:${join(dataDir, 'events.db')}`;
  intake = await startIntake({ NATS_URL: nats.url, EVENT_STORE_URL: storeUrl, SHUTDOWN_TIMEOUT_MS: '3000' });
  client = await connect({ servers: nats.url });
  jsm = await jetstreamManager(client);
}, 40_000);

afterAll(async () => {
  await client?.close();
  await intake?.stop();
  await nats?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** The mission system's own token, as a NATS client sends it: the report's actor is its subject. */
const reporterToken = await testToken({ sub: 'focal-point-minusma', roles: ['reporter'] });
const auditorToken = await testToken({ sub: 'auditor-intake-test', roles: ['auditor'] });

async function report(body: ReportBody | Uint8Array, correlationId?: string): Promise<ReportIncidentReply | Problem> {
  const sentHeaders = headers();
  sentHeaders.set('Authorization', `Bearer ${reporterToken}`);
  if (correlationId !== undefined) sentHeaders.set('Bluehelm-Correlation-Id', correlationId);
  const payload = body instanceof Uint8Array ? body : bytesOf(body);
  const reply = await client.request(INTAKE_SUBJECTS.reportIncident, payload, { timeout: 10_000, headers: sentHeaders });
  return reply.json<ReportIncidentReply | Problem>();
}

function asReply(answer: ReportIncidentReply | Problem): ReportIncidentReply {
  if (isProblem(answer)) throw new Error(`expected a reply, got the problem ${JSON.stringify(answer)}`);
  return answer;
}

function asProblem(answer: ReportIncidentReply | Problem): Problem {
  if (!isProblem(answer)) throw new Error(`expected a problem, got the reply ${JSON.stringify(answer)}`);
  return answer;
}

/** Every event of the log, read through a store of the test's own on the service's sqlite file. */
async function storedEvents(): Promise<RecordedEvent[]> {
  const store: EventStore = await createEventStore(storeUrl);
  try {
    const events: RecordedEvent[] = [];
    for await (const event of store.readAll()) events.push(event);
    return events;
  } finally {
    await store.close();
  }
}

async function published(sequence: number): Promise<StoredMsg> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const message = await jsm.streams.getMessage(EVENTS_STREAM, { seq: sequence }).catch(() => null);
    if (message) return message;
    if (Date.now() > deadline) throw new Error(`no message ${sequence} on ${EVENTS_STREAM} within 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function newReport(name = 'malicious-act-ied-with-casualties'): ReportBody {
  return reportExample(name, `it-${randomUUID()}`);
}

describe('a report over plain NATS', () => {
  const ied = newReport();
  const incidentId = incidentIdForReport(ied['reportId'] as string);

  it('is accepted with its ids once the event, with metadata and hash, is in the store', async () => {
    const reply = await report(ied, 'mission-system-42');
    expect(reply).toEqual({ incidentId, caseId: caseIdForIncident(incidentId), status: 'accepted' });
    const events = await storedEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      streamName: `incident-${incidentId}`,
      type: 'IncidentReported',
      data: { reportId: ied['reportId'], incidentId, reportHash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      metadata: {
        actor: 'focal-point-minusma',
        correlationId: 'mission-system-42',
        prevHash: null,
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    });
    expect(verifyChain(events)).toMatchObject({ intact: true, eventCount: 1 });
  });

  it('reaches JetStream on bluehelm.events.incident.IncidentReported with Nats-Msg-Id = event id', async () => {
    const [event] = await storedEvents();
    const message = await published(1);
    expect(message.subject).toBe(REPORTED_SUBJECT);
    expect(message.header.get('Nats-Msg-Id')).toBe(event!.id);
    expect(message.json()).toMatchObject({ id: event!.id, type: 'IncidentReported', category: 'incident', data: { incidentId } });
  });

  it('is answered as already accepted, with the same ids, when sent again, and stored once', async () => {
    expect(await report(ied)).toEqual({ incidentId, caseId: caseIdForIncident(incidentId), status: 'already-accepted' });
    expect(await storedEvents()).toHaveLength(1);
  });

  it('is refused with 409 when its reportId comes again with another body', async () => {
    const reply = await report({ ...ied, narrative: 'A different account of the day.' });
    expect(reply).toMatchObject({ status: 409, code: 'report-id-reused' });
  });

  it('is refused with 400 when it is not JSON', async () => {
    const reply = await report(new TextEncoder().encode('{"reportId": "half'));
    expect(reply).toMatchObject({ status: 400, type: expect.stringMatching(/malformed-json$/) });
  });

  it('is refused with 422 naming every invalid field', async () => {
    const { body, expectedErrorPaths } = invalidReportExample('wrong-types');
    const reply = asProblem(await report(body));
    expect(reply.status).toBe(422);
    expect(reply.errors?.map((error) => error.path).sort()).toEqual([...expectedErrorPaths].sort());
  });

  it('leaves the store as it was after every rejection', async () => {
    const events = await storedEvents();
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ narrative: ied['narrative'] });
  });
});

describe('the metrics of the report subject', () => {
  it('count the reports answered, by outcome', async () => {
    const metrics = await (await fetch(`http://127.0.0.1:${intake.port}/metrics`)).text();
    expect(metrics).toMatch(/nats_messages_total\{[^}]*subject="bluehelm\.intake\.incidents\.report",outcome="ok"[^}]*\} [1-9]/);
  });
});

describe('an incident view over the NestJS transport', () => {
  async function getIncident(incidentId: string): Promise<Record<string, unknown>> {
    const envelope = { pattern: INTAKE_SUBJECTS.getIncident, data: { incidentId }, id: randomUUID() };
    const sentHeaders = headers();
    sentHeaders.set('Authorization', `Bearer ${auditorToken}`);
    const reply = await client.request(INTAKE_SUBJECTS.getIncident, JSON.stringify(envelope), { timeout: 10_000, headers: sentHeaders });
    return reply.json<{ response: Record<string, unknown> }>().response;
  }

  it('answers the report as accepted, with when it was recorded', async () => {
    const accident = newReport('accident');
    const { incidentId } = asReply(await report(accident));
    expect(await getIncident(incidentId)).toMatchObject({
      incidentId,
      caseId: null,
      reportId: accident['reportId'],
      mission: accident['mission'],
      narrative: accident['narrative'],
      recordedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
  });

  it('answers 404 for an incident nobody reported', async () => {
    expect(await getIncident(randomUUID())).toMatchObject({ status: 404 });
  });
});

describe('a crash right after the replies', () => {
  it('loses no accepted report, and the relay still publishes each one once', async () => {
    const reports = Array.from({ length: 20 }, () => newReport('minimal'));
    const replies = await Promise.all(reports.map((body) => report(body)));
    expect(await intake.kill()).toBe('SIGKILL');

    const accepted = replies.map(asReply).filter((reply) => reply.status === 'accepted').map((reply) => reply.incidentId);
    expect(accepted).toHaveLength(20);
    intake = await startIntake({ NATS_URL: nats.url, EVENT_STORE_URL: storeUrl, SHUTDOWN_TIMEOUT_MS: '3000' });

    const events = await storedEvents();
    const storedIncidents = new Set(events.map((event) => (event.data as { incidentId: string }).incidentId));
    for (const incidentId of accepted) expect(storedIncidents.has(incidentId)).toBe(true);

    const publishedIds = await Promise.all(events.map(async (_, index) => (await published(index + 1)).header.get('Nats-Msg-Id')));
    expect(publishedIds).toEqual(events.map((event) => event.id));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await jsm.streams.info(EVENTS_STREAM)).state.messages).toBe(events.length);
  }, 60_000);

  it('stops with exit 0 on SIGTERM', async () => {
    expect(await intake.stop()).toBe(0);
    expect(intake.stderr.join('\n')).not.toMatch(/did not stop cleanly|shutdown failed/);
  });
});
