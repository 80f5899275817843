import {
  CASE_TRACKING_SUBJECTS,
  ClosureRequest,
  type CaseStepReply,
  type ClosureMessage,
  type ProblemReply,
} from '@bluehelm/contracts';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload, type NatsContext } from '@nestjs/microservices';
import { CaseStepRunner } from './case-step.runner.js';

/** `POST /v1/cases/:id/closure`. */
@Controller()
export class ClosureHandler {
  constructor(private readonly steps: CaseStepRunner) {}

  @MessagePattern(CASE_TRACKING_SUBJECTS.closure)
  close(@Payload() message: ClosureMessage, @Ctx() context: NatsContext): Promise<CaseStepReply | ProblemReply> {
    return this.steps.run(message, context, ClosureRequest, (body, today) => ({
      type: 'CloseCase',
      data: { on: body.on, reason: body.reason, today },
    }));
  }
}
