import { randomUUID } from 'node:crypto';
import {
  AddAccusedRequest,
  CASE_TRACKING_SUBJECTS,
  isProblem,
  type AddAccusedMessage,
  type AddAccusedReply,
  type ProblemReply,
} from '@bluehelm/contracts';
import { PersonalDataCipher } from '@bluehelm/personal-data';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload, type NatsContext } from '@nestjs/microservices';
import { CaseStepRunner } from './case-step.runner.js';

/**
 * `POST /v1/cases/:id/accused`: a suspect was identified; the answer carries the new personId.
 * The name is sealed with the case's data key before the command exists, so plaintext never
 * reaches the decider, the log or the integration events.
 */
@Controller()
export class AddAccusedHandler {
  constructor(
    private readonly steps: CaseStepRunner,
    private readonly cipher: PersonalDataCipher,
  ) {}

  @MessagePattern(CASE_TRACKING_SUBJECTS.accused)
  async addAccused(@Payload() message: AddAccusedMessage, @Ctx() context: NatsContext): Promise<AddAccusedReply | ProblemReply> {
    const personId = randomUUID();
    const reply = await this.steps.run(message, context, AddAccusedRequest, async (body, today, caseId) => ({
      type: 'AddAccused',
      data: { personId, on: body.on, name: await this.cipher.seal(caseId, body.name), kind: body.kind, affiliation: body.affiliation, today },
    }));
    return isProblem(reply) ? reply : { ...reply, personId };
  }
}
