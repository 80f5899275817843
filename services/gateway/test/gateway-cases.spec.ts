import { CASE_TRACKING_SUBJECTS } from '@bluehelm/contracts';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeNestService } from './support/fake-nest-service.js';
import { startGateway, type GatewayUnderTest } from './support/gateway-under-test.js';
import { startPrivateNats } from '../../../scripts/lib/private-nats.mjs';
import { testToken } from '../../../scripts/lib/test-tokens.mjs';

type PrivateNats = Awaited<ReturnType<typeof startPrivateNats>>;

const CASE_ID = '5b0c7e36-3f5e-4b63-9a44-0d1e8b0f2c71';
const UNKNOWN_CASE_ID = '0d9e1b52-7a43-4c8e-8f0e-3a2b6c1d4e5f';
/** A case whose queries case-tracking never answers. */
const SLOW_CASE_ID = '3c6f1a2b-8d4e-4f5a-9b6c-7d8e9f0a1b2c';
const PERSON_ID = '9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f';
/** The revision the fake case is at: a step that expects another one is refused with 412. */
const CURRENT_REVISION = 4;

const referral = { on: '2021-03-02', authority: 'Procureur de la République, Bamako' };

/** Every case route allows case officers; the actor of a step is the token's subject. */
const OFFICER = 'case-officer-1';
const token = await testToken({ sub: OFFICER, roles: ['case-officer'] });
const authorization = `Bearer ${token}`;

function problem(status: number, kind: string, extra: object = {}): object {
  return { type: `https://bluehelm.example/problems/${kind}`, title: kind, status, detail: `${kind}.`, ...extra };
}

/** Answers like case-tracking, for one known case at CURRENT_REVISION. */
function caseTrackingAnswer(subject: string, message: unknown): unknown {
  const { caseId, expectedRevision, asOf } = message as { caseId?: string; expectedRevision?: number; asOf?: string };
  if (subject === CASE_TRACKING_SUBJECTS.list) {
    const { limit, offset } = message as { limit: number; offset: number };
    return { items: [], total: 0, limit, offset };
  }
  if (caseId === SLOW_CASE_ID) return new Promise(() => undefined);
  if (caseId !== CASE_ID) return problem(404, 'not-found');
  switch (subject) {
    case CASE_TRACKING_SUBJECTS.get:
      return { caseId, revision: 7, status: 'open', stage: 'referred', accused: [], asOf: asOf ?? null };
    case CASE_TRACKING_SUBJECTS.history:
      return { caseId, events: [{ revision: 0, type: 'CaseOpened' }] };
    case CASE_TRACKING_SUBJECTS.verify:
      return { caseId, intact: true, eventCount: 5, lastHash: 'abc' };
    default:
      if (expectedRevision !== undefined && expectedRevision !== CURRENT_REVISION) {
        return problem(412, 'revision-mismatch', { code: 'stale-revision' });
      }
      return subject === CASE_TRACKING_SUBJECTS.accused
        ? { caseId, revision: CURRENT_REVISION + 1, personId: PERSON_ID }
        : { caseId, revision: CURRENT_REVISION + 1 };
  }
}

