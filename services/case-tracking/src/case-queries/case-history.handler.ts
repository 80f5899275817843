import { CASE_TRACKING_SUBJECTS, type CaseHistory, type CaseStreamMessage, type ProblemReply } from '@bluehelm/contracts';
import { Controller, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { answeringProblems, caseNotFoundProblem } from '../cases/case-problem.mapper.js';
import { caseHistoryOf } from './case-audit.mapper.js';
import { queriedCaseIdOf } from './case-query-message.check.js';
import { CaseStreamReader } from './case-stream.reader.js';

/** `GET /v1/cases/:id/history`: every event of the case with its hash. */
@Controller()
export class CaseHistoryHandler {
  private readonly logger = new Logger(CaseHistoryHandler.name);

  constructor(private readonly reader: CaseStreamReader) {}

  @MessagePattern(CASE_TRACKING_SUBJECTS.history)
  async history(@Payload() message: CaseStreamMessage): Promise<CaseHistory | ProblemReply> {
    const caseId = queriedCaseIdOf(message);
    if (caseId === null) return caseNotFoundProblem(String(message?.caseId));
    return answeringProblems(
      caseId,
      async () => {
        const events = await this.reader.eventsOf(caseId);
        return events.length === 0 ? caseNotFoundProblem(caseId) : caseHistoryOf(caseId, events);
      },
      (error) => this.logger.error(error),
    );
  }
}
