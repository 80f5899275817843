import {
  CASE_TRACKING_SUBJECTS,
  ClosureRequest,
  type CaseStepReply,
  type ClosureMessage,
  type ProblemReply,
} from '@bluehelm/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CaseStepRunner } from './case-step.runner.js';

/** `POST /v1/cases/:id/closure`. */
@Controller()
export class ClosureHandler {
  constructor(private readonly steps: CaseStepRunner) {}

  @MessagePattern(CASE_TRACKING_SUBJECTS.closure)
  close(@Payload() message: ClosureMessage): Promise<CaseStepReply | ProblemReply> {
    return this.steps.run(message, ClosureRequest, (body, today) => ({
      type: 'CloseCase',
      data: { on: body.on, reason: body.reason, today },
    }));
  }
}
