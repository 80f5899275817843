import { problemOf, type Problem } from '@bluehelm/contracts';
import type { Logger } from '@nestjs/common';

/**
 * Runs a query and answers its value or its problem; an unexpected failure is logged and
 * answered as a 500 problem rather than thrown, since callers expect plain JSON either way.
 */
export async function replyTo<Value>(logger: Logger, subject: string, answer: () => Promise<Value | Problem>): Promise<Value | Problem> {
  try {
    return await answer();
  } catch (error) {
    logger.error(`${subject} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return problemOf('internal', 'The analytics service could not answer this query; try again.');
  }
}
