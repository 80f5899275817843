import {
  CASE_TRACKING_SUBJECTS,
  InvestigationRequest,
  type CaseStepReply,
  type InvestigationMessage,
  type ProblemReply,
} from '@bluehelm/contracts';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload, type NatsContext } from '@nestjs/microservices';
import { CaseStepRunner } from './case-step.runner.js';

/** `POST /v1/cases/:id/investigation`: the host state opened an investigation. */
@Controller()
export class InvestigationHandler {
  constructor(private readonly steps: CaseStepRunner) {}

  @MessagePattern(CASE_TRACKING_SUBJECTS.investigation)
  openInvestigation(@Payload() message: InvestigationMessage, @Ctx() context: NatsContext): Promise<CaseStepReply | ProblemReply> {
    return this.steps.run(message, context, InvestigationRequest, (body, today) => ({
      type: 'OpenInvestigation',
      data: { on: body.on, authority: body.authority, today },
    }));
  }
}
