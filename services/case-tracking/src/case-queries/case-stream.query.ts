import type { CaseStreamMessage, ProblemReply } from '@bluehelm/contracts';
import type { RecordedEvent } from '@bluehelm/event-store';
import type { Logger } from '@nestjs/common';
import { answeringProblems, caseNotFoundProblem } from '../cases/case-problem.mapper.js';
import { queriedCaseIdOf } from './case-query-message.check.js';
import type { CaseStreamReader } from './case-stream.reader.js';

/**
 * Answers a query over a whole case stream (history, verify): 404 for a bad or unknown case,
 * the view of its events otherwise, a problem for anything that fails.
 */
export async function answerFromCaseStream<View>(
  reader: Pick<CaseStreamReader, 'eventsOf'>,
  message: CaseStreamMessage,
  logger: Logger,
  viewOf: (caseId: string, events: RecordedEvent[]) => View,
): Promise<View | ProblemReply> {
  const caseId = queriedCaseIdOf(message);
  if (caseId === null) return caseNotFoundProblem(String(message?.caseId));
  return answeringProblems(
    caseId,
    async () => {
      const events = await reader.eventsOf(caseId);
      return events.length === 0 ? caseNotFoundProblem(caseId) : viewOf(caseId, events);
    },
    (error) => logger.error(error),
  );
}
