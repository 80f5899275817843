import { Module } from '@nestjs/common';
import { UpstreamModule } from '../upstream/upstream.module.js';
import { CaseErasureController } from './case-erasure.controller.js';
import { CaseStepsController } from './case-steps.controller.js';
import { CasesController } from './cases.controller.js';

@Module({
  imports: [UpstreamModule],
  controllers: [CasesController, CaseStepsController, CaseErasureController],
})
export class CasesModule {}
