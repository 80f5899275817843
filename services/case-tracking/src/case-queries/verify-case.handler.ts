import { CASE_TRACKING_SUBJECTS, type CaseStreamMessage, type CaseVerification, type ProblemReply } from '@bluehelm/contracts';
import { Controller, Logger } from '@nestjs/common';
import { Ctx, MessagePattern, Payload, type NatsContext } from '@nestjs/microservices';
import { CaseAccess } from '../access/case-access.js';
import { mayReadCase } from '../access/case-scope.rules.js';
import { caseVerificationOf } from './case-audit.mapper.js';
import { answerFromCaseStream } from './case-stream.query.js';
import { CaseStreamReader } from './case-stream.reader.js';

/** `GET /v1/cases/:id/verify`: whether the case's hash chain is intact, or where it breaks. */
@Controller()
export class VerifyCaseHandler {
  private readonly logger = new Logger(VerifyCaseHandler.name);

  constructor(
    private readonly reader: CaseStreamReader,
    private readonly access: CaseAccess,
  ) {}

  @MessagePattern(CASE_TRACKING_SUBJECTS.verify)
  async verify(@Payload() message: CaseStreamMessage, @Ctx() context: NatsContext): Promise<CaseVerification | ProblemReply> {
    return answerFromCaseStream(this.reader, this.access, message, context, this.logger, {
      roles: ['case-officer', 'auditor', 'member-state'],
      rule: mayReadCase,
      viewOf: caseVerificationOf,
    });
  }
}
