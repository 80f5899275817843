import { INTAKE_SUBJECTS, type IncidentView, type Problem } from '@bluehelm/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IncidentViewQuery } from './incident-view.query.js';

@Controller()
export class IncidentViewController {
  constructor(private readonly query: IncidentViewQuery) {}

  /** `bluehelm.intake.incidents.get` (a GetIncidentMessage), through the NestJS transport. */
  @MessagePattern(INTAKE_SUBJECTS.getIncident)
  getIncident(@Payload() message: unknown): Promise<IncidentView | Problem> {
    return this.query.viewOf(message);
  }
}
