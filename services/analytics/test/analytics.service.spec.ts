import { authorizedMessage } from '@bluehelm/service-kit/testing';
import { ALL_ACCESS_CLAIMS, testToken } from '../../../scripts/lib/test-tokens.mjs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ANALYTICS_INDICATORS_CHANGED_SUBJECT,
  ANALYTICS_SUBJECTS,
  type AccessTrailPage,
  type AccountabilityCsvReply,
  type AccountabilityReport,
  type AnalyticsStatus,
  type FatalitiesView,
  type IedDetectionView,
  type IndicatorChanged,
  type Problem,
} from '@bluehelm/contracts';
import { createEventStore, type EventStore } from '@bluehelm/event-store';
import { connectNats, NatsRequestClient } from '@bluehelm/messaging';
import type { NatsConnection } from '@nats-io/transport-node';
import { firstValueFrom } from 'rxjs';
import { asAppend, caseEvent, caseOpened, incidentReported, killed, type StoryEvent } from '../src/analytics.fixtures.js';
import { startAnalytics, type AnalyticsProcess } from './analytics.process.js';

// The service runs from dist with its own NATS server and sqlite files; the test appends events
// to the event store as intake and case-tracking would, and asks as the gateway will.
const CASE_ID = '7c3f0c1e-2a4b-5d6e-8f90-a1b2c3d4e5f6';
const PERSON = 'b6f1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d';
const PUBLISHED_AT = '2021-03-03T15:30:00.000Z';

const HISTORY: readonly StoryEvent[] = [
  incidentReported({ occurredOn: '2020-11-05', type: 'ied', detectedBeforeDetonation: false, casualties: [killed('TCD'), killed('TCD')] }),
  incidentReported({ occurredOn: '2020-12', type: 'ied', detectedBeforeDetonation: true }),
  incidentReported({ occurredOn: '2021-01-15', casualties: [killed('EGY', 'police')] }, '2021-01-16T08:00:00.000Z'),
  caseOpened(CASE_ID, { hostState: 'MLI', incidentOccurredOn: '2021-01-15' }, '2021-01-16T08:00:01.000Z'),
  caseEvent(CASE_ID, 'CaseReferred', { on: '2021-01-20', authority: 'Pôle judiciaire spécialisé' }, '2021-01-21T08:00:00.000Z'),
  caseEvent(CASE_ID, 'AccusedIdentified', { on: '2021-02-01', personId: PERSON, name: 'A. Ag', kind: 'individual' }, '2021-02-02T08:00:00.000Z'),
  caseEvent(CASE_ID, 'AccusedCharged', { on: '2021-02-10', personId: PERSON }, '2021-02-11T08:00:00.000Z'),
  caseEvent(CASE_ID, 'AccusedTried', { on: '2021-03-01', personId: PERSON, inAbsentia: false }, '2021-03-02T08:00:00.000Z'),
];
const VERDICT: readonly StoryEvent[] = [
  caseEvent(CASE_ID, 'AccusedConvicted', { on: '2021-03-02', personId: PERSON }, '2021-03-04T09:00:00.000Z'),
  incidentReported({ occurredOn: '2021-03-03', casualties: [killed('BGD')] }, '2021-03-04T10:00:00.000Z'),
];


