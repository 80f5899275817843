import {
  ANALYTICS_SUBJECTS,
  FatalitiesQuery,
  validateRequest,
  validationProblem,
  type FatalitiesView,
  type Problem,
} from '@bluehelm/contracts';
import { AllowedRoles } from '@bluehelm/service-kit';
import { Controller, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { replyTo } from '../replies/query-reply.js';
import { InvertedRangeError } from './fatalities.query.js';
import { FatalitiesReader } from './fatalities.reader.js';

/** `GET /v1/analytics/fatalities`: the query string's fields as plain JSON. */
@Controller()
export class FatalitiesHandler {
  private readonly logger = new Logger(FatalitiesHandler.name);

  constructor(private readonly reader: FatalitiesReader) {}

  @MessagePattern(ANALYTICS_SUBJECTS.fatalities)
  @AllowedRoles('analyst', 'auditor', 'member-state')
  fatalities(@Payload() message: unknown): Promise<FatalitiesView | Problem> {
    return replyTo(this.logger, ANALYTICS_SUBJECTS.fatalities, async () => {
      const query = validateRequest(FatalitiesQuery, message ?? {});
      if (!query.ok) return query.problem;
      try {
        return await this.reader.count(query.value);
      } catch (error) {
        if (error instanceof InvertedRangeError) return validationProblem([{ path: 'to', message: error.message }]);
        throw error;
      }
    });
  }
}
