import { ACCOUNTABILITY_CSV_CONTENT_TYPE, ANALYTICS_SUBJECTS } from '@bluehelm/contracts';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeNestService } from './support/fake-nest-service.js';
import { startGateway, type GatewayUnderTest } from './support/gateway-under-test.js';
import { startPrivateNats } from '../../../scripts/lib/private-nats.mjs';
import { testToken } from '../../../scripts/lib/test-tokens.mjs';

type PrivateNats = Awaited<ReturnType<typeof startPrivateNats>>;

/** A mission whose queries analytics never answers. */
const SLOW_MISSION = 'UNMISS';
/** A host state for which analytics answers a report of the wrong format. */
const CONFUSED_HOST_STATE = 'NER';
/** The day for which analytics sends its JSON report already written, with its own spacing. */
const WRITTEN_AS_OF = '2020-01-01';

/** Analysts may read every aggregate. */
const authorization = `Bearer ${await testToken({ sub: 'analyst-1', roles: ['analyst'] })}`;

function problem(status: number, kind: string, extra: object = {}): object {
  return { type: `https://bluehelm.example/problems/${kind}`, title: kind, status, detail: `${kind}.`, ...extra };
}

/** A report whose keys are not in alphabetical order, as analytics builds it. */
function reportFor(query: Record<string, string>): object {
  return {
    asOf: query['asOf'] ?? '2026-11-23',
    knownAt: '2026-11-23T10:00:00.000Z',
    hostStates: [
      {
        hostState: query['hostState'] ?? 'MLI',
        cases: { reported: 4, referred: 3, investigationOpened: 2, suspectIdentified: 2, charged: 1, tried: 1, convicted: 1, closed: 0 },
        stalled: 1,
        persons: { identified: 2, convicted: 1 },
        supportActions: { forensic: 1 },
        medianDaysToFirstConviction: 412,
      },
    ],
  };
}

const csvReply = {
  contentType: ACCOUNTABILITY_CSV_CONTENT_TYPE,
  filename: 'accountability-asof-2023-12-31-knownat-2024-01-15T093000000Z.csv',
  body: 'asOf,knownAt,hostState,cases.reported\r\n2023-12-31,2024-01-15T09:30:00.000Z,MLI,4\r\n',
};

function analyticsAnswer(subject: string, message: unknown): unknown {
  const query = message as Record<string, string>;
  if (query['mission'] === SLOW_MISSION) return new Promise(() => undefined);
  switch (subject) {
    case ANALYTICS_SUBJECTS.fatalities:
      if (query['mission'] === 'MINUSCA') return problem(422, 'validation', { errors: [{ path: 'to', message: 'to is before from' }] });
      return { total: 3, groups: [{ key: 'SEN', count: 2 }, { key: 'TCD', count: 1 }] };
    case ANALYTICS_SUBJECTS.iedDetection:
      return { ieds: 4, detectedBeforeDetonation: 1, rate: 0.25, groups: [] };
    case ANALYTICS_SUBJECTS.accountability: {
      const wantsCsv = query['format'] === 'csv';
      if (query['hostState'] === CONFUSED_HOST_STATE) return wantsCsv ? reportFor(query) : csvReply;
      if (wantsCsv) return csvReply;
      if (query['asOf'] === WRITTEN_AS_OF) return `{ "asOf": "${WRITTEN_AS_OF}",  "knownAt": "2026-11-23T10:00:00.000Z", "hostStates": [] }`;
      return reportFor(query);
    }
    default:
      return problem(404, 'not-found');
  }
}

