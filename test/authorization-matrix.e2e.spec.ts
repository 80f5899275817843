// Every endpoint of the public API × every role (and no token), against the one table the gateway
// enforces and docs/authorization.md publishes (ENDPOINT_ACCESS): a role the table allows is never
// refused (its answer may still be 404 or 409, for the request itself), a role it does not allow is
// refused with 403, and a request without a token with 401; the public routes answer everyone.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ENDPOINT_ACCESS, mayCall, ROLES, type EndpointAccess, type Role } from '@bluehelm/contracts';
import { startBluehelm } from '../scripts/lib/bluehelm-system.mjs';
import { ALL_ACCESS_CLAIMS, bearer } from '../scripts/lib/test-tokens.mjs';
import { eventually, http, setDefaultHeaders } from './support/http-client.js';
import { accidentReport, maliciousActReport } from './support/incident-reports.js';

type BluehelmSystem = Awaited<ReturnType<typeof startBluehelm>>;
type Caller = Role | 'no token';

/** One token per role, each with that role only, its scope covering the fixtures (a Malian case). */
const ROLE_CLAIMS: Record<Role, { sub: string; roles: Role[]; memberState?: string }> = {
  reporter: { sub: 'matrix-reporter', roles: ['reporter'] },
  'case-officer': { sub: 'matrix-case-officer', roles: ['case-officer'] },
  analyst: { sub: 'matrix-analyst', roles: ['analyst'] },
  auditor: { sub: 'matrix-auditor', roles: ['auditor'] },
  'member-state': { sub: 'matrix-member-state', roles: ['member-state'], memberState: 'MLI' },
  admin: { sub: 'matrix-admin', roles: ['admin'] },
};
const CALLERS: readonly Caller[] = [...ROLES, 'no token'];

interface Fixtures {
  readonly incidentId: string;
  /** An accident: an incident without a case, whose names are erased on their own. */
  readonly accidentId: string;
  readonly caseId: string;
  readonly otherIncidentId: string;
  readonly personId: string;
  /** A new focal point or subscription (made with the all-access token) for each DELETE. */
  newFocalPoint(): Promise<string>;
  newSubscription(): Promise<string>;
}

interface MatrixRequest {
  readonly path: string;
  readonly body?: unknown;
  /** A Server-Sent Events route: only the status is read, then the stream is closed. */
  readonly stream?: boolean;
}

const FOCAL_POINT = { mission: 'MINUSMA', name: 'Matrix Focal Point', email: 'matrix.fp@example.org', role: 'mission focal point' };
const SUBSCRIPTION = { channel: 'email', email: 'matrix.sub@example.org', filters: { hostStates: ['MLI'] } };
const UNKNOWN_ID = '0b7c9e1d-2f3a-4b5c-8d6e-7f8a9b0c1d2e';

