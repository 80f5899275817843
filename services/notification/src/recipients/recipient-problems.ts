/** How a failed request about focal points or subscriptions is answered (plain-JSON Problems). */
import { problemOf, ruleViolationProblem, type ProblemReply } from '@bluehelm/contracts';
import { ConcurrencyConflictError, DomainError } from '@bluehelm/event-sourcing';
import { RecipientNotFoundError } from './recipient.errors.js';

export function notFoundProblem(what: string, id: unknown): ProblemReply {
  return problemOf('not-found', `There is no ${what} ${typeof id === 'string' ? id : JSON.stringify(id)}.`);
}

export function problemForRecipientError(error: unknown): ProblemReply | undefined {
  if (error instanceof RecipientNotFoundError) return { ...notFoundProblem(error.what, error.id), code: error.code };
  if (error instanceof ConcurrencyConflictError) {
    return { ...problemOf('rule-violation', 'The resource kept changing while the request was handled; retry.'), code: error.code };
  }
  if (error instanceof DomainError) {
    return ruleViolationProblem(error.message, error.code);
  }
  return undefined;
}

/** Runs a request's work and turns whatever it throws into a Problem; `report` hears of the unexpected ones. */
export async function answeringProblems<Reply>(
  work: () => Promise<Reply | ProblemReply>,
  report: (error: unknown) => void,
): Promise<Reply | ProblemReply> {
  try {
    return await work();
  } catch (error) {
    const known = problemForRecipientError(error);
    if (known) return known;
    report(error);
    return problemOf('internal', 'The request could not be handled.');
  }
}
