import type { CaseStreamMessage, Principal, ProblemReply, Role } from '@bluehelm/contracts';
import type { RecordedEvent } from '@bluehelm/event-store';
import type { Logger } from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import type { CaseAccess } from '../access/case-access.js';
import type { CaseScopeFacts } from '../access/case-scope.rules.js';
import { answeringProblems, caseNotFoundProblem } from '../cases/case-problem.mapper.js';
import { queriedCaseIdOf } from './case-query-message.check.js';
import type { CaseStreamReader } from './case-stream.reader.js';

export interface CaseStreamQuery<View> {
  readonly roles: readonly Role[];
  readonly rule: (principal: Principal, facts: CaseScopeFacts) => boolean;
  readonly viewOf: (caseId: string, events: RecordedEvent[], principal: Principal) => View | Promise<View>;
}

/**
 * Answers a query over a whole case stream (history, verify): 404 for a bad or unknown case,
 * 401/403 for a caller who may not read it, the view of its events otherwise, a problem for
 * anything that fails.
 */
export async function answerFromCaseStream<View>(
  reader: Pick<CaseStreamReader, 'eventsOf'>,
  access: CaseAccess,
  message: CaseStreamMessage,
  context: NatsContext | undefined,
  logger: Logger,
  query: CaseStreamQuery<View>,
): Promise<View | ProblemReply> {
  const caseId = queriedCaseIdOf(message);
  if (caseId === null) return caseNotFoundProblem(String(message?.caseId));
  return answeringProblems(
    caseId,
    async () => {
      const allowed = await access.check(context, caseId, query.roles, query.rule);
      if (!allowed.ok) return allowed.problem;
      const events = await reader.eventsOf(caseId);
      return events.length === 0 ? caseNotFoundProblem(caseId) : query.viewOf(caseId, events, allowed.principal);
    },
    (error) => logger.error(error),
  );
}