/** A request for each route of the table that is valid for the role allowed to make it. */
const REQUESTS: Record<string, (fixtures: Fixtures) => MatrixRequest | Promise<MatrixRequest>> = {
  'GET /v1/health': () => ({ path: '/v1/health' }),
  'GET /docs': () => ({ path: '/docs' }),
  'GET /health/live': () => ({ path: '/health/live' }),
  'GET /health/ready': () => ({ path: '/health/ready' }),
  'GET /metrics': () => ({ path: '/metrics' }),
  'POST /v1/incidents': () => ({ path: '/v1/incidents', body: accidentReport() }),
  'POST /v1/incidents/batch': () => ({ path: '/v1/incidents/batch', body: [accidentReport()] }),
  'GET /v1/incidents/:id': ({ incidentId }) => ({ path: `/v1/incidents/${incidentId}` }),
  'POST /v1/incidents/:id/erase-personal-data': ({ accidentId }) => ({
    path: `/v1/incidents/${accidentId}/erase-personal-data`,
    body: { reason: 'authorisation matrix' },
  }),
  'GET /v1/cases': () => ({ path: '/v1/cases' }),
  'GET /v1/cases/:id': ({ caseId }) => ({ path: `/v1/cases/${caseId}` }),
  'GET /v1/cases/:id/history': ({ caseId }) => ({ path: `/v1/cases/${caseId}/history` }),
  'GET /v1/cases/:id/verify': ({ caseId }) => ({ path: `/v1/cases/${caseId}/verify` }),
  'POST /v1/cases/:id/referral': ({ caseId }) => ({ path: `/v1/cases/${caseId}/referral`, body: { on: '2021-03-20', authority: 'Procureur' } }),
  'POST /v1/cases/:id/investigation': ({ caseId }) => ({
    path: `/v1/cases/${caseId}/investigation`,
    body: { on: '2021-03-21', authority: 'Pôle judiciaire' },
  }),
  'POST /v1/cases/:id/accused': ({ caseId }) => ({
    path: `/v1/cases/${caseId}/accused`,
    body: { on: '2021-04-01', name: 'Matrix Accused', kind: 'individual' },
  }),
  'POST /v1/cases/:id/accused/:personId/steps': ({ caseId, personId }) => ({
    path: `/v1/cases/${caseId}/accused/${personId}/steps`,
    body: { on: '2021-04-02', stage: 'warrant-issued' },
  }),
  'POST /v1/cases/:id/support': ({ caseId }) => ({
    path: `/v1/cases/${caseId}/support`,
    body: { on: '2021-04-03', kind: 'forensic', provider: 'UNMAS' },
  }),
  'POST /v1/cases/:id/incidents': ({ caseId, otherIncidentId }) => ({
    path: `/v1/cases/${caseId}/incidents`,
    body: { on: '2021-04-04', incidentId: otherIncidentId },
  }),
  'POST /v1/cases/:id/closure': ({ caseId }) => ({ path: `/v1/cases/${caseId}/closure`, body: { on: '2021-12-31', reason: 'matrix' } }),
  'POST /v1/cases/:id/erase-personal-data': ({ caseId }) => ({
    path: `/v1/cases/${caseId}/erase-personal-data`,
    body: { reason: 'authorisation matrix' },
  }),
  'GET /v1/analytics/fatalities': () => ({ path: '/v1/analytics/fatalities?groupBy=year' }),
  'GET /v1/analytics/ied-detection': () => ({ path: '/v1/analytics/ied-detection' }),
  'GET /v1/analytics/stream': () => ({ path: '/v1/analytics/stream', stream: true }),
  'GET /v1/reports/accountability': () => ({ path: '/v1/reports/accountability' }),
  'GET /v1/audit/access': () => ({ path: '/v1/audit/access' }),
  'POST /v1/focal-points': () => ({ path: '/v1/focal-points', body: FOCAL_POINT }),
  'GET /v1/focal-points': () => ({ path: '/v1/focal-points' }),
  'GET /v1/focal-points/:id': async ({ newFocalPoint }) => ({ path: `/v1/focal-points/${await newFocalPoint()}` }),
  'DELETE /v1/focal-points/:id': async ({ newFocalPoint }) => ({ path: `/v1/focal-points/${await newFocalPoint()}` }),
  'POST /v1/subscriptions': () => ({ path: '/v1/subscriptions', body: SUBSCRIPTION }),
  'GET /v1/subscriptions': () => ({ path: '/v1/subscriptions' }),
  'GET /v1/subscriptions/:id': async ({ newSubscription }) => ({ path: `/v1/subscriptions/${await newSubscription()}` }),
  'DELETE /v1/subscriptions/:id': async ({ newSubscription }) => ({ path: `/v1/subscriptions/${await newSubscription()}` }),
  'GET /v1/notifications': () => ({ path: '/v1/notifications' }),
  'GET /v1/notifications/:id': () => ({ path: `/v1/notifications/${UNKNOWN_ID}` }),
  'POST /v1/notifications/:id/redeliver': () => ({ path: `/v1/notifications/${UNKNOWN_ID}/redeliver` }),
};

