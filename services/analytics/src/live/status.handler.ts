import { ANALYTICS_SUBJECTS, type AnalyticsStatus } from '@bluehelm/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { LiveReadModels } from './live-read-models.service.js';

/** How far the read models have followed the log: lets a caller wait for its own write. */
@Controller()
export class StatusHandler {
  constructor(private readonly readModels: LiveReadModels) {}

  @MessagePattern(ANALYTICS_SUBJECTS.status)
  status(): AnalyticsStatus {
    const projections = [...this.readModels.positions()].map(([name, position]) => ({ name, position }));
    return { projections, position: this.readModels.position };
  }
}
