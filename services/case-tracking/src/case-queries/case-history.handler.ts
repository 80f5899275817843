import { ACCESS_REASON_HEADER, CASE_TRACKING_SUBJECTS, type CaseHistory, type CaseStreamMessage, type ProblemReply } from '@bluehelm/contracts';
import { headerOf, PersonalDataDisclosure } from '@bluehelm/service-kit';
import { Controller, Logger } from '@nestjs/common';
import { Ctx, MessagePattern, Payload, type NatsContext } from '@nestjs/microservices';
import { CaseAccess } from '../access/case-access.js';
import { mayReadCaseHistory } from '../access/case-scope.rules.js';
import { caseHistoryOf } from './case-audit.mapper.js';
import { answerFromCaseStream } from './case-stream.query.js';
import { CaseStreamReader } from './case-stream.reader.js';

/**
 * `GET /v1/cases/:id/history`: every event of the case with its metadata and hash, personal
 * fields disclosed as the reader's clearance allows (the chain itself is checked by /verify).
 */
@Controller()
export class CaseHistoryHandler {
  private readonly logger = new Logger(CaseHistoryHandler.name);

  constructor(
    private readonly reader: CaseStreamReader,
    private readonly access: CaseAccess,
    private readonly disclosure: PersonalDataDisclosure,
  ) {}

  @MessagePattern(CASE_TRACKING_SUBJECTS.history)
  async history(@Payload() message: CaseStreamMessage, @Ctx() context: NatsContext): Promise<CaseHistory | ProblemReply> {
    return answerFromCaseStream(this.reader, this.access, message, context, this.logger, {
      roles: ['case-officer', 'auditor'],
      rule: mayReadCaseHistory,
      viewOf: (caseId, events, principal) =>
        this.disclosure.disclose(principal, caseHistoryOf(caseId, events), {
          resource: 'case',
          resourceId: caseId,
          view: 'case-history',
          reason: headerOf(context, ACCESS_REASON_HEADER),
        }),
    });
  }
}
