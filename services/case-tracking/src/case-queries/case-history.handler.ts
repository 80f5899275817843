import { CASE_TRACKING_SUBJECTS, type CaseHistory, type CaseStreamMessage, type ProblemReply } from '@bluehelm/contracts';
import { Controller, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { caseHistoryOf } from './case-audit.mapper.js';
import { answerFromCaseStream } from './case-stream.query.js';
import { CaseStreamReader } from './case-stream.reader.js';

/** `GET /v1/cases/:id/history`: every event of the case with its hash. */
@Controller()
export class CaseHistoryHandler {
  private readonly logger = new Logger(CaseHistoryHandler.name);

  constructor(private readonly reader: CaseStreamReader) {}

  @MessagePattern(CASE_TRACKING_SUBJECTS.history)
  async history(@Payload() message: CaseStreamMessage): Promise<CaseHistory | ProblemReply> {
    return answerFromCaseStream(this.reader, message, this.logger, caseHistoryOf);
  }
}
