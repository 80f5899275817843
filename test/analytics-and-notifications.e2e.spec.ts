import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ALL_ACCESS_CLAIMS, bearer } from '../scripts/lib/test-tokens.mjs';
import { startBluehelm } from '../scripts/lib/bluehelm-system.mjs';
import { eventually, http, setDefaultHeaders } from './support/http-client.js';
import { maliciousActReport } from './support/incident-reports.js';
import { startMailReceiver, startWebhookReceiver, type MailReceiver, type WebhookReceiver } from './support/notification-receivers.js';

type BluehelmSystem = Awaited<ReturnType<typeof startBluehelm>>;

const FATAL_INCIDENTS = 6;

describe('incidents in, indicators, reports and notifications out', () => {
  let system: BluehelmSystem;
  let webhooks: WebhookReceiver;
  let mail: MailReceiver;
  const get = (path: string) => http(system.baseUrl, 'GET', path);
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    http(system.baseUrl, 'POST', path, body, headers);

  beforeAll(async () => {
    // Slow receivers, so that a kill lands while deliveries are on the wire.
    webhooks = await startWebhookReceiver(400);
    mail = await startMailReceiver(400);
    system = await startBluehelm('sqlite', {
      SMTP_URL: mail.url,
      DELIVERY_BACKOFF_INITIAL_MS: '200',
      DELIVERY_BACKOFF_MAX_MS: '1000',
      DELIVERY_POLL_MS: '100',
      DELIVERY_CONCURRENCY: '2',
      DELIVERY_TIMEOUT_MS: '3000',
    });
    // Every role and clearance: this test is about the flow, access has tests of its own.
    setDefaultHeaders(await bearer(ALL_ACCESS_CLAIMS, { devKeyDir: system.devKeyDir }));
    const focalPoint = await post('/v1/focal-points', { mission: 'MINUSMA', name: 'Focal Point', email: 'focal@minusma.example', role: 'Protection of civilians' });
    expect(focalPoint.status).toBe(201);
    const subscription = await post('/v1/subscriptions', { channel: 'webhook', url: webhooks.url, filters: { nationalities: ['TCD'] } });
    expect(subscription.status).toBe(201);
    webhooks.useSecret(subscription.body.secret);
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
    await webhooks?.close();
    await mail?.close();
  }, 60_000);

  it('notifies each recipient exactly once per fatality, even when notification is killed mid-delivery', async () => {
    for (let n = 0; n < FATAL_INCIDENTS; n++) {
      const answer = await post('/v1/incidents', maliciousActReport({ occurredOn: `2020-0${n + 1}-15` }));
      expect(answer.status).toBe(201);
    }
    await eventually(async () => (webhooks.arrivals.size + mail.arrivals.size > 0 ? true : undefined), 'a first delivery', 30_000);
    await system.kill('notification');
    await system.restart('notification');

    // Every (event, recipient) the delivery log holds reaches its receiver under one id, however
    // often the wire carried it: the receivers keep the ids they saw (webhook-id, Message-ID).
    const settled = await eventually(async () => {
      const log = await get('/v1/notifications?limit=500');
      const items: any[] = log.body?.items ?? [];
      const fatalities = items.filter((item) => item.eventType === 'IncidentReported');
      const allDelivered = items.length > 0 && items.every((item) => item.status === 'delivered');
      return fatalities.length === 2 * FATAL_INCIDENTS && allDelivered ? items : undefined;
    }, 'every notification to be delivered', 90_000);
    expect(webhooks.badSignatures).toBe(0);
    const keys = settled.map((item: any) => `${item.eventId}/${item.recipient}`);
    expect(new Set(keys).size).toBe(keys.length);
    const idsOf = (channel: string) =>
      settled.filter((item: any) => item.channel === channel).map((item: any) => item.notificationId).sort();
    expect([...webhooks.arrivals.keys()].sort()).toEqual(idsOf('webhook'));
    expect([...mail.arrivals.keys()].map((id) => id.replace(/^<|@.*$/g, '')).sort()).toEqual(idsOf('email'));
    const fatalityChannels = settled
      .filter((item: any) => item.eventType === 'IncidentReported')
      .map((item: any) => item.channel);
    expect(fatalityChannels.filter((channel: string) => channel === 'webhook')).toHaveLength(FATAL_INCIDENTS);
    expect(fatalityChannels.filter((channel: string) => channel === 'email')).toHaveLength(FATAL_INCIDENTS);
  }, 120_000);

  it('counts the fatalities by nationality and year', async () => {
    const byNationality = await eventually(async () => {
      const answer = await get('/v1/analytics/fatalities?groupBy=nationality');
      return answer.body?.total === FATAL_INCIDENTS ? answer.body : undefined;
    }, 'the fatalities indicator');
    expect(byNationality.groups).toEqual([{ key: 'TCD', count: FATAL_INCIDENTS }]);
    const byYear = await get('/v1/analytics/fatalities?groupBy=year&from=2020&to=2020');
    expect(byYear.body).toEqual({ total: FATAL_INCIDENTS, groups: [{ key: '2020', count: FATAL_INCIDENTS }] });
    const ieds = await get('/v1/analytics/ied-detection?groupBy=year');
    expect(ieds.body).toMatchObject({ ieds: FATAL_INCIDENTS, detectedBeforeDetonation: 0 });
  });

  it('gives the accountability report before and after a verdict, and reproduces an earlier one byte for byte', async () => {
    const opened = await post('/v1/incidents', maliciousActReport({ occurredOn: '2021-01-10' }));
    const caseId = opened.body.caseId;
    await eventually(async () => ((await get(`/v1/cases/${caseId}`)).status === 200 ? true : undefined), 'the case');
    const accused = await post(`/v1/cases/${caseId}/accused`, { on: '2021-02-01', name: 'A. Suspect', kind: 'individual' });
    const personId = accused.body.personId;
    for (const [on, stage] of [['2021-03-01', 'charged'], ['2021-06-01', 'tried']]) {
      expect((await post(`/v1/cases/${caseId}/accused/${personId}/steps`, { on, stage })).status).toBeLessThan(300);
    }
    const reportFor = async (query: string) =>
      eventually(async () => {
        const answer = await get(`/v1/reports/accountability?hostState=MLI${query}`);
        return answer.body?.hostStates?.[0]?.persons?.tried === 1 ? answer : undefined;
      }, 'the report to show the trial');
    const before = await reportFor('');
    expect(before.body.hostStates[0].persons.convicted).toBe(0);

    await post(`/v1/cases/${caseId}/accused/${personId}/steps`, { on: '2021-06-20', stage: 'convicted' });
    const after = await eventually(async () => {
      const answer = await get('/v1/reports/accountability?hostState=MLI');
      return answer.body?.hostStates?.[0]?.persons?.convicted === 1 ? answer : undefined;
    }, 'the report to show the verdict');
    expect(after.body.hostStates[0].medianDaysToFirstConviction).toEqual(expect.any(Number));

    const asOfBeforeVerdict = await get('/v1/reports/accountability?hostState=MLI&asOf=2021-06-10');
    expect(asOfBeforeVerdict.body.hostStates[0].persons).toMatchObject({ tried: 1, convicted: 0 });
    const reproduced = await get(
      `/v1/reports/accountability?hostState=MLI&asOf=${before.body.asOf}&knownAt=${encodeURIComponent(before.body.knownAt)}`,
    );
    expect(reproduced.text).toBe(before.text);
    const csv = await get('/v1/reports/accountability?hostState=MLI&format=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text.split('\n')[0]).toContain('hostState');
  });

  it('pushes indicator changes to a live stream', async () => {
    const controller = new AbortController();
    const analyst = await bearer({ sub: 'analyst-stream', roles: ['analyst'] }, { devKeyDir: system.devKeyDir });
    const response = await fetch(`${system.baseUrl}/v1/analytics/stream`, { signal: controller.signal, headers: analyst });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await post('/v1/incidents', maliciousActReport({ occurredOn: '2022-04-04' }));
    let received = '';
    const deadline = Date.now() + 15_000;
    while (!received.includes('event: indicator-changed') && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      received += new TextDecoder().decode(value);
    }
    controller.abort();
    expect(received).toContain('event: indicator-changed');
  });
});
