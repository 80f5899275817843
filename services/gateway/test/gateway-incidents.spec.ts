import { INTAKE_SUBJECTS, problemOf } from '@bluehelm/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { startGateway, type GatewayUnderTest } from './support/gateway-under-test.js';
import { acceptedReply, FakeIntakeReports, SILENT } from './support/fake-intake-reports.js';
import { FakeNestService } from './support/fake-nest-service.js';
import { reportWithBadNationality, validReport } from './support/incident-reports.js';
import { startPrivateNats } from '../../../scripts/lib/private-nats.mjs';
import { testToken } from '../../../scripts/lib/test-tokens.mjs';

type PrivateNats = Awaited<ReturnType<typeof startPrivateNats>>;

const REQUEST_TIMEOUT_MS = 700;

/** A reporter may send reports and read incidents; intake takes the actor from the token. */
const REPORTER = 'focal-point-minusma';
const authorization = `Bearer ${await testToken({ sub: REPORTER, roles: ['reporter'] })}`;

describe('the gateway’s incident routes', () => {
  let nats: PrivateNats;
  let gateway: GatewayUnderTest;
  let intake: FakeIntakeReports | undefined;

  beforeAll(async () => {
    nats = await startPrivateNats();
    gateway = await startGateway(nats.url, { NATS_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS) });
  });

  afterEach(async () => {
    await intake?.stop();
    intake = undefined;
  });

  afterAll(async () => {
    await gateway?.stop();
    await nats?.stop();
  });

  const get = (path: string) => fetch(`${gateway.url}${path}`, { headers: { authorization } });
  const postReport = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${gateway.url}/v1/incidents`, { method: 'POST', headers: { 'content-type': 'application/json', authorization, ...headers }, body });

  it('sends a valid report to intake as plain JSON with the caller’s token, and answers 201 with its ids', async () => {
    intake = await FakeIntakeReports.start(nats.url, (body) => ({ ...acceptedReply(body), caseId: '5b0c7e36-3f5e-4b63-9a44-0d1e8b0f2c71' }));
    const report = validReport('R-201');
    const response = await postReport(JSON.stringify(report), { 'bluehelm-correlation-id': 'import-7' });

    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe('/v1/incidents/incident-of-R-201');
    expect(response.headers.get('bluehelm-correlation-id')).toBe('import-7');
    expect(await response.json()).toEqual({
      incidentId: 'incident-of-R-201',
      caseId: '5b0c7e36-3f5e-4b63-9a44-0d1e8b0f2c71',
      status: 'accepted',
    });
    expect(intake.received).toEqual([{ body: report, authorization, correlationId: 'import-7', accessReason: undefined }]);
  });

  it('answers 200 with the same ids when intake already holds the report', async () => {
    intake = await FakeIntakeReports.start(nats.url, (body) => acceptedReply(body, 'already-accepted'));
    const response = await postReport(JSON.stringify(validReport('R-again')));
    expect(response.status).toBe(200);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.json()).toEqual({ incidentId: 'incident-of-R-again', caseId: null, status: 'already-accepted' });
    expect(intake.received[0]?.authorization).toBe(authorization);
  });

  it('passes intake’s problem on with its status', async () => {
    const conflict = { type: 'https://bluehelm.example/problems/report-conflict', title: 'Reused', status: 409, detail: 'Another body.', code: 'report-id-reused' };
    intake = await FakeIntakeReports.start(nats.url, () => conflict);
    const response = await postReport(JSON.stringify(validReport('R-409')));
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toEqual(conflict);
  });

  describe('leaves checking a report to intake, which checks every report whoever sends it', () => {
    const malformed = { type: 'https://bluehelm.example/problems/malformed-json', title: 'Not JSON', status: 400, detail: 'The body is not valid JSON.' };

    it('sends the body on byte for byte, even one that is not JSON, and answers intake’s problem', async () => {
      intake = await FakeIntakeReports.start(nats.url, (body) => (body === undefined ? malformed : acceptedReply(body)));
      const response = await postReport('{"reportId": "R-400",');
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      expect(await response.json()).toEqual(malformed);
      expect(intake.rawBodies).toEqual(['{"reportId": "R-400",']);
    });

    it('passes a 422 on with every failing field path intake names', async () => {
      const invalid = problemOf('validation', 'The report is not valid.', [
        { path: 'location', message: 'location is required' },
        { path: 'casualties[0].nationality', message: 'nationality must be an ISO 3166-1 alpha-3 code' },
      ]);
      intake = await FakeIntakeReports.start(nats.url, () => invalid);
      const text = JSON.stringify(reportWithBadNationality('R-422'));
      const response = await postReport(text);
      expect(response.status).toBe(422);
      expect(await response.json()).toEqual(invalid);
      expect(intake.rawBodies).toEqual([text]);
    });
  });

  describe('a body refused at the edge is never sent on', () => {
    it('is 413 for a body of 2 MiB', async () => {
      intake = await FakeIntakeReports.start(nats.url, (body) => acceptedReply(body));
      const body = JSON.stringify({ ...validReport('R-413'), narrative: 'x'.repeat(2 * 1024 * 1024) });
      const response = await postReport(body);
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ type: 'https://bluehelm.example/problems/payload-too-large', status: 413 });
      expect(intake.received).toHaveLength(0);
    });

    it('is 413 for a 2 MiB body sent in chunks without a Content-Length', async () => {
      intake = await FakeIntakeReports.start(nats.url, (body) => acceptedReply(body));
      const text = JSON.stringify({ ...validReport('R-413-chunked'), narrative: 'x'.repeat(2 * 1024 * 1024) });
      const chunks = new ReadableStream<Uint8Array>({
        start(controller) {
          const bytes = new TextEncoder().encode(text);
          for (let offset = 0; offset < bytes.length; offset += 64 * 1024) controller.enqueue(bytes.subarray(offset, offset + 64 * 1024));
          controller.close();
        },
      });
      const response = await fetch(`${gateway.url}/v1/incidents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: chunks,
        duplex: 'half',
      } as RequestInit);
      expect(response.status).toBe(413);
      expect(intake.received).toHaveLength(0);
    });

    it('is 415 for a body that is not application/json', async () => {
      intake = await FakeIntakeReports.start(nats.url, (body) => acceptedReply(body));
      const response = await postReport(JSON.stringify(validReport('R-415')), { 'content-type': 'text/plain' });
      expect(response.status).toBe(415);
      expect(await response.json()).toMatchObject({ type: 'https://bluehelm.example/problems/unsupported-media-type' });
      expect(intake.received).toHaveLength(0);
    });
  });

  it('is 503 problem when no intake answers', async () => {
    const started = Date.now();
    const response = await postReport(JSON.stringify(validReport('R-503')));
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ type: 'https://bluehelm.example/problems/unavailable', status: 503 });
    // No responders is known at once: the gateway does not wait for its timeout.
    expect(Date.now() - started).toBeLessThan(REQUEST_TIMEOUT_MS);
  });

  it('is 504 problem after the configured timeout when intake never answers', async () => {
    intake = await FakeIntakeReports.start(nats.url, () => SILENT);
    const started = Date.now();
    const response = await postReport(JSON.stringify(validReport('R-504')));
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({ type: 'https://bluehelm.example/problems/service-timeout', status: 504 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
    expect(intake.received).toHaveLength(1);
  });

  it('is 502 problem when intake answers something that is neither a reply nor a problem', async () => {
    intake = await FakeIntakeReports.start(nats.url, () => ({ hello: 'world' }));
    const response = await postReport(JSON.stringify(validReport('R-502')));
    expect(response.status).toBe(502);
  });

  describe('GET /v1/incidents/:id', () => {
    let getIncident: FakeNestService;
    const incidentId = '0d9e1b52-7a43-4c8e-8f0e-3a2b6c1d4e5f';

    beforeAll(async () => {
      getIncident = await FakeNestService.start(nats.url, 'intake', [INTAKE_SUBJECTS.getIncident], (_subject, message) => {
        const asked = (message as { incidentId: string }).incidentId;
        return asked === incidentId
          ? { incidentId, reportId: 'R-1', mission: 'MINUSMA' }
          : { type: 'https://bluehelm.example/problems/not-found', title: 'Not found', status: 404, detail: 'No such incident.' };
      });
    });

    afterAll(async () => {
      await getIncident?.stop();
    });

    it('answers the incident intake holds', async () => {
      const response = await get(`/v1/incidents/${incidentId.toUpperCase()}`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ incidentId, reportId: 'R-1', mission: 'MINUSMA' });
      expect(getIncident.messagesOn(INTAKE_SUBJECTS.getIncident).at(-1)).toEqual({ incidentId });
      expect(getIncident.lastHeadersOn(INTAKE_SUBJECTS.getIncident)?.authorization).toBe(authorization);
    });

    it('passes a 404 on', async () => {
      const response = await get('/v1/incidents/5b0c7e36-3f5e-4b63-9a44-0d1e8b0f2c71');
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    });

    it('is 400 for an id that is not a UUID, without asking intake', async () => {
      const before = getIncident.received.length;
      const response = await get('/v1/incidents/incident-42');
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ status: 400, errors: [{ path: 'id', message: 'id must be a UUID' }] });
      expect(getIncident.received).toHaveLength(before);
    });
  });

  describe('every answer', () => {
    it('carries the security headers and no X-Powered-By', async () => {
      const response = await get('/v1/incidents/not-a-uuid');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(response.headers.get('x-powered-by')).toBeNull();
    });

    it('carries a new correlation id when the caller sent none, the same one the log names', async () => {
      const response = await get('/v1/incidents/not-a-uuid');
      const id = response.headers.get('bluehelm-correlation-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.headers.get('x-request-id')).toBe(id);
    });

    it('is a problem for a route that does not exist', async () => {
      const response = await get('/v1/nothing-here');
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        type: 'https://bluehelm.example/problems/not-found',
        title: 'Not found',
        status: 404,
        detail: 'There is no GET /v1/nothing-here.',
      });
    });
  });

  it('stops cleanly on SIGTERM after serving, closing its connection to the services', async () => {
    intake = await FakeIntakeReports.start(nats.url, (body) => acceptedReply(body));
    expect((await postReport(JSON.stringify(validReport('R-last')))).status).toBe(201);
    expect(await gateway.stop()).toBe(0);
  });
});
