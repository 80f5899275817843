import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module.js';
import { UpstreamModule } from '../upstream/upstream.module.js';
import { BatchLineHandler } from './batch/batch-line.handler.js';
import { IncidentBatchRunner } from './batch/incident-batch.runner.js';
import { IncidentBatchController } from './incident-batch.controller.js';
import { IncidentErasureController } from './incident-erasure.controller.js';
import { IncidentReportForwarder } from './incident-report.forwarder.js';
import { IncidentReportLane } from './incident-report.lane.js';
import { IncidentsController } from './incidents.controller.js';

@Module({
  imports: [UpstreamModule, AccessModule],
  controllers: [IncidentsController, IncidentBatchController, IncidentErasureController],
  providers: [BatchLineHandler, IncidentBatchRunner, IncidentReportForwarder, IncidentReportLane],
})
export class IncidentsModule {}
