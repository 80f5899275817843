/**
 * The one translation of what can go wrong with a case request into the Problem the caller
 * gets back (the agreement's status mapping): expected failures are answers, never RPC errors.
 */
import { ConcurrencyConflictError, DomainError, StaleRevisionError } from '@bluehelm/event-sourcing';
import { PROBLEM_TYPE_BASE, problemOf, ruleViolationProblem, type Problem, type ProblemReply } from '@bluehelm/contracts';
import { CaseNotOpenedError, UnknownAccusedError } from './case.errors.js';

export function caseNotFoundProblem(caseId: string): ProblemReply {
  return problemOf('not-found', `There is no case ${caseId}.`);
}

function withCode(problem: Problem, code: string): ProblemReply {
  return { ...problem, code };
}

/** Every failure of a case step or query, known or not; an unknown one is a 500 without details. */
export function problemForCaseError(error: unknown, caseId: string): ProblemReply {
  if (error instanceof CaseNotOpenedError) return caseNotFoundProblem(caseId);
  if (error instanceof StaleRevisionError) {
    // A revision given for a case that does not exist names no state at all.
    if (error.actualRevision === 'no-stream') return caseNotFoundProblem(caseId);
    return withCode(
      problemOf('revision-mismatch', `The case is at revision ${error.actualRevision}, not ${error.expectedRevision}.`),
      error.code,
    );
  }
  if (error instanceof ConcurrencyConflictError) {
    return {
      type: `${PROBLEM_TYPE_BASE}concurrency-conflict`,
      title: 'The case kept changing while the request was handled',
      status: 409,
      detail: 'Other steps were recorded at the same time; read the case again and retry.',
      code: error.code,
    };
  }
  if (error instanceof UnknownAccusedError) {
    return withCode(problemOf('not-found', `There is no accused person ${error.personId} in case ${caseId}.`), error.code);
  }
  if (error instanceof DomainError) return ruleViolationProblem(error.message, error.code);
  return problemOf('internal', 'The request could not be handled.');
}

/**
 * Runs the work of a request and answers a Problem for whatever it throws, since NATS replies
 * carry failures as values; `report` hears about the unexpected ones (500).
 */
export async function answeringProblems<Reply>(
  caseId: string,
  work: () => Promise<Reply | ProblemReply>,
  report: (error: unknown) => void,
): Promise<Reply | ProblemReply> {
  try {
    return await work();
  } catch (error) {
    const problem = problemForCaseError(error, caseId);
    if (problem.status >= 500) report(error);
    return problem;
  }
}
