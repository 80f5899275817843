// POST /v1/incidents is served ahead of Express and Nest (IncidentReportLane). These specs hold
// it to what every other route gives: the same edge headers, access rules, one rate-limit budget,
// a log line and metrics.
import type { Role } from '@bluehelm/contracts';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startGateway, type GatewayUnderTest } from './support/gateway-under-test.js';
import { acceptedReply, FakeIntakeReports } from './support/fake-intake-reports.js';
import { validReport } from './support/incident-reports.js';
import { startPrivateNats } from '../../../scripts/lib/private-nats.mjs';
import { testToken } from '../../../scripts/lib/test-tokens.mjs';

type PrivateNats = Awaited<ReturnType<typeof startPrivateNats>>;

const LIMIT = 4;
const bearerOf = async (sub: string, roles: Role[]) => `Bearer ${await testToken({ sub, roles })}`;

describe('the incident report lane', () => {
  let nats: PrivateNats;
  let gateway: GatewayUnderTest;
  let intake: FakeIntakeReports;

  beforeAll(async () => {
    nats = await startPrivateNats();
    gateway = await startGateway(nats.url, { RATE_LIMIT_PER_MINUTE: String(LIMIT), LOG_LEVEL: 'info' });
    intake = await FakeIntakeReports.start(nats.url, (body) => acceptedReply(body));
  });

  afterAll(async () => {
    await intake?.stop();
    await gateway?.stop();
    await nats?.stop();
  });

  const postReport = (authorization: string | undefined, reportId: string) =>
    fetch(`${gateway.url}/v1/incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization !== undefined && { authorization }) },
      body: JSON.stringify(validReport(reportId)),
    });

  it('answers with the edge headers every route carries, and its correlation id is the request id', async () => {
    const response = await postReport(await bearerOf('reporter-edge', ['reporter']), 'LANE-edge');
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const nestRoute = await fetch(`${gateway.url}/v1/incidents/not-a-uuid`, { headers: { authorization: await bearerOf('reader-edge', ['reporter']) } });
    for (const header of ['x-content-type-options', 'x-frame-options', 'referrer-policy', 'content-security-policy', 'strict-transport-security']) {
      expect([header, response.headers.get(header)]).toEqual([header, nestRoute.headers.get(header)]);
    }
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('bluehelm-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('x-request-id')).toBe(response.headers.get('bluehelm-correlation-id'));
    expect(response.headers.get('x-ratelimit-limit')).toBe(String(LIMIT));
  });

  it('is 401 with the bearer challenge without a token or with a forged one, and 403 for a role that may not report', async () => {
    const none = await postReport(undefined, 'LANE-401');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="bluehelm"');
    expect(none.headers.get('content-type')).toMatch(/^application\/problem\+json/);

    const forged = await postReport('Bearer not.a.token', 'LANE-401-forged');
    expect(forged.status).toBe(401);
    expect(forged.headers.get('www-authenticate')).toBe('Bearer realm="bluehelm", error="invalid_token"');

    const analyst = await postReport(await bearerOf('analyst-lane', ['analyst']), 'LANE-403');
    expect(analyst.status).toBe(403);
    expect(await analyst.json()).toMatchObject({ status: 403, detail: expect.stringContaining('reporter') });
    expect(intake.rawBodies.some((body) => body.includes('LANE-401') || body.includes('LANE-403'))).toBe(false);
  });

  it('counts reports on the caller’s one budget with its other requests, then answers 429 with Retry-After', async () => {
    const authorization = await bearerOf('reporter-busy', ['reporter']);
    const statuses = [
      (await fetch(`${gateway.url}/v1/incidents/not-a-uuid`, { headers: { authorization } })).status,
      (await postReport(authorization, 'LANE-budget-1')).status,
      (await fetch(`${gateway.url}/v1/incidents/not-a-uuid`, { headers: { authorization } })).status,
      (await postReport(authorization, 'LANE-budget-2')).status,
    ];
    expect(statuses).toEqual([400, 201, 400, 201]);
    const refused = await postReport(authorization, 'LANE-budget-3');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ type: 'https://bluehelm.example/problems/rate-limited', status: 429 });
    expect((await fetch(`${gateway.url}/v1/incidents/not-a-uuid`, { headers: { authorization } })).status).toBe(429);
    expect(intake.rawBodies.some((body) => body.includes('LANE-budget-3'))).toBe(false);
  });

  it('logs each report as a request line with its route and status, without body or token, and times it in the metrics', async () => {
    const authorization = await bearerOf('reporter-logged', ['reporter']);
    const response = await postReport(authorization, 'LANE-logged');
    const requestId = response.headers.get('x-request-id');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const line = gateway.process.stdout.map((text) => JSON.parse(text) as Record<string, unknown>).find((entry) => (entry['req'] as { id?: string } | undefined)?.id === requestId);
    expect(line).toMatchObject({ service: 'gateway', route: '/v1/incidents', req: { method: 'POST', path: '/v1/incidents' }, res: { status: 201 } });
    expect(JSON.stringify(line)).not.toContain('LANE-logged');
    expect(JSON.stringify(line)).not.toContain(authorization.slice('Bearer '.length));

    const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
    expect(metrics).toMatch(/http_request_duration_seconds_count\{[^}]*route="\/v1\/incidents"[^}]*status="201"[^}]*\} [1-9]/);
  });
});
