import {
  CASE_TRACKING_SUBJECTS,
  ReferralRequest,
  type CaseStepReply,
  type ProblemReply,
  type ReferralMessage,
} from '@bluehelm/contracts';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload, type NatsContext } from '@nestjs/microservices';
import { CaseStepRunner } from './case-step.runner.js';

/** `POST /v1/cases/:id/referral`: the case was referred to the host state's justice system. */
@Controller()
export class ReferralHandler {
  constructor(private readonly steps: CaseStepRunner) {}

  @MessagePattern(CASE_TRACKING_SUBJECTS.referral)
  refer(@Payload() message: ReferralMessage, @Ctx() context: NatsContext): Promise<CaseStepReply | ProblemReply> {
    return this.steps.run(message, context, ReferralRequest, (body, today) => ({
      type: 'ReferCase',
      data: { on: body.on, authority: body.authority, today },
    }));
  }
}