describe('the gateway’s analytics and report routes', () => {
  let nats: PrivateNats;
  let gateway: GatewayUnderTest;

  beforeAll(async () => {
    nats = await startPrivateNats();
    gateway = await startGateway(nats.url, { NATS_REQUEST_TIMEOUT_MS: '1000' });
  });

  afterAll(async () => {
    await gateway?.stop();
    await nats?.stop();
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${gateway.url}${path}`, { headers: { authorization, ...headers } });

  it('is 503 problem while analytics is not running', async () => {
    const response = await get('/v1/analytics/fatalities');
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  describe('with analytics running', () => {
    let analytics: FakeNestService;

    beforeAll(async () => {
      analytics = await FakeNestService.start(nats.url, 'analytics', Object.values(ANALYTICS_SUBJECTS), analyticsAnswer);
    });

    afterAll(async () => {
      await analytics?.stop();
    });

    const lastOn = (subject: string) => analytics.messagesOn(subject).at(-1);

    it('sends the fatalities query as plain JSON and passes the view through', async () => {
      const response = await get('/v1/analytics/fatalities?from=2019&to=2021-06&category=malicious-act&mission=MINUSMA&hostState=MLI&groupBy=nationality');
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ total: 3, groups: [{ key: 'SEN', count: 2 }, { key: 'TCD', count: 1 }] });
      expect(lastOn(ANALYTICS_SUBJECTS.fatalities)).toEqual({
        from: '2019',
        to: '2021-06',
        category: 'malicious-act',
        mission: 'MINUSMA',
        hostState: 'MLI',
        groupBy: 'nationality',
      });
    });

    it('sends an empty fatalities query when the query string is empty', async () => {
      expect((await get('/v1/analytics/fatalities')).status).toBe(200);
      expect(lastOn(ANALYTICS_SUBJECTS.fatalities)).toEqual({});
    });

    it('passes analytics’ own problem on with its status and paths', async () => {
      const response = await get('/v1/analytics/fatalities?mission=MINUSCA&from=2021&to=2019');
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({ status: 422, errors: [{ path: 'to' }] });
    });

    it.each([
      ['/v1/analytics/fatalities?groupBy=colour&from=2021-13', ['from', 'groupBy']],
      ['/v1/analytics/fatalities?hostState=mali&category=war&extra=1', ['category', 'extra', 'hostState']],
      ['/v1/analytics/ied-detection?groupBy=mission&mission=MINUSXX', ['groupBy', 'mission']],
      ['/v1/reports/accountability?asOf=2021-13-01&format=xlsx', ['asOf', 'format']],
      ['/v1/reports/accountability?knownAt=2024-01-15T09:30:00&mission=MINUSXX', ['knownAt', 'mission']],
    ])('refuses %s with 422 and the failing paths, without asking analytics', async (path, paths) => {
      const before = analytics.received.length;
      const response = await get(path);
      expect(response.status).toBe(422);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const body = (await response.json()) as { errors: { path: string }[] };
      expect([...new Set(body.errors.map((error) => error.path))].sort()).toEqual(paths);
      expect(analytics.received).toHaveLength(before);
    });

    it('sends the IED detection query and passes the view through', async () => {
      const response = await get('/v1/analytics/ied-detection?mission=MINUSMA&groupBy=year');
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ieds: 4, detectedBeforeDetonation: 1, rate: 0.25, groups: [] });
      expect(lastOn(ANALYTICS_SUBJECTS.iedDetection)).toEqual({ mission: 'MINUSMA', groupBy: 'year' });
      expect(analytics.lastHeadersOn(ANALYTICS_SUBJECTS.iedDetection)?.authorization).toBe(authorization);
    });

    it('answers the JSON report in the very bytes analytics built, asking with format json', async () => {
      const path = '/v1/reports/accountability?asOf=2023-12-31&knownAt=2024-01-15&hostState=MLI&mission=MINUSMA';
      const first = await get(path);
      expect(first.status).toBe(200);
      expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const text = await first.text();
      expect(text).toBe(JSON.stringify(reportFor({ asOf: '2023-12-31', hostState: 'MLI' })));
      expect(lastOn(ANALYTICS_SUBJECTS.accountability)).toEqual({
        asOf: '2023-12-31',
        knownAt: '2024-01-15',
        hostState: 'MLI',
        mission: 'MINUSMA',
        format: 'json',
      });
      expect(await (await get(path)).text()).toBe(text);
    });

    it('answers a report analytics sent already written exactly as written', async () => {
      const response = await get(`/v1/reports/accountability?asOf=${WRITTEN_AS_OF}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(`{ "asOf": "${WRITTEN_AS_OF}",  "knownAt": "2026-11-23T10:00:00.000Z", "hostStates": [] }`);
    });

    it('answers CSV with its content type and file name for format=csv', async () => {
      const response = await get('/v1/reports/accountability?asOf=2023-12-31&format=csv', { accept: 'application/json' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(ACCOUNTABILITY_CSV_CONTENT_TYPE);
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${csvReply.filename}"`);
      expect(await response.text()).toBe(csvReply.body);
      expect(lastOn(ANALYTICS_SUBJECTS.accountability)).toEqual({ asOf: '2023-12-31', format: 'csv' });
    });

    it('answers CSV for Accept: text/csv when the query names no format, and JSON when it names json', async () => {
      const csv = await get('/v1/reports/accountability', { accept: 'text/csv' });
      expect(csv.headers.get('content-type')).toBe(ACCOUNTABILITY_CSV_CONTENT_TYPE);
      expect(csv.headers.get('vary')).toMatch(/Accept/);
      expect(await csv.text()).toBe(csvReply.body);
      expect(lastOn(ANALYTICS_SUBJECTS.accountability)).toEqual({ format: 'csv' });

      const json = await get('/v1/reports/accountability?format=json', { accept: 'text/csv' });
      expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await json.json()).toMatchObject({ hostStates: [{ hostState: 'MLI' }] });
    });

    it('is 502 when analytics answers a report in the other format', async () => {
      expect((await get(`/v1/reports/accountability?hostState=${CONFUSED_HOST_STATE}`)).status).toBe(502);
      const csv = await get(`/v1/reports/accountability?hostState=${CONFUSED_HOST_STATE}&format=csv`);
      expect(csv.status).toBe(502);
      expect(await csv.json()).toMatchObject({ type: 'https://bluehelm.example/problems/bad-service-reply' });
    });

    it('is 504 problem when analytics does not answer within the configured time', async () => {
      const response = await get(`/v1/analytics/ied-detection?mission=${SLOW_MISSION}`);
      expect(response.status).toBe(504);
      expect(await response.json()).toMatchObject({ type: 'https://bluehelm.example/problems/service-timeout' });
    });
  });
});
