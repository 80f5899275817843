import {
  AsOfQuery,
  CASE_TRACKING_SUBJECTS,
  problemOf,
  validateRequest,
  type CaseView,
  type GetCaseMessage,
  type ProblemReply,
} from '@bluehelm/contracts';
import { Controller, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { answeringProblems, caseNotFoundProblem } from '../cases/case-problem.mapper.js';
import { asOfQueryOf, queriedCaseIdOf } from './case-query-message.check.js';
import { CaseStreamReader } from './case-stream.reader.js';
import { caseViewFromEvents } from './case-view.mapper.js';

/** `GET /v1/cases/:id` (`?asOf=YYYY-MM-DD`). */
@Controller()
export class GetCaseHandler {
  private readonly logger = new Logger(GetCaseHandler.name);

  constructor(private readonly reader: CaseStreamReader) {}

  @MessagePattern(CASE_TRACKING_SUBJECTS.get)
  async getCase(@Payload() message: GetCaseMessage): Promise<CaseView | ProblemReply> {
    const caseId = queriedCaseIdOf(message);
    if (caseId === null) return caseNotFoundProblem(String(message?.caseId));
    const query = validateRequest(AsOfQuery, asOfQueryOf(message));
    if (!query.ok) return query.problem;
    const asOf = query.value.asOf ?? null;
    return answeringProblems(caseId, () => this.viewOf(caseId, asOf), (error) => this.logger.error(error));
  }

  private async viewOf(caseId: string, asOf: string | null): Promise<CaseView | ProblemReply> {
    const view = caseViewFromEvents(await this.reader.eventsOf(caseId), asOf);
    if (view !== null) return view;
    return asOf === null ? caseNotFoundProblem(caseId) : problemOf('not-found', `Case ${caseId} did not exist yet on ${asOf}.`);
  }
}
