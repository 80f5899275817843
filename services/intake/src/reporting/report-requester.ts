import { randomUUID } from 'node:crypto';
import { TEXT_LIMITS, validationProblem, type Problem, type ProblemFieldError } from '@bluehelm/contracts';

/** Optional NATS headers by which a caller (the gateway, a mission system) says who asks. */
export const ACTOR_HEADER = 'Bluehelm-Actor';
export const CORRELATION_ID_HEADER = 'Bluehelm-Correlation-Id';

/** The actor of a report that names none (until authentication exists). */
export const ANONYMOUS_ACTOR = 'anonymous';

/** The header values as received; absent when the message had none. */
export interface ReportHeaders {
  readonly actor?: string;
  readonly correlationId?: string;
}

/** Who asked for a report to be recorded, as it goes into the event's metadata. */
export interface Requester {
  readonly actor: string;
  readonly correlationId: string;
}

export type RequesterOutcome = { readonly ok: true; readonly value: Requester } | { readonly ok: false; readonly problem: Problem };

/**
 * The requester named by the headers, with defaults: `anonymous`, and a new correlation id. A
 * header that is present must be usable text, since it is written into the log for good.
 */
export function requesterOf(headers: ReportHeaders): RequesterOutcome {
  const errors = [
    ...headerErrors(ACTOR_HEADER, headers.actor),
    ...headerErrors(CORRELATION_ID_HEADER, headers.correlationId),
  ];
  if (errors.length > 0) return { ok: false, problem: validationProblem(errors) };
  return {
    ok: true,
    value: { actor: headers.actor?.trim() || ANONYMOUS_ACTOR, correlationId: headers.correlationId?.trim() || randomUUID() },
  };
}

function headerErrors(name: string, value: string | undefined): ProblemFieldError[] {
  if (value === undefined || value.trim().length <= TEXT_LIMITS.short) return [];
  return [{ path: `headers.${name}`, message: `${name} must be at most ${TEXT_LIMITS.short} characters long` }];
}
