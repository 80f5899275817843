import { CASE_TRACKING_SUBJECTS, type CaseStreamMessage, type CaseVerification, type ProblemReply } from '@bluehelm/contracts';
import { Controller, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { answeringProblems, caseNotFoundProblem } from '../cases/case-problem.mapper.js';
import { caseVerificationOf } from './case-audit.mapper.js';
import { queriedCaseIdOf } from './case-query-message.check.js';
import { CaseStreamReader } from './case-stream.reader.js';

/** `GET /v1/cases/:id/verify`: whether the case's hash chain is intact, or where it breaks. */
@Controller()
export class VerifyCaseHandler {
  private readonly logger = new Logger(VerifyCaseHandler.name);

  constructor(private readonly reader: CaseStreamReader) {}

  @MessagePattern(CASE_TRACKING_SUBJECTS.verify)
  async verify(@Payload() message: CaseStreamMessage): Promise<CaseVerification | ProblemReply> {
    const caseId = queriedCaseIdOf(message);
    if (caseId === null) return caseNotFoundProblem(String(message?.caseId));
    return answeringProblems(
      caseId,
      async () => {
        const events = await this.reader.eventsOf(caseId);
        return events.length === 0 ? caseNotFoundProblem(caseId) : caseVerificationOf(caseId, events);
      },
      (error) => this.logger.error(error),
    );
  }
}