const keyOf = (entry: Pick<EndpointAccess, 'method' | 'path'>) => `${entry.method} ${entry.path}`;

function expectedStatusOf(entry: EndpointAccess, caller: Caller): 'allowed' | 401 | 403 {
  if (entry.roles === 'public') return 'allowed';
  if (caller === 'no token') return 401;
  return mayCall(entry, [caller]) ? 'allowed' : 403;
}

describe('the authorisation matrix: every endpoint × every role and no token', () => {
  let system: BluehelmSystem;
  let fixtures: Fixtures;
  const tokens = new Map<Caller, Record<string, string>>();

  beforeAll(async () => {
    system = await startBluehelm('sqlite');
    setDefaultHeaders({});
    const everything = await bearer(ALL_ACCESS_CLAIMS, { devKeyDir: system.devKeyDir });
    for (const role of ROLES) tokens.set(role, await bearer(ROLE_CLAIMS[role], { devKeyDir: system.devKeyDir }));
    tokens.set('no token', {});
    const report = async (body: object) => (await http(system.baseUrl, 'POST', '/v1/incidents', body, everything)).body;
    const { incidentId, caseId } = await report(maliciousActReport());
    const { incidentId: otherIncidentId } = await report(maliciousActReport({ occurredOn: '2021-02-02' }));
    const { incidentId: accidentId } = await report(accidentReport());
    await eventually(async () => ((await http(system.baseUrl, 'GET', `/v1/cases/${caseId}`, undefined, everything)).status === 200 ? true : undefined), 'the case');
    const accused = await http(system.baseUrl, 'POST', `/v1/cases/${caseId}/accused`, { on: '2021-03-30', name: 'Fixture Accused', kind: 'individual' }, everything);
    const created = async (path: string, body: object) => {
      const answer = await http(system.baseUrl, 'POST', path, body, everything);
      return (answer.body.focalPointId ?? answer.body.subscriptionId) as string;
    };
    fixtures = {
      incidentId,
      accidentId,
      caseId,
      otherIncidentId,
      personId: accused.body.personId,
      newFocalPoint: () => created('/v1/focal-points', FOCAL_POINT),
      newSubscription: () => created('/v1/subscriptions', SUBSCRIPTION),
    };
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
  }, 60_000);

  it('names every route the gateway serves, and has a request for each', async () => {
    const openApi = await http(system.baseUrl, 'GET', '/docs/json');
    const served = Object.entries(openApi.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const tabled = ENDPOINT_ACCESS.map(keyOf);

    expect([...served].sort()).toEqual(tabled.filter((key) => !key.startsWith('GET /docs')).sort());
    expect(Object.keys(REQUESTS).sort()).toEqual([...tabled].sort());
  });

  it('allows exactly the roles the table names, refuses the others with 403, and a request without a token with 401', async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const entry of ENDPOINT_ACCESS) {
      for (const caller of CALLERS) {
        const request = await REQUESTS[keyOf(entry)]!(fixtures);
        const status = await statusOf(system.baseUrl, entry.method, request, tokens.get(caller) ?? {});
        const want = expectedStatusOf(entry, caller);
        outcomes.push(`${keyOf(entry)} as ${caller}: ${want === 'allowed' ? (status === 401 || status === 403 ? status : 'allowed') : status}`);
        expected.push(`${keyOf(entry)} as ${caller}: ${want}`);
      }
    }

    expect(outcomes).toEqual(expected);
  }, 180_000);
});

async function statusOf(baseUrl: string, method: string, request: MatrixRequest, headers: Record<string, string>): Promise<number> {
  if (!request.stream) return (await http(baseUrl, method, request.path, request.body, headers)).status;
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}${request.path}`, { headers, signal: controller.signal });
  controller.abort();
  return response.status;
}
