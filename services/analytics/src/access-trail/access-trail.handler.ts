import {
  AccessTrailQuery,
  ANALYTICS_SUBJECTS,
  validateRequest,
  validationProblem,
  type AccessTrailPage,
  type Problem,
} from '@bluehelm/contracts';
import { AllowedRoles } from '@bluehelm/service-kit';
import { Controller, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { replyTo } from '../replies/query-reply.js';
import { InvertedTimeRangeError } from './access-trail.query.js';
import { AccessTrailReader } from './access-trail.reader.js';

/** `GET /v1/audit/access`: the query string's fields as plain JSON; for auditors only. */
@Controller()
export class AccessTrailHandler {
  private readonly logger = new Logger(AccessTrailHandler.name);

  constructor(private readonly reader: AccessTrailReader) {}

  @MessagePattern(ANALYTICS_SUBJECTS.accessTrail)
  @AllowedRoles('auditor')
  accessTrail(@Payload() message: unknown): Promise<AccessTrailPage | Problem> {
    return replyTo(this.logger, ANALYTICS_SUBJECTS.accessTrail, async () => {
      const query = validateRequest(AccessTrailQuery, message ?? {});
      if (!query.ok) return query.problem;
      try {
        return await this.reader.page(query.value);
      } catch (error) {
        if (error instanceof InvertedTimeRangeError) return validationProblem([{ path: 'to', message: error.message }]);
        throw error;
      }
    });
  }
}
