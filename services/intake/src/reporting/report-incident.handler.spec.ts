import { randomUUID } from 'node:crypto';
import {
  caseIdForIncident,
  incidentIdForReport,
  isProblem,
  MISSIONS,
  type Problem,
  type ReportIncidentReply,
} from '@bluehelm/contracts';
import { verifyChain } from '@bluehelm/event-sourcing';
import { MemoryEventStore, type EventToAppend, type RecordedEvent } from '@bluehelm/event-store';
import { InFlightWork } from '@bluehelm/service-kit';
import { accessTestKit, personalDataTestKit } from '@bluehelm/service-kit/testing';
import { beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { incidentStream } from '../incidents/incident.stream.js';
import { incidentReportedEventId } from './incident-event-id.js';
import { ReportIncidentHandler } from './report-incident.handler.js';
import { bytesOf, invalidReportExample, reportExample } from './report-examples.fixtures.js';
import { MAX_REPORT_BYTES } from './report-problems.js';

let store: MemoryEventStore;
let inFlight: InFlightWork;
let handler: ReportIncidentHandler;

const ACCESS = await accessTestKit();
const bearer = async (claims: Parameters<typeof ACCESS.tokenFor>[0]) => ({ authorization: `Bearer ${await ACCESS.tokenFor(claims)}` });
/** The MINUSMA focal point's mission system, as its token says. */
const FOCAL_POINT = await bearer({ sub: 'focal-point-mli', roles: ['reporter'], missions: MISSIONS.map((mission) => mission.acronym) });

function handlerOn(eventStore: MemoryEventStore): ReportIncidentHandler {
  return new ReportIncidentHandler(eventStore, inFlight, ACCESS.access, personalDataTestKit(eventStore).cipher);
}

beforeAll(() => Logger.overrideLogger(false));
beforeEach(() => {
  store = new MemoryEventStore();
  inFlight = new InFlightWork();
  handler = handlerOn(store);
});

async function allEvents(): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
}

function asProblem(reply: ReportIncidentReply | Problem): Problem {
  if (!isProblem(reply)) throw new Error(`expected a problem, got ${JSON.stringify(reply)}`);
  return reply;
}

const ied = reportExample('malicious-act-ied-with-casualties', `ied-${randomUUID()}`);
const incidentId = incidentIdForReport(ied['reportId'] as string);