/** Every role and clearance: these tests are about the service, not about access. */
const token = await testToken({ ...ALL_ACCESS_CLAIMS, sub: 'analytics-test' });
describe('the analytics service', () => {
  let service: AnalyticsProcess;
  let store: EventStore;
  let client: NatsRequestClient;
  let connection: NatsConnection;
  const indicatorMessages: IndicatorChanged[] = [];
  let publishedReport = '';

  const ask = <Reply>(subject: string, message: unknown) => firstValueFrom(client.send<Reply>(subject, authorizedMessage(message, token)));

  async function append(events: readonly StoryEvent[]): Promise<number> {
    let position = -1;
    for (const event of events) ({ position } = await store.appendToStream(event.streamName, [asAppend(event)]));
    return position;
  }

  async function applied(position: number): Promise<void> {
    const deadline = Date.now() + 15_000;
    while ((await ask<AnalyticsStatus>(ANALYTICS_SUBJECTS.status, {})).position < position) {
      if (Date.now() > deadline) throw new Error(`the read models did not reach position ${position}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Every answer the rebuild must reproduce. */
  async function answers(): Promise<unknown[]> {
    return Promise.all([
      ask(ANALYTICS_SUBJECTS.fatalities, { groupBy: 'nationality' }),
      ask(ANALYTICS_SUBJECTS.fatalities, { from: '2020', to: '2020', groupBy: 'year' }),
      ask(ANALYTICS_SUBJECTS.iedDetection, { groupBy: 'year' }),
      ask(ANALYTICS_SUBJECTS.accountability, { asOf: '2021-12-31', knownAt: '2021-12-31' }),
      ask(ANALYTICS_SUBJECTS.accountability, { asOf: '2021-03-03', knownAt: PUBLISHED_AT, format: 'csv' }),
      ask(ANALYTICS_SUBJECTS.accessTrail, { limit: '500' }),
    ]);
  }

  beforeAll(async () => {
    service = await startAnalytics();
    store = await createEventStore(service.eventStoreUrl);
    await append(HISTORY);
    await service.startService();
    client = new NatsRequestClient({ url: service.natsUrl, name: 'analytics-test-client', requestTimeoutMs: 5_000 });
    await client.connect();
    connection = await connectNats({ url: service.natsUrl, name: 'analytics-test-indicators' });
    connection.subscribe(ANALYTICS_INDICATORS_CHANGED_SUBJECT, {
      callback: (_error, message) => {
        indicatorMessages.push(message.json<IndicatorChanged>());
      },
    });
  }, 60_000);

  afterAll(async () => {
    await client?.close();
    await connection?.drain();
    await store?.close();
    await service?.tearDown();
  }, 30_000);

  it('answers fatality counts from the history it found at start', async () => {
    expect(await ask<FatalitiesView>(ANALYTICS_SUBJECTS.fatalities, { groupBy: 'nationality' })).toEqual({
      total: 3,
      groups: [
        { key: 'TCD', count: 2 },
        { key: 'EGY', count: 1 },
      ],
    });
  });

  it('answers IED detection rates', async () => {
    expect(await ask<IedDetectionView>(ANALYTICS_SUBJECTS.iedDetection, { mission: 'MINUSMA', groupBy: 'year' })).toEqual({
      ieds: 2,
      detectedBeforeDetonation: 1,
      rate: 0.5,
      groups: [{ key: '2020', ieds: 2, detectedBeforeDetonation: 1, rate: 0.5 }],
    });
  });

  it('answers a problem with the failing field for a range that ends before it starts', async () => {
    const problem = await ask<Problem>(ANALYTICS_SUBJECTS.fatalities, { from: '2021', to: '2020' });

    expect(problem).toMatchObject({ status: 422, errors: [{ path: 'to' }] });
  });

  it('publishes an accountability report before the verdict', async () => {
    const report = await ask<AccountabilityReport>(ANALYTICS_SUBJECTS.accountability, { asOf: '2021-03-03', knownAt: PUBLISHED_AT });
    publishedReport = JSON.stringify(report);

    expect(report.hostStates).toMatchObject([{ hostState: 'MLI', cases: { reported: 1, charged: 1, tried: 1, convicted: 0 } }]);
  });

  it('follows new events, and announces the indicators they change', async () => {
    const last = await append(VERDICT);
    await applied(last);

    expect((await ask<FatalitiesView>(ANALYTICS_SUBJECTS.fatalities, {})).total).toBe(4);
    await eventually(() =>
      expect(indicatorMessages).toEqual(
        expect.arrayContaining([
          { indicator: 'fatalities', position: expect.any(Number), totals: { total: 4 } },
          { indicator: 'accountability', position: expect.any(Number), totals: { cases: 1, casesConvicted: 1, casesClosed: 0, personsIdentified: 1 } },
        ]),
      ),
    );
  });

  it('counts the verdict once it is known, and reproduces the earlier report byte for byte', async () => {
    const now = await ask<AccountabilityReport>(ANALYTICS_SUBJECTS.accountability, { asOf: '2021-03-03', knownAt: '2021-03-05' });
    const reproduced = await ask<AccountabilityReport>(ANALYTICS_SUBJECTS.accountability, { asOf: '2021-03-03', knownAt: PUBLISHED_AT });

    expect(now.hostStates[0]).toMatchObject({ cases: { convicted: 1 }, persons: { convicted: 1 }, medianDaysToFirstConviction: 46 });
    expect(JSON.stringify(reproduced)).toBe(publishedReport);
  });

  it('answers the report as CSV', async () => {
    const csv = await ask<AccountabilityCsvReply>(ANALYTICS_SUBJECTS.accountability, { asOf: '2021-03-03', knownAt: '2021-03-05', format: 'csv' });

    expect(csv.contentType).toBe('text/csv; charset=utf-8; header=present');
    expect(csv.body.split('\r\n')[1]).toMatch(/^2021-03-03,2021-03-05T23:59:59\.999Z,MLI,1,1,0,1,1,1,1,0,/);
  });

  it('gives the same answers after rebuilding each group of read models from position zero while the service is stopped', async () => {
    const live = await answers();
    expect(live.at(-1)).toMatchObject({ entries: expect.arrayContaining([expect.objectContaining({ action: 'write', actor: 'analytics-spec' })]) });
    expect((live.at(-1) as AccessTrailPage).entries).toHaveLength(10);
    expect(await service.stopService()).toBe(0);

    const reports = await service.rebuild(['analytics']);
    const trail = await service.rebuild(['access-trail']);

    expect(reports).toMatchObject({ code: 0 });
    expect(reports.stdout).toMatch(/analytics: rebuilt fatalities, ied-detection, accountability-facts from 10 events in .* s \(.* events\/s\)/);
    expect(trail).toMatchObject({ code: 0 });
    expect(trail.stdout).toMatch(/access-trail: rebuilt access-trail from 10 events in .* s \(.* events\/s\)/);
    await service.startService();
    expect(await answers()).toEqual(live);
  }, 60_000);

  it('refuses a rebuild that names no read models, or read models that do not exist', async () => {
    const none = await service.rebuild([]);
    const unknown = await service.rebuild(['analytics', 'everything']);

    expect(none).toMatchObject({ code: 64, stderr: expect.stringMatching(/name the read models to rebuild: analytics, access-trail/) });
    expect(unknown).toMatchObject({ code: 64, stderr: expect.stringMatching(/no read models named everything/) });
  });
});

async function eventually(check: () => void, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
