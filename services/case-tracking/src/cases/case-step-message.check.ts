/**
 * The envelope of a case step (the route's ids and the headers around the body). The gateway
 * builds it, but outside NATS clients may too, so it is checked before anything is read.
 */
import { isUuid, validationProblem, type CaseStepMessage, type ProblemFieldError, type ProblemReply } from '@bluehelm/contracts';
import { caseNotFoundProblem } from './case-problem.mapper.js';

export type CheckedStepMessage =
  | { readonly ok: true; readonly caseId: string; readonly message: CaseStepMessage<unknown> }
  | { readonly ok: false; readonly problem: ProblemReply };

export function checkStepMessage(message: unknown): CheckedStepMessage {
  if (typeof message !== 'object' || message === null) {
    return { ok: false, problem: validationProblem([{ path: '', message: 'the message must be a JSON object' }]) };
  }
  const candidate = message as Partial<Record<keyof CaseStepMessage<unknown>, unknown>>;
  // A case id that is not a UUID names no case; the stream names are lower-case.
  if (!isUuid(candidate.caseId)) return { ok: false, problem: caseNotFoundProblem(String(candidate.caseId)) };
  const errors: ProblemFieldError[] = [];
  // Informational only (the verified token names who asks), so it may be left out; when given it is text.
  if (candidate.actor !== undefined && (typeof candidate.actor !== 'string' || candidate.actor.trim() === '')) {
    errors.push({ path: 'actor', message: 'actor, when given, must be a non-empty string' });
  }
  const { expectedRevision, correlationId } = candidate;
  if (expectedRevision !== undefined && !(Number.isSafeInteger(expectedRevision) && (expectedRevision as number) >= 0)) {
    errors.push({ path: 'expectedRevision', message: 'expectedRevision must be a non-negative integer' });
  }
  if (correlationId !== undefined && (typeof correlationId !== 'string' || correlationId === '')) {
    errors.push({ path: 'correlationId', message: 'correlationId must be a non-empty string' });
  }
  if (errors.length > 0) return { ok: false, problem: validationProblem(errors) };
  return { ok: true, caseId: candidate.caseId.toLowerCase(), message: message as CaseStepMessage<unknown> };
}