describe('the gateway’s case routes', () => {
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

  const get = (path: string) => fetch(`${gateway.url}${path}`, { headers: { authorization } });
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${gateway.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization, ...headers },
      body: JSON.stringify(body),
    });

  it('is 503 problem while case-tracking is not running', async () => {
    const response = await get(`/v1/cases/${CASE_ID}`);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  describe('with case-tracking running', () => {
    let caseTracking: FakeNestService;
    const subjects = Object.values(CASE_TRACKING_SUBJECTS);

    beforeAll(async () => {
      caseTracking = await FakeNestService.start(nats.url, 'case-tracking', subjects, caseTrackingAnswer);
    });

    afterAll(async () => {
      await caseTracking?.stop();
    });

    const lastOn = (subject: string) => caseTracking.messagesOn(subject).at(-1);

    it('sends a step as a CaseStepMessage with If-Match as expectedRevision, and answers the new revision with its ETag', async () => {
      const response = await post(`/v1/cases/${CASE_ID.toUpperCase()}/referral`, referral, {
        'if-match': `"${CURRENT_REVISION}"`,
        'bluehelm-correlation-id': 'step-42',
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toBe(`"${CURRENT_REVISION + 1}"`);
      expect(await response.json()).toEqual({ caseId: CASE_ID, revision: CURRENT_REVISION + 1 });
      expect(lastOn(CASE_TRACKING_SUBJECTS.referral)).toEqual({
        caseId: CASE_ID,
        expectedRevision: CURRENT_REVISION,
        actor: OFFICER,
        correlationId: 'step-42',
        body: referral,
      });
      expect(caseTracking.lastHeadersOn(CASE_TRACKING_SUBJECTS.referral)).toMatchObject({ authorization, correlationId: 'step-42' });
    });

    it('sends no expectedRevision without If-Match, and the token’s subject as the actor whatever X-Actor says', async () => {
      const response = await post(`/v1/cases/${CASE_ID}/closure`, { on: '2024-01-10', reason: 'Trial completed.' }, { 'x-actor': 'someone-else' });
      expect(response.status).toBe(200);
      const message = lastOn(CASE_TRACKING_SUBJECTS.closure) as Record<string, unknown>;
      expect(message).not.toHaveProperty('expectedRevision');
      expect(message['actor']).toBe(OFFICER);
      expect(caseTracking.lastHeadersOn(CASE_TRACKING_SUBJECTS.closure)?.authorization).toBe(authorization);
    });

    it.each([['3'], ['"3"'], ['W/"3"']])('reads If-Match %s as revision 3 and passes the stale revision’s 412 on', async (ifMatch) => {
      const response = await post(`/v1/cases/${CASE_ID}/investigation`, referral, { 'if-match': ifMatch });
      expect(response.status).toBe(412);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.json()).toMatchObject({ status: 412, code: 'stale-revision' });
      expect(lastOn(CASE_TRACKING_SUBJECTS.investigation)).toMatchObject({ expectedRevision: 3 });
    });

    it('is 400 for an If-Match that names no revision, without asking case-tracking', async () => {
      const before = caseTracking.received.length;
      const response = await post(`/v1/cases/${CASE_ID}/referral`, referral, { 'if-match': '"abc"' });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ status: 400, errors: [{ path: 'headers.If-Match' }] });
      expect(caseTracking.received).toHaveLength(before);
    });

    it('is 422 with the failing paths for a step body that breaks the contract, without asking case-tracking', async () => {
      const before = caseTracking.received.length;
      const response = await post(`/v1/cases/${CASE_ID}/support`, { on: '2021-02', kind: 'catering', provider: 'UNMAS', extra: 1 });
      expect(response.status).toBe(422);
      const body = (await response.json()) as { errors: { path: string }[] };
      expect(body.errors.map((error) => error.path).sort()).toEqual(['extra', 'kind', 'on']);
      expect(caseTracking.received).toHaveLength(before);
    });

    it('is 415 for a step body that is not JSON, without asking case-tracking', async () => {
      const before = caseTracking.received.length;
      const response = await fetch(`${gateway.url}/v1/cases/${CASE_ID}/referral`, { method: 'POST', headers: { authorization }, body: 'on=2021-03-02' });
      expect(response.status).toBe(415);
      expect(caseTracking.received).toHaveLength(before);
    });

    it('answers 201 with the new personId for an accused person, and sends steps of that person with its id', async () => {
      const added = await post(`/v1/cases/${CASE_ID}/accused`, { on: '2021-04-01', name: 'Katiba Macina', kind: 'group' });
      expect(added.status).toBe(201);
      expect(added.headers.get('etag')).toBe(`"${CURRENT_REVISION + 1}"`);
      expect(await added.json()).toEqual({ caseId: CASE_ID, revision: CURRENT_REVISION + 1, personId: PERSON_ID });

      const step = { on: '2022-02-01', stage: 'tried', inAbsentia: true };
      const stepped = await post(`/v1/cases/${CASE_ID}/accused/${PERSON_ID}/steps`, step);
      expect(stepped.status).toBe(200);
      expect(lastOn(CASE_TRACKING_SUBJECTS['accused-step'])).toMatchObject({ caseId: CASE_ID, personId: PERSON_ID, body: step });

      const badPerson = await post(`/v1/cases/${CASE_ID}/accused/p1/steps`, step);
      expect(badPerson.status).toBe(400);
      expect(await badPerson.json()).toMatchObject({ errors: [{ path: 'personId' }] });
    });

    it('sends each step route to its own subject', async () => {
      const linked = { on: '2021-05-01', incidentId: UNKNOWN_CASE_ID };
      expect((await post(`/v1/cases/${CASE_ID}/incidents`, linked)).status).toBe(200);
      expect(lastOn(CASE_TRACKING_SUBJECTS['link-incident'])).toMatchObject({ body: linked });
      const support = { on: '2021-06-01', kind: 'forensic', provider: 'UNPOL' };
      expect((await post(`/v1/cases/${CASE_ID}/support`, support)).status).toBe(200);
      expect(lastOn(CASE_TRACKING_SUBJECTS.support)).toMatchObject({ body: support });
    });

    it('answers a case with its revision as ETag, asking for the state on a day when asOf is given', async () => {
      const now = await get(`/v1/cases/${CASE_ID}`);
      expect(now.status).toBe(200);
      expect(now.headers.get('etag')).toBe('"7"');
      expect(await now.json()).toEqual({ caseId: CASE_ID, revision: 7, status: 'open', stage: 'referred', accused: [], asOf: null });
      expect(lastOn(CASE_TRACKING_SUBJECTS.get)).toEqual({ caseId: CASE_ID });
      expect(caseTracking.lastHeadersOn(CASE_TRACKING_SUBJECTS.get)?.authorization).toBe(authorization);

      const then = await get(`/v1/cases/${CASE_ID}?asOf=2022-01-31`);
      expect(await then.json()).toMatchObject({ asOf: '2022-01-31' });
      expect(lastOn(CASE_TRACKING_SUBJECTS.get)).toEqual({ caseId: CASE_ID, asOf: '2022-01-31' });

      const badDay = await get(`/v1/cases/${CASE_ID}?asOf=2022-01`);
      expect(badDay.status).toBe(422);
      expect(await badDay.json()).toMatchObject({ errors: [{ path: 'asOf' }] });
    });

    it('passes case-tracking’s 404 on', async () => {
      const response = await get(`/v1/cases/${UNKNOWN_CASE_ID}/history`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ type: 'https://bluehelm.example/problems/not-found' });
    });

    it('is 504 problem when case-tracking does not answer within the configured time', async () => {
      const started = Date.now();
      const response = await get(`/v1/cases/${SLOW_CASE_ID}/verify`);
      expect(response.status).toBe(504);
      expect(await response.json()).toMatchObject({ type: 'https://bluehelm.example/problems/service-timeout' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    });

    it('passes history and verification through unchanged', async () => {
      expect(await (await get(`/v1/cases/${CASE_ID}/history`)).json()).toEqual({
        caseId: CASE_ID,
        events: [{ revision: 0, type: 'CaseOpened' }],
      });
      expect(await (await get(`/v1/cases/${CASE_ID}/verify`)).json()).toEqual({
        caseId: CASE_ID,
        intact: true,
        eventCount: 5,
        lastHash: 'abc',
      });
    });

    it('sends the list query with its defaults and its numbers converted', async () => {
      const defaults = await get('/v1/cases');
      expect(await defaults.json()).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
      expect(lastOn(CASE_TRACKING_SUBJECTS.list)).toEqual({ limit: 50, offset: 0 });

      await get('/v1/cases?hostState=MLI&mission=MINUSMA&stage=trial&limit=10&offset=20');
      expect(lastOn(CASE_TRACKING_SUBJECTS.list)).toEqual({ hostState: 'MLI', mission: 'MINUSMA', stage: 'trial', limit: 10, offset: 20 });
    });

    it('is 422 for a list query out of range, without asking case-tracking', async () => {
      const before = caseTracking.received.length;
      const response = await get('/v1/cases?limit=0&hostState=mali');
      expect(response.status).toBe(422);
      const body = (await response.json()) as { errors: { path: string }[] };
      expect(body.errors.map((error) => error.path).sort()).toEqual(['hostState', 'limit']);
      expect(caseTracking.received).toHaveLength(before);
    });
  });
});
