import type { Role } from './principal.js';

/**
 * Who may call each endpoint of the public HTTP API: the one table that the gateway enforces on
 * the path, that the authorisation matrix test walks (every endpoint × every role, and no
 * token), and that docs/authorization.md publishes. Services enforce `scope` again on the data
 * they return, because a role on a path says nothing about which cases it may see.
 */
export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export interface EndpointAccess {
  readonly method: HttpMethod;
  /** The route as the gateway declares it, with `:params`. */
  readonly path: string;
  /** The roles allowed, or `public` for an endpoint that needs no token. */
  readonly roles: readonly Role[] | 'public';
  /** What the services narrow further for an allowed role; empty when nothing. */
  readonly scope: string;
}

const READ_INCIDENT: readonly Role[] = ['reporter', 'case-officer', 'auditor', 'member-state'];
const READ_CASE: readonly Role[] = ['case-officer', 'auditor', 'member-state'];
const AGGREGATES: readonly Role[] = ['analyst', 'auditor', 'member-state'];
const NAMES = 'names only with the personal-data clearance';
const CASES_IN_SCOPE =
  "case officers: cases of the token's missions; auditors: all; member states: cases on their territory or with their nationals among the victims";
const CASE_SCOPE = `${CASES_IN_SCOPE}; ${NAMES}`;
const INCIDENT_SCOPE =
  "reporters and case officers: incidents of the token's missions; auditors: all; member states: incidents on their territory or with their nationals among the casualties; " +
  `narrative, location, perpetrators and witnesses by classification; ${NAMES}`;
const HISTORY_SCOPE = `case officers: cases of the token's missions; auditors: all; ${NAMES}`;
const CASE_STEP = "cases of the token's missions; recorded under the token's subject";

export const ENDPOINT_ACCESS: readonly EndpointAccess[] = [
  { method: 'GET', path: '/v1/health', roles: 'public', scope: '' },
  { method: 'GET', path: '/docs', roles: 'public', scope: '' },
  // Probes and scrapes of the platform, as on every service; the ingress does not route them.
  { method: 'GET', path: '/health/live', roles: 'public', scope: '' },
  { method: 'GET', path: '/health/ready', roles: 'public', scope: '' },
  { method: 'GET', path: '/metrics', roles: 'public', scope: '' },
  { method: 'POST', path: '/v1/incidents', roles: ['reporter'], scope: "reports for the token's missions" },
  { method: 'POST', path: '/v1/incidents/batch', roles: ['reporter'], scope: "each line for the token's missions" },
  {
    method: 'GET',
    path: '/v1/incidents/:id',
    roles: READ_INCIDENT,
    scope: INCIDENT_SCOPE,
  },
  {
    method: 'POST',
    path: '/v1/incidents/:id/erase-personal-data',
    roles: ['admin'],
    scope: 'an incident without a case (an incident with a case is erased with its case); a reason is required',
  },
  { method: 'GET', path: '/v1/cases', roles: READ_CASE, scope: `lists and counts only the cases in scope: ${CASES_IN_SCOPE}` },
  { method: 'GET', path: '/v1/cases/:id', roles: READ_CASE, scope: CASE_SCOPE },
  { method: 'GET', path: '/v1/cases/:id/history', roles: ['case-officer', 'auditor'], scope: HISTORY_SCOPE },
  { method: 'GET', path: '/v1/cases/:id/verify', roles: READ_CASE, scope: CASES_IN_SCOPE },
  { method: 'POST', path: '/v1/cases/:id/referral', roles: ['case-officer'], scope: CASE_STEP },
  { method: 'POST', path: '/v1/cases/:id/investigation', roles: ['case-officer'], scope: CASE_STEP },
  { method: 'POST', path: '/v1/cases/:id/accused', roles: ['case-officer'], scope: CASE_STEP },
  { method: 'POST', path: '/v1/cases/:id/accused/:personId/steps', roles: ['case-officer'], scope: CASE_STEP },
  { method: 'POST', path: '/v1/cases/:id/support', roles: ['case-officer'], scope: CASE_STEP },
  { method: 'POST', path: '/v1/cases/:id/incidents', roles: ['case-officer'], scope: CASE_STEP },
  { method: 'POST', path: '/v1/cases/:id/closure', roles: ['case-officer'], scope: CASE_STEP },
  { method: 'POST', path: '/v1/cases/:id/erase-personal-data', roles: ['admin'], scope: 'any case; a reason is required' },
  { method: 'GET', path: '/v1/analytics/fatalities', roles: AGGREGATES, scope: 'aggregates only' },
  { method: 'GET', path: '/v1/analytics/ied-detection', roles: AGGREGATES, scope: 'aggregates only' },
  { method: 'GET', path: '/v1/analytics/stream', roles: AGGREGATES, scope: 'aggregates only' },
  { method: 'GET', path: '/v1/reports/accountability', roles: AGGREGATES, scope: 'aggregates only' },
  { method: 'GET', path: '/v1/audit/access', roles: ['auditor'], scope: 'every write and every read of personal data' },
  { method: 'POST', path: '/v1/focal-points', roles: ['admin'], scope: '' },
  { method: 'GET', path: '/v1/focal-points', roles: ['admin'], scope: '' },
  { method: 'GET', path: '/v1/focal-points/:id', roles: ['admin'], scope: '' },
  { method: 'DELETE', path: '/v1/focal-points/:id', roles: ['admin'], scope: '' },
  { method: 'POST', path: '/v1/subscriptions', roles: ['admin'], scope: '' },
  { method: 'GET', path: '/v1/subscriptions', roles: ['admin'], scope: '' },
  { method: 'GET', path: '/v1/subscriptions/:id', roles: ['admin'], scope: '' },
  { method: 'DELETE', path: '/v1/subscriptions/:id', roles: ['admin'], scope: '' },
  { method: 'GET', path: '/v1/notifications', roles: ['admin', 'auditor'], scope: '' },
  { method: 'GET', path: '/v1/notifications/:id', roles: ['admin', 'auditor'], scope: '' },
  { method: 'POST', path: '/v1/notifications/:id/redeliver', roles: ['admin'], scope: '' },
];

/** The access rule of a route, or undefined for one the table does not name (refused). */
export function endpointAccessOf(method: string, path: string): EndpointAccess | undefined {
  return ENDPOINT_ACCESS.find((entry) => entry.method === method && entry.path === path);
}

/** Whether a caller with these roles (none: no valid token) may call the endpoint at all. */
export function mayCall(entry: EndpointAccess, roles: readonly Role[]): boolean {
  return entry.roles === 'public' || roles.some((role) => (entry.roles as readonly Role[]).includes(role));
}
