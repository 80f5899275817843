import { randomUUID } from 'node:crypto';
import {
  CASE_TRACKING_SUBJECTS,
  SupportActionRequest,
  type CaseStepReply,
  type SupportActionMessage,
  type ProblemReply,
} from '@bluehelm/contracts';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload, type NatsContext } from '@nestjs/microservices';
import { CaseStepRunner } from './case-step.runner.js';

/** `POST /v1/cases/:id/support`: UN capacity-building support given to the host state for the case. */
@Controller()
export class SupportActionHandler {
  constructor(private readonly steps: CaseStepRunner) {}

  @MessagePattern(CASE_TRACKING_SUBJECTS.support)
  recordSupport(@Payload() message: SupportActionMessage, @Ctx() context: NatsContext): Promise<CaseStepReply | ProblemReply> {
    return this.steps.run(message, context, SupportActionRequest, (body, today) => ({
      type: 'RecordSupportAction',
      data: {
        supportId: randomUUID(),
        on: body.on,
        kind: body.kind,
        provider: body.provider,
        description: body.description,
        today,
      },
    }));
  }
}
