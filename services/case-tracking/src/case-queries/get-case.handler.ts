import {
  ACCESS_REASON_HEADER,
  AsOfQuery,
  CASE_TRACKING_SUBJECTS,
  problemOf,
  validateRequest,
  type CaseView,
  type GetCaseMessage,
  type Principal,
  type ProblemReply,
} from '@bluehelm/contracts';
import { headerOf, PersonalDataDisclosure } from '@bluehelm/service-kit';
import { Controller, Logger } from '@nestjs/common';
import { Ctx, MessagePattern, Payload, type NatsContext } from '@nestjs/microservices';
import { CaseAccess } from '../access/case-access.js';
import { mayReadCase } from '../access/case-scope.rules.js';
import { answeringProblems, caseNotFoundProblem } from '../cases/case-problem.mapper.js';
import { asOfQueryOf, queriedCaseIdOf } from './case-query-message.check.js';
import { CaseStreamReader } from './case-stream.reader.js';
import { caseViewFromEvents } from './case-view.mapper.js';

/** `GET /v1/cases/:id` (`?asOf=YYYY-MM-DD`). */
@Controller()
export class GetCaseHandler {
  private readonly logger = new Logger(GetCaseHandler.name);

  constructor(
    private readonly reader: CaseStreamReader,
    private readonly access: CaseAccess,
    private readonly disclosure: PersonalDataDisclosure,
  ) {}

  @MessagePattern(CASE_TRACKING_SUBJECTS.get)
  async getCase(@Payload() message: GetCaseMessage, @Ctx() context: NatsContext): Promise<CaseView | ProblemReply> {
    const caseId = queriedCaseIdOf(message);
    if (caseId === null) return caseNotFoundProblem(String(message?.caseId));
    return answeringProblems(
      caseId,
      async () => {
        const allowed = await this.access.check(context, caseId, ['case-officer', 'auditor', 'member-state'], mayReadCase);
        if (!allowed.ok) return allowed.problem;
        const query = validateRequest(AsOfQuery, asOfQueryOf(message));
        if (!query.ok) return query.problem;
        return this.viewOf(caseId, query.value.asOf ?? null, allowed.principal, headerOf(context, ACCESS_REASON_HEADER));
      },
      (error) => this.logger.error(error),
    );
  }

  private async viewOf(caseId: string, asOf: string | null, principal: Principal, reason: string | undefined): Promise<CaseView | ProblemReply> {
    const view = caseViewFromEvents(await this.reader.eventsOf(caseId), asOf);
    if (view !== null) return this.disclosure.disclose(principal, view, { resource: 'case', resourceId: caseId, view: 'case', reason });
    return asOf === null ? caseNotFoundProblem(caseId) : problemOf('not-found', `Case ${caseId} did not exist yet on ${asOf}.`);
  }
}
