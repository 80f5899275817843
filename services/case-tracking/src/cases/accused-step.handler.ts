import {
  AccusedStepRequest,
  CASE_TRACKING_SUBJECTS,
  type AccusedStepMessage,
  type CaseStepReply,
  type ProblemReply,
} from '@bluehelm/contracts';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload, type NatsContext } from '@nestjs/microservices';
import { CaseStepRunner } from './case-step.runner.js';

/** `POST /v1/cases/:id/accused/:personId/steps`: a step in the proceedings against one accused. */
@Controller()
export class AccusedStepHandler {
  constructor(private readonly steps: CaseStepRunner) {}

  @MessagePattern(CASE_TRACKING_SUBJECTS['accused-step'])
  recordStep(@Payload() message: AccusedStepMessage, @Ctx() context: NatsContext): Promise<CaseStepReply | ProblemReply> {
    return this.steps.run(message, context, AccusedStepRequest, (body, today) => ({
      type: 'RecordAccusedStep',
      data: {
        // An unknown or malformed personId is refused by the decider as an unknown accused (404).
        personId: String(message.personId),
        step: body.stage,
        on: body.on,
        inAbsentia: body.inAbsentia,
        court: body.court,
        sentence: body.sentence,
        note: body.note,
        today,
      },
    }));
  }
}
