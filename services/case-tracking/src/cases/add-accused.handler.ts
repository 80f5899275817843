import { randomUUID } from 'node:crypto';
import {
  AddAccusedRequest,
  CASE_TRACKING_SUBJECTS,
  isProblem,
  type AddAccusedMessage,
  type AddAccusedReply,
  type ProblemReply,
} from '@bluehelm/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CaseStepRunner } from './case-step.runner.js';

/** `POST /v1/cases/:id/accused`: a suspect was identified; the answer carries the new personId. */
@Controller()
export class AddAccusedHandler {
  constructor(private readonly steps: CaseStepRunner) {}

  @MessagePattern(CASE_TRACKING_SUBJECTS.accused)
  async addAccused(@Payload() message: AddAccusedMessage): Promise<AddAccusedReply | ProblemReply> {
    const personId = randomUUID();
    const reply = await this.steps.run(message, AddAccusedRequest, (body, today) => ({
      type: 'AddAccused',
      data: { personId, on: body.on, name: body.name, kind: body.kind, affiliation: body.affiliation, today },
    }));
    return isProblem(reply) ? reply : { ...reply, personId };
  }
}
