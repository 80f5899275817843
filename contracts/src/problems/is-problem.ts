import { isProblem, type Problem } from './problem.js';

/**
 * A problem as a service answers it over NATS. A broken case rule also names the rule (`code`,
 * the DomainError code), so that clients can switch on it.
 */
export type ProblemReply = Problem & { readonly code?: string };

/**
 * Whether a NATS reply is a problem that a caller can hand on as it stands, over HTTP with its
 * own `status`: a Problem (see isProblem) whose status is an HTTP error status (400 to 599),
 * whose `errors`, when present, are `{ path, message }` pairs and whose `code` is text. A reply
 * that fails this is not a problem but a broken answer.
 */
export function isProblemReply(value: unknown): value is ProblemReply {
  if (!isProblem(value)) return false;
  const { status, errors, code } = value as ProblemReply;
  return (
    Number.isInteger(status) &&
    status >= 400 &&
    status <= 599 &&
    (errors === undefined || (Array.isArray(errors) && errors.every(isFieldError))) &&
    (code === undefined || typeof code === 'string')
  );
}

function isFieldError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { path, message } = error as Record<string, unknown>;
  return typeof path === 'string' && typeof message === 'string';
}
