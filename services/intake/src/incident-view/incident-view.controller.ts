import { ACCESS_REASON_HEADER, INTAKE_SUBJECTS, isProblem, type IncidentView, type Problem } from '@bluehelm/contracts';
import { CallerAccess, forbiddenProblem, headerOf, PersonalDataDisclosure } from '@bluehelm/service-kit';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload, type NatsContext } from '@nestjs/microservices';
import { classifiedPartsFor, mayReadIncident } from './incident-read.rules.js';
import { IncidentViewQuery } from './incident-view.query.js';

@Controller()
export class IncidentViewController {
  constructor(
    private readonly query: IncidentViewQuery,
    private readonly access: CallerAccess,
    private readonly disclosure: PersonalDataDisclosure,
  ) {}

  /**
   * `bluehelm.intake.incidents.get` (a GetIncidentMessage), through the NestJS transport: the
   * incident as the caller may see it (scope, classification, clearance for names).
   */
  @MessagePattern(INTAKE_SUBJECTS.getIncident)
  async getIncident(@Payload() message: unknown, @Ctx() context: NatsContext): Promise<IncidentView | Problem> {
    const caller = await this.access.authorize(context, ['reporter', 'case-officer', 'auditor', 'member-state']);
    if (!caller.ok) return caller.problem;
    const incident = await this.query.viewOf(message);
    if (isProblem(incident)) return incident;
    if (!mayReadIncident(caller.principal, incident)) return forbiddenProblem(`incident ${incident.incidentId} is outside the scope of your token`);
    return this.disclosure.disclose(caller.principal, classifiedPartsFor(caller.principal, incident), {
      resource: 'incident',
      resourceId: incident.incidentId,
      view: 'incident',
      reason: headerOf(context, ACCESS_REASON_HEADER),
    });
  }
}
