import { Module } from '@nestjs/common';
import { UpstreamModule } from '../upstream/upstream.module.js';
import { BatchLineHandler } from './batch/batch-line.handler.js';
import { IncidentBatchRunner } from './batch/incident-batch.runner.js';
import { IncidentBatchController } from './incident-batch.controller.js';
import { IncidentErasureController } from './incident-erasure.controller.js';
import { IncidentsController } from './incidents.controller.js';

@Module({
  imports: [UpstreamModule],
  controllers: [IncidentsController, IncidentBatchController, IncidentErasureController],
  providers: [BatchLineHandler, IncidentBatchRunner],
})
export class IncidentsModule {}
