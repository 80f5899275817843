import { Module } from '@nestjs/common';
import { CaseAccessModule } from '../access/case-access.module.js';
import { AccusedStepHandler } from './accused-step.handler.js';
import { AddAccusedHandler } from './add-accused.handler.js';
import { CaseStepRunner } from './case-step.runner.js';
import { ClosureHandler } from './closure.handler.js';
import { InvestigationHandler } from './investigation.handler.js';
import { LinkIncidentHandler } from './link-incident.handler.js';
import { ReferralHandler } from './referral.handler.js';
import { SupportActionHandler } from './support-action.handler.js';

/** The case steps: one NATS handler per step, all on the same command path. */
@Module({
  imports: [CaseAccessModule],
  controllers: [
    ReferralHandler,
    InvestigationHandler,
    AddAccusedHandler,
    AccusedStepHandler,
    SupportActionHandler,
    LinkIncidentHandler,
    ClosureHandler,
  ],
  providers: [CaseStepRunner],
})
export class CasesModule {}
