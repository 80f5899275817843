import { Module } from '@nestjs/common';
import { AccessTrailController } from '../audit/access-trail.controller.js';
import { UpstreamModule } from '../upstream/upstream.module.js';
import { AccountabilityReportController } from './accountability-report.controller.js';
import { AnalyticsController } from './analytics.controller.js';
import { IndicatorStreamController } from './indicator-stream.controller.js';

@Module({
  imports: [UpstreamModule],
  controllers: [AnalyticsController, IndicatorStreamController, AccountabilityReportController, AccessTrailController],
})
export class AnalyticsModule {}
