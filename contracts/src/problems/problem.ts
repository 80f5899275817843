/**
 * Problem details (RFC 9457): the one error shape of the HTTP API (`application/problem+json`)
 * and of the NATS replies. `type` is a stable URI per kind of problem; clients switch on it.
 */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Every problem type URI starts here; the rest is the kind, as in PROBLEM_KINDS. */
export const PROBLEM_TYPE_BASE = 'https://bluehelm.example/problems/';

export interface ProblemFieldError {
  /** The failing field: `location.lat`, `casualties[0].nationality`; empty for the body itself. */
  readonly path: string;
  readonly message: string;
}

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  /** For validation problems: every failing field. */
  readonly errors?: readonly ProblemFieldError[];
}

export const PROBLEM_KINDS = {
  'malformed-json': { status: 400, title: 'The body is not valid JSON' },
  unauthenticated: { status: 401, title: 'No valid credentials' },
  forbidden: { status: 403, title: 'Not allowed' },
  'not-found': { status: 404, title: 'Not found' },
  gone: { status: 410, title: 'Gone' },
  'report-conflict': { status: 409, title: 'The reportId was already used for a different report' },
  'rule-violation': { status: 409, title: 'The request breaks a rule of the case' },
  'revision-mismatch': { status: 412, title: 'The resource has changed since the given revision' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  validation: { status: 422, title: 'The request is not valid' },
  internal: { status: 500, title: 'Internal error' },
  unavailable: { status: 503, title: 'Service unavailable' },
} as const satisfies Record<string, { readonly status: number; readonly title: string }>;

export type ProblemKind = keyof typeof PROBLEM_KINDS;

export function problemTypeOf(kind: ProblemKind): string {
  return `${PROBLEM_TYPE_BASE}${kind}`;
}

export function problemOf(kind: ProblemKind, detail: string, errors?: readonly ProblemFieldError[]): Problem {
  const { status, title } = PROBLEM_KINDS[kind];
  return errors === undefined
    ? { type: problemTypeOf(kind), title, status, detail }
    : { type: problemTypeOf(kind), title, status, detail, errors };
}

/**
 * A 409 for a rule of the domain that the request breaks, with the rule's code. Domain rules are
 * worded as clauses ("the case was closed on ..."); a problem's detail is a sentence.
 */
export function ruleViolationProblem(clause: string, code: string): Problem & { readonly code: string } {
  return { ...problemOf('rule-violation', `${clause.charAt(0).toUpperCase()}${clause.slice(1)}.`), code };
}

/** For a NATS reply, which is either the success shape or a problem. */
export function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate['type'] === 'string' &&
    typeof candidate['title'] === 'string' &&
    typeof candidate['status'] === 'number' &&
    typeof candidate['detail'] === 'string'
  );
}
