import {
  CASE_TRACKING_SUBJECTS,
  LinkIncidentRequest,
  type CaseStepReply,
  type LinkIncidentMessage,
  type ProblemReply,
} from '@bluehelm/contracts';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload, type NatsContext } from '@nestjs/microservices';
import { CaseStepRunner } from './case-step.runner.js';

/** `POST /v1/cases/:id/incidents`: another incident is tried in the same case. */
@Controller()
export class LinkIncidentHandler {
  constructor(private readonly steps: CaseStepRunner) {}

  @MessagePattern(CASE_TRACKING_SUBJECTS['link-incident'])
  linkIncident(@Payload() message: LinkIncidentMessage, @Ctx() context: NatsContext): Promise<CaseStepReply | ProblemReply> {
    return this.steps.run(message, context, LinkIncidentRequest, (body, today) => ({
      type: 'LinkIncident',
      // Stored lower-case, so that one incident written in two cases is recognised as linked.
      data: { on: body.on, incidentId: body.incidentId.toLowerCase(), today },
    }));
  }
}
