import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ALL_ACCESS_CLAIMS, bearer } from '../scripts/lib/test-tokens.mjs';
import { startBluehelm } from '../scripts/lib/bluehelm-system.mjs';
import { allEvents } from './support/event-log.js';
import { eventually, http, setDefaultHeaders } from './support/http-client.js';
import { maliciousActReport } from './support/incident-reports.js';

type BluehelmSystem = Awaited<ReturnType<typeof startBluehelm>>;

describe('bad input never writes', () => {
  let system: BluehelmSystem;
  let caseId: string;
  let eventsBefore: number;

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    http(system.baseUrl, 'POST', path, body, headers);
  const problemPaths = (body: any): string[] => (body?.errors ?? []).map((error: any) => error.path);

  beforeAll(async () => {
    system = await startBluehelm('sqlite');
    // Every role and clearance: this test is about the flow, access has tests of its own.
    setDefaultHeaders(await bearer(ALL_ACCESS_CLAIMS, { devKeyDir: system.devKeyDir }));
    const opened = await post('/v1/incidents', maliciousActReport());
    caseId = opened.body.caseId;
    await eventually(async () => ((await http(system.baseUrl, 'GET', `/v1/cases/${caseId}`)).status === 200 ? true : undefined), 'the case');
    eventsBefore = (await allEvents(system.eventStoreUrl)).length;
  }, 120_000);
  afterAll(async () => system?.stop(), 60_000);

  const rejections: [string, () => Promise<{ status: number; body: any; headers: Headers }>, number, string[]][] = [
    ['malformed JSON', () => post('/v1/incidents', '{"reportId": "x", "mission": '), 400, []],
    [
      'wrong types',
      () => post('/v1/incidents', { ...maliciousActReport(), sofaViolation: 'yes', location: { placeName: 7, lat: 'north', lon: 1, precision: 'near' } }),
      422,
      ['sofaViolation', 'location.placeName', 'location.lat'],
    ],
    ['an unknown mission', () => post('/v1/incidents', maliciousActReport({ mission: 'UNKNOWN' })), 422, ['mission']],
    ['a host state the mission does not cover', () => post('/v1/incidents', maliciousActReport({ hostState: 'FRA' })), 422, ['hostState']],
    ['a future date', () => post('/v1/incidents', maliciousActReport({ occurredOn: '2999-01-01' })), 422, ['occurredOn']],
    ['a date that is not a calendar day', () => post('/v1/incidents', maliciousActReport({ occurredOn: '2021-02-30' })), 422, ['occurredOn']],
    [
      'a casualty with an unknown nationality',
      () => post('/v1/incidents', maliciousActReport({ casualties: [{ personnelType: 'military', nationality: 'XXX', outcome: 'killed' }] })),
      422,
      ['casualties[0].nationality'],
    ],
    ['a malicious act without its type', () => post('/v1/incidents', maliciousActReport({ type: undefined })), 422, ['type']],
    ['an oversized body', () => post('/v1/incidents', maliciousActReport({ narrative: 'x'.repeat(2 * 1024 * 1024) })), 413, []],
    ['a case step with a bad date', () => post(`/v1/cases/${caseId}/referral`, { on: '2021-13-01', authority: 'Court' }), 422, ['on']],
    ['a case step in the future', () => post(`/v1/cases/${caseId}/referral`, { on: '2999-01-01', authority: 'Court' }), 422, ['on']],
    ['an accused step of an unknown kind', () => post(`/v1/cases/${caseId}/accused`, { on: '2021-05-01', name: 'X', kind: 'crowd' }), 422, ['kind']],
  ];

  it.each(rejections)('rejects %s with a problem naming the fields, and writes nothing', async (_what, send, status, paths) => {
    const answer = await send();
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status });
    expect(problemPaths(answer.body)).toEqual(expect.arrayContaining(paths));
    expect((await allEvents(system.eventStoreUrl)).length).toBe(eventsBefore);
  });
});