describe('reporting an incident', () => {
  it('accepts a new report with its derived ids, once the event is appended', async () => {
    const reply = await handler.handle(bytesOf(ied), { ...FOCAL_POINT, correlationId: 'corr-1' });
    expect(reply).toEqual({ incidentId, caseId: caseIdForIncident(incidentId), status: 'accepted' });
    const [event, ...others] = await store.readStream(incidentStream(incidentId));
    expect(others).toEqual([]);
    expect(event).toMatchObject({
      id: incidentReportedEventId(incidentId, (event!.data as { reportHash: string }).reportHash),
      type: 'IncidentReported',
      data: { reportId: ied['reportId'], hostState: 'MLI', incidentId, caseId: caseIdForIncident(incidentId) },
      metadata: { actor: 'focal-point-mli', correlationId: 'corr-1', occurredAt: '2021-02-10', schemaVersion: 1 },
    });
    expect(verifyChain([event!])).toMatchObject({ intact: true });
  });

  it('gives no case to an incident that is not a malicious act', async () => {
    const accident = reportExample('accident', `accident-${randomUUID()}`);
    const reply = await handler.handle(bytesOf(accident), FOCAL_POINT);
    expect(reply).toEqual({ incidentId: incidentIdForReport(accident['reportId'] as string), caseId: null, status: 'accepted' });
  });

  it("records the token's subject as the actor and makes a correlation id when no header names one", async () => {
    await handler.handle(bytesOf(ied), FOCAL_POINT);
    const [event] = await store.readStream(incidentStream(incidentId));
    expect(event!.metadata).toMatchObject({ actor: 'focal-point-mli', correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it('stores the names of casualties and witnesses sealed, and the hash chain covers the ciphertext', async () => {
    const named = { ...ied, witnesses: [{ name: 'Aminata Witness', contact: '+223 555 0101' }] };
    await handler.handle(bytesOf(named), FOCAL_POINT);
    const [event] = await store.readStream(incidentStream(incidentId));
    const stored = JSON.stringify(event!.data);
    expect(stored).not.toContain('Name withheld in examples');
    expect(stored).not.toContain('Aminata Witness');
    expect(stored).not.toContain('+223 555 0101');
    expect((event!.data as { witnesses: { name: unknown }[] }).witnesses[0]?.name).toMatchObject({ $sealed: 'A256GCM' });
    expect(verifyChain([event!])).toMatchObject({ intact: true });
  });

  it('answers a repeat with the same ids as already accepted and writes nothing', async () => {
    const first = await handler.handle(bytesOf(ied), FOCAL_POINT);
    const again = await handler.handle(bytesOf(ied), FOCAL_POINT);
    expect(again).toEqual({ ...first, status: 'already-accepted' });
    expect(await allEvents()).toHaveLength(1);
  });

  it('takes a repeat with other key order and spelled-out defaults as the same report', async () => {
    const minimal = reportExample('minimal', `minimal-${randomUUID()}`);
    await handler.handle(bytesOf(minimal), FOCAL_POINT);
    const reordered = { ...Object.fromEntries(Object.entries(minimal).reverse()), hostState: 'CYP', casualties: [] };
    expect(await handler.handle(bytesOf(reordered), FOCAL_POINT)).toMatchObject({ status: 'already-accepted' });
  });

  it('refuses the same reportId with another body as a 409 conflict, keeping the first report', async () => {
    await handler.handle(bytesOf(ied), FOCAL_POINT);
    const problem = asProblem(await handler.handle(bytesOf({ ...ied, narrative: 'Another account.' }), FOCAL_POINT));
    expect(problem).toMatchObject({ status: 409, code: 'report-id-reused', type: expect.stringMatching(/report-conflict$/) });
    const events = await allEvents();
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ narrative: ied['narrative'] });
  });

  it('accepts one of two different reports racing for the same reportId and refuses the other', async () => {
    const replies = await Promise.all([
      handler.handle(bytesOf(ied), FOCAL_POINT),
      handler.handle(bytesOf({ ...ied, narrative: 'Another account.' }), FOCAL_POINT),
    ]);
    expect(replies.map((reply) => (isProblem(reply) ? reply.status : reply.status)).sort()).toEqual([409, 'accepted']);
    expect(await allEvents()).toHaveLength(1);
  });

  it('gives the same ids to the same report sent twice at once, and records it once', async () => {
    const replies = await Promise.all([handler.handle(bytesOf(ied), FOCAL_POINT), handler.handle(bytesOf(ied), FOCAL_POINT)]);
    for (const reply of replies) expect(reply).toMatchObject({ incidentId, caseId: caseIdForIncident(incidentId) });
    expect(await allEvents()).toHaveLength(1);
  });
});

describe('rejecting a report', () => {
  it('answers 400 for a body that is not JSON, and writes nothing', async () => {
    const problem = asProblem(await handler.handle(new TextEncoder().encode('{"reportId": '), FOCAL_POINT));
    expect(problem).toMatchObject({ status: 400, type: expect.stringMatching(/malformed-json$/) });
    expect(await allEvents()).toEqual([]);
  });

  it('answers 422 naming every invalid field, and writes nothing', async () => {
    const { body, expectedErrorPaths } = invalidReportExample('bad-casualties');
    const problem = asProblem(await handler.handle(bytesOf(body), FOCAL_POINT));
    expect(problem.status).toBe(422);
    expect(problem.errors?.map((error) => error.path).sort()).toEqual([...expectedErrorPaths].sort());
    expect(await allEvents()).toEqual([]);
  });

  it('answers 413 for a body over 1 MiB without reading it', async () => {
    const problem = asProblem(await handler.handle(new Uint8Array(MAX_REPORT_BYTES + 1), FOCAL_POINT));
    expect(problem).toMatchObject({ status: 413, type: expect.stringMatching(/payload-too-large$/) });
    expect(await allEvents()).toEqual([]);
  });

  it('answers 422 for a correlation id header too long to record', async () => {
    const problem = asProblem(await handler.handle(bytesOf(ied), { ...FOCAL_POINT, correlationId: 'x'.repeat(201) }));
    expect(problem).toMatchObject({ status: 422, errors: [{ path: 'headers.Bluehelm-Correlation-Id' }] });
    expect(await allEvents()).toEqual([]);
  });

  it('answers 401 without a valid token, 403 to another role or another mission, and writes nothing', async () => {
    const analyst = await bearer({ sub: 'analyst-1', roles: ['analyst'] });
    const monusco = await bearer({ sub: 'focal-point-cod', roles: ['reporter'], missions: ['MONUSCO'] });
    expect(asProblem(await handler.handle(bytesOf(ied)))).toMatchObject({ status: 401 });
    expect(asProblem(await handler.handle(bytesOf(ied), { authorization: 'Bearer not-a-token' }))).toMatchObject({ status: 401 });
    expect(asProblem(await handler.handle(bytesOf(ied), analyst))).toMatchObject({ status: 403 });
    expect(asProblem(await handler.handle(bytesOf(ied), monusco))).toMatchObject({ status: 403, detail: expect.stringContaining('MINUSMA') });
    expect(await allEvents()).toEqual([]);
  });

  it('answers 500 without accepting when the store fails', async () => {
    class FailingStore extends MemoryEventStore {
      override appendToStream(): Promise<never> {
        return Promise.reject(new Error('disk full'));
      }
    }
    const failing = handlerOn(new FailingStore());
    expect(asProblem(await failing.handle(bytesOf(ied), FOCAL_POINT))).toMatchObject({ status: 500 });
  });
});

describe('shutdown safety', () => {
  it('counts the append as in-flight work until the store has it', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    class SlowStore extends MemoryEventStore {
      override async appendToStream(streamName: string, events: readonly EventToAppend[]) {
        await held;
        return super.appendToStream(streamName, events, { expectedRevision: 'no-stream' });
      }
    }
    const slow = handlerOn(new SlowStore());
    const reply = slow.handle(bytesOf(ied), FOCAL_POINT);
    await new Promise((resolve) => setImmediate(resolve));
    expect(inFlight.count).toBe(1);
    release();
    await expect(reply).resolves.toMatchObject({ status: 'accepted' });
    expect(inFlight.count).toBe(0);
  });
});
