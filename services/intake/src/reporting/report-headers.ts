import { randomUUID } from 'node:crypto';
import { TEXT_LIMITS, validationProblem, type Problem, type ProblemFieldError } from '@bluehelm/contracts';

/** The NATS headers a reporter (the gateway, a mission system) sends with a report. */
export const AUTHORIZATION_HEADER = 'Authorization';
export const CORRELATION_ID_HEADER = 'Bluehelm-Correlation-Id';

/** The header values as received; absent when the message had none. */
export interface ReportHeaders {
  /** `Bearer <JWT>`: who reports is the token's subject, never a header the caller writes itself. */
  readonly authorization?: string;
  readonly correlationId?: string;
}

export type CorrelationOutcome = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly problem: Problem };

/**
 * The correlation id the report's event carries: the caller's, or a new one. A header that is
 * present must be usable text, since it is written into the log for good.
 */
export function correlationIdOf(headers: ReportHeaders): CorrelationOutcome {
  const errors = headerErrors(CORRELATION_ID_HEADER, headers.correlationId);
  if (errors.length > 0) return { ok: false, problem: validationProblem(errors) };
  return { ok: true, value: headers.correlationId?.trim() || randomUUID() };
}

function headerErrors(name: string, value: string | undefined): ProblemFieldError[] {
  if (value === undefined || value.trim().length <= TEXT_LIMITS.short) return [];
  return [{ path: `headers.${name}`, message: `${name} must be at most ${TEXT_LIMITS.short} characters long` }];
}
