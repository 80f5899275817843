import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CASE_TRACKING_SUBJECTS, ENDPOINT_ACCESS, MISSIONS, ROLES, type EndpointAccess, type Role } from '@bluehelm/contracts';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { acceptedReply, FakeIntakeReports } from './support/fake-intake-reports.js';
import { FakeNestService } from './support/fake-nest-service.js';
import { startGateway, type GatewayUnderTest } from './support/gateway-under-test.js';
import { validReport } from './support/incident-reports.js';
import { startPrivateNats } from '../../../scripts/lib/private-nats.mjs';
import { testToken } from '../../../scripts/lib/test-tokens.mjs';

type PrivateNats = Awaited<ReturnType<typeof startPrivateNats>>;

const CASE_ID = '5b0c7e36-3f5e-4b63-9a44-0d1e8b0f2c71';
const PERSON_ID = '9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f';
const OFFICER = { sub: 'case-officer-7', roles: ['case-officer'] as Role[] };

const foreignKeyDir = mkdtempSync(join(tmpdir(), 'bluehelm-foreign-key-'));
const officerToken = await testToken(OFFICER);
const roleTokens = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await testToken(role)] as const))) as Record<Role, string>;

/** A token that says it is signed with nothing: `alg: none` and an empty signature. */
function unsignedToken(): string {
  const now = Math.floor(Date.now() / 1000);
  const segment = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = { ...OFFICER, missions: MISSIONS.map((mission) => mission.acronym), iss: 'bluehelm-development', aud: 'bluehelm', iat: now, exp: now + 3600 };
  return `${segment({ alg: 'none', typ: 'JWT' })}.${segment(claims)}.`;
}

/** Authorization headers that carry no valid token, each refused with 401. */
const REFUSED_CREDENTIALS: readonly (readonly [string, string | undefined])[] = [
  ['no Authorization header', undefined],
  ['a scheme other than Bearer', 'Basic Y2FzZS1vZmZpY2VyOnNlY3JldA=='],
  ['Bearer without a token', 'Bearer '],
  ['a token that is no JWT', 'Bearer not-a.jwt'],
  ['an expired token', `Bearer ${await testToken(OFFICER, { options: { expiresIn: -120 } })}`],
  ['a token not valid yet', `Bearer ${await testToken(OFFICER, { options: { notBefore: '10 minutes' } })}`],
  ['a token for another audience', `Bearer ${await testToken(OFFICER, { options: { audience: 'another-system' } })}`],
  ['a token from another issuer', `Bearer ${await testToken(OFFICER, { options: { issuer: 'https://idp.example.org' } })}`],
  ['a token signed with another key', `Bearer ${await testToken(OFFICER, { devKeyDir: foreignKeyDir })}`],
  ['an alg-none token', `Bearer ${unsignedToken()}`],
  ['a token with none of our roles', `Bearer ${await testToken({ sub: 'stranger', roles: [] })}`],
];

/** The route's path with a UUID for each parameter. */
const concretePath = (rule: EndpointAccess) => rule.path.replace(':id', CASE_ID).replace(':personId', PERSON_ID);

const guardedRules = ENDPOINT_ACCESS.filter((rule) => rule.roles !== 'public');
const rolesOf = (rule: EndpointAccess) => rule.roles as readonly Role[];

/** Answers like case-tracking, for any case. */
function caseTrackingAnswer(subject: string, message: unknown): unknown {
  const { caseId, limit, offset } = message as { caseId?: string; limit?: number; offset?: number };
  switch (subject) {
    case CASE_TRACKING_SUBJECTS.list:
      return { items: [], total: 0, limit, offset };
    case CASE_TRACKING_SUBJECTS.get:
      return { caseId, revision: 1, status: 'open', stage: 'reported', accused: [], asOf: null };
    case CASE_TRACKING_SUBJECTS.history:
      return { caseId, events: [] };
    case CASE_TRACKING_SUBJECTS.verify:
      return { caseId, intact: true, eventCount: 1, lastHash: 'abc' };
    default:
      return { caseId, revision: 2 };
  }
}

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
}

