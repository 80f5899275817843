import type { ProblemReply } from '@bluehelm/contracts';

/**
 * A request that ends in a problem: thrown anywhere on the HTTP path and written as
 * `application/problem+json` by the one ProblemExceptionFilter.
 */
export class ProblemException extends Error {
  override readonly name = 'ProblemException';

  constructor(readonly problem: ProblemReply) {
    super(problem.detail);
  }
}
