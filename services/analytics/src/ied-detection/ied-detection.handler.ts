import { ANALYTICS_SUBJECTS, IedDetectionQuery, validateRequest, type IedDetectionView, type Problem } from '@bluehelm/contracts';
import { AllowedRoles } from '@bluehelm/service-kit';
import { Controller, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { replyTo } from '../replies/query-reply.js';
import { IedDetectionReader } from './ied-detection.reader.js';

/** `GET /v1/analytics/ied-detection`: the query string's fields as plain JSON. */
@Controller()
export class IedDetectionHandler {
  private readonly logger = new Logger(IedDetectionHandler.name);

  constructor(private readonly reader: IedDetectionReader) {}

  @MessagePattern(ANALYTICS_SUBJECTS.iedDetection)
  @AllowedRoles('analyst', 'auditor', 'member-state')
  iedDetection(@Payload() message: unknown): Promise<IedDetectionView | Problem> {
    return replyTo(this.logger, ANALYTICS_SUBJECTS.iedDetection, async () => {
      const query = validateRequest(IedDetectionQuery, message ?? {});
      return query.ok ? this.reader.figures(query.value) : query.problem;
    });
  }
}