describe('the gateway’s edge: who may call what', () => {
  let nats: PrivateNats;
  let gateway: GatewayUnderTest;
  let caseTracking: FakeNestService;

  beforeAll(async () => {
    nats = await startPrivateNats();
    gateway = await startGateway(nats.url, { NATS_REQUEST_TIMEOUT_MS: '1000' });
    caseTracking = await FakeNestService.start(nats.url, 'case-tracking', Object.values(CASE_TRACKING_SUBJECTS), caseTrackingAnswer);
  });

  afterAll(async () => {
    await caseTracking?.stop();
    await gateway?.stop();
    await nats?.stop();
    rmSync(foreignKeyDir, { recursive: true, force: true });
  });

  /** One request, answered in full; an event stream is hung up on once its headers are in. */
  async function call(method: string, path: string, headers: Record<string, string | undefined> = {}, body?: string): Promise<Answer> {
    const sent = Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined));
    const response = await fetch(`${gateway.url}${path}`, { method, headers: sent, ...(body !== undefined && { body }) });
    if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
      await response.body?.cancel();
      return { status: response.status, headers: response.headers, body: '' };
    }
    return { status: response.status, headers: response.headers, body: await response.text() };
  }

  describe('without a valid token', () => {
    it.each(REFUSED_CREDENTIALS)('answers 401 problem+json with WWW-Authenticate for %s, without asking the service', async (_name, authorization) => {
      const before = caseTracking.received.length;
      const answer = await call('GET', `/v1/cases/${CASE_ID}`, { authorization });
      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer realm="bluehelm"/);
      expect(JSON.parse(answer.body)).toMatchObject({ type: 'https://bluehelm.example/problems/unauthenticated', status: 401 });
      expect(caseTracking.received).toHaveLength(before);
    });

    it('is refused on every route that is not public', async () => {
      const statuses = await Promise.all(guardedRules.map(async (rule) => [`${rule.method} ${rule.path}`, (await call(rule.method, concretePath(rule))).status]));
      expect(statuses).toEqual(guardedRules.map((rule) => [`${rule.method} ${rule.path}`, 401]));
    });
  });

  describe('with a valid token', () => {
    it('answers 403 problem+json for a role the route does not name, without asking the service', async () => {
      const before = caseTracking.received.length;
      const answer = await call('POST', `/v1/cases/${CASE_ID}/referral`, { authorization: `Bearer ${roleTokens.auditor}`, 'content-type': 'application/json' }, '{}');
      expect(answer.status).toBe(403);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(answer.body)).toMatchObject({
        type: 'https://bluehelm.example/problems/forbidden',
        status: 403,
        detail: expect.stringContaining('case-officer'),
      });
      expect(caseTracking.received).toHaveLength(before);
    });

    it('is 403 on every route for each role ENDPOINT_ACCESS does not name there', async () => {
      const refused = guardedRules.flatMap((rule) => ROLES.filter((role) => !rolesOf(rule).includes(role)).map((role) => ({ rule, role })));
      const statuses = await Promise.all(
        refused.map(async ({ rule, role }) => `${role} ${rule.method} ${rule.path}: ${(await call(rule.method, concretePath(rule), { authorization: `Bearer ${roleTokens[role]}` })).status}`),
      );
      expect(statuses).toEqual(refused.map(({ rule, role }) => `${role} ${rule.method} ${rule.path}: 403`));
    });

    it('lets each role ENDPOINT_ACCESS names on a route past the edge', async () => {
      const allowed = guardedRules.flatMap((rule) => rolesOf(rule).map((role) => ({ rule, role })));
      const answers = await Promise.all(
        allowed.map(async ({ rule, role }) => ({ rule, role, status: (await call(rule.method, concretePath(rule), { authorization: `Bearer ${roleTokens[role]}` })).status })),
      );
      const stopped = answers.filter(({ status }) => status === 401 || status === 403).map(({ rule, role, status }) => `${role} ${rule.method} ${rule.path}: ${status}`);
      expect(stopped).toEqual([]);
    });
  });

  describe('the public routes', () => {
    const publicPaths = [...ENDPOINT_ACCESS.filter((rule) => rule.roles === 'public').map((rule) => rule.path), '/docs/json'];

    it('include /v1/health, /docs and the probes', () => {
      expect(publicPaths).toEqual(expect.arrayContaining(['/v1/health', '/docs', '/health/live', '/health/ready', '/metrics']));
    });

    it.each(publicPaths)('%s needs no token, and a bad one does not matter', async (path) => {
      for (const authorization of [undefined, 'Bearer not-a.jwt']) {
        const answer = await call('GET', path, { authorization });
        expect(answer.status).not.toBe(401);
        expect(answer.status).not.toBe(403);
        expect(answer.headers.get('www-authenticate')).toBeNull();
      }
    });

    it('answers the system health without a token (503 here: no real service answers its ping)', async () => {
      const answer = await call('GET', '/v1/health');
      expect(answer.status).toBe(503);
      expect(JSON.parse(answer.body)).toMatchObject({ services: { 'case-tracking': 'down' } });
    });
  });

  describe('forwarding to the services', () => {
    it('sends the caller’s Authorization, correlation id and access reason with a message pattern', async () => {
      const authorization = `Bearer ${officerToken}`;
      const reason = 'Prosecutor request 2026/114';
      const answer = await call('GET', `/v1/cases/${CASE_ID}`, { authorization, 'bluehelm-correlation-id': 'read-9', 'bluehelm-access-reason': reason });
      expect(answer.status).toBe(200);
      expect(caseTracking.lastHeadersOn(CASE_TRACKING_SUBJECTS.get)).toEqual({ authorization, correlationId: 'read-9', accessReason: reason });
    });

    it('sends the caller’s token as the step’s actor and in its headers', async () => {
      const authorization = `Bearer ${officerToken}`;
      const answer = await call(
        'POST',
        `/v1/cases/${CASE_ID}/closure`,
        { authorization, 'content-type': 'application/json', 'x-actor': 'someone-else' },
        JSON.stringify({ on: '2024-01-10', reason: 'Trial completed.' }),
      );
      expect(answer.status).toBe(200);
      expect(caseTracking.messagesOn(CASE_TRACKING_SUBJECTS.closure).at(-1)).toMatchObject({ actor: OFFICER.sub });
      expect(caseTracking.lastHeadersOn(CASE_TRACKING_SUBJECTS.closure)).toMatchObject({ authorization });
    });

    it('drops an access reason that is too long to be one, and still forwards the rest', async () => {
      const authorization = `Bearer ${officerToken}`;
      await call('GET', `/v1/cases/${CASE_ID}`, { authorization, 'bluehelm-correlation-id': 'read-10', 'bluehelm-access-reason': 'x'.repeat(501) });
      expect(caseTracking.lastHeadersOn(CASE_TRACKING_SUBJECTS.get)).toEqual({ authorization, correlationId: 'read-10', accessReason: undefined });
    });

    it('sends the caller’s headers with a report on intake’s plain-JSON subject', async () => {
      const intake = await FakeIntakeReports.start(nats.url, (body) => acceptedReply(body));
      try {
        const authorization = `Bearer ${roleTokens.reporter}`;
        const answer = await call(
          'POST',
          '/v1/incidents',
          { authorization, 'content-type': 'application/json', 'bluehelm-correlation-id': 'report-3', 'bluehelm-access-reason': 'Mission import' },
          JSON.stringify(validReport('ACCESS-1')),
        );
        expect(answer.status).toBe(201);
        expect(intake.received).toEqual([
          { body: validReport('ACCESS-1'), authorization, correlationId: 'report-3', accessReason: 'Mission import' },
        ]);
      } finally {
        await intake.stop();
      }
    });
  });

  it('never echoes a token in an answer, nor writes one to its log', async () => {
    const authorizations = [`Bearer ${officerToken}`, ...REFUSED_CREDENTIALS.map(([, authorization]) => authorization)].filter(
      (authorization): authorization is string => authorization !== undefined,
    );
    const marker = `echo-check-${Date.now()}`;
    for (const [index, authorization] of authorizations.entries()) {
      for (const [method, path] of [['GET', `/v1/cases/${CASE_ID}`], ['POST', `/v1/cases/${CASE_ID}/referral`], ['GET', '/v1/nothing-here']] as const) {
        const answer = await call(method, path, { authorization, 'bluehelm-correlation-id': `${marker}-${index}` });
        const whole = `${[...answer.headers].map(([name, value]) => `${name}: ${value}`).join('\n')}\n\n${answer.body}`;
        for (const part of secretPartsOf(authorization)) expect(whole).not.toContain(part);
      }
    }
    // The request log is written as each answer ends; wait for the last one to be there.
    const last = `${marker}-${authorizations.length - 1}`;
    const deadline = Date.now() + 5_000;
    while (!gateway.process.stdout.some((line) => line.includes(last)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(gateway.process.stdout.some((line) => line.includes(last))).toBe(true);
    const log = [...gateway.process.stdout, ...gateway.process.stderr].join('\n');
    for (const authorization of authorizations) {
      for (const part of secretPartsOf(authorization)) expect(log).not.toContain(part);
    }
  });
});

/** What of an Authorization header must never be repeated: the whole token and its payload and signature. */
function secretPartsOf(authorization: string): string[] {
  const token = authorization.replace(/^\S+\s+/, '');
  const [, payload, signature] = token.split('.');
  return [token, payload, signature].filter((part): part is string => part !== undefined && part.length >= 8);
}
