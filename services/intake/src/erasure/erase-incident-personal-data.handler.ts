import { randomUUID } from 'node:crypto';
import {
  ErasePersonalDataRequest,
  INCIDENT_EVENT_SCHEMA_VERSIONS,
  INTAKE_SUBJECTS,
  isUuid,
  problemOf,
  ruleViolationProblem,
  validateRequest,
  type EraseIncidentPersonalDataMessage,
  type EraseIncidentPersonalDataReply,
  type Problem,
} from '@bluehelm/contracts';
import { aggregateStream, DomainError, handleCommand } from '@bluehelm/event-sourcing';
import type { EventStore } from '@bluehelm/event-store';
import type { KeyVault } from '@bluehelm/personal-data';
import { AllowedRoles, callerOf, EVENT_STORE, InFlightWork, KEY_VAULT } from '@bluehelm/service-kit';
import { Controller, Inject, Logger } from '@nestjs/common';
import { Ctx, MessagePattern, Payload, type NatsContext } from '@nestjs/microservices';
import { incidentDecider } from '../incidents/incident.decider.js';
import { IncidentNotReportedError } from '../incidents/incident.errors.js';
import { incidentStream } from '../incidents/incident.stream.js';
import type { CodedProblem } from '../reporting/report-problems.js';

/**
 * `POST /v1/incidents/:id/erase-personal-data` (admin): for an incident without a case (an
 * accident, an illness...), destroys its data key, then records IncidentPersonalDataErased. An
 * incident with a case keeps its names under the case's key and is erased with the case (409).
 */
@Controller()
export class EraseIncidentPersonalDataHandler {
  private readonly logger = new Logger(EraseIncidentPersonalDataHandler.name);

  constructor(
    @Inject(KEY_VAULT) private readonly vault: KeyVault,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly inFlight: InFlightWork,
  ) {}

  @MessagePattern(INTAKE_SUBJECTS.erasePersonalData)
  @AllowedRoles('admin')
  async erase(@Payload() message: EraseIncidentPersonalDataMessage, @Ctx() context: NatsContext): Promise<EraseIncidentPersonalDataReply | Problem | CodedProblem> {
    const incidentId = typeof message?.incidentId === 'string' && isUuid(message.incidentId) ? message.incidentId.toLowerCase() : undefined;
    if (incidentId === undefined) return problemOf('not-found', `There is no incident ${String(message?.incidentId)}.`);
    const body = validateRequest(ErasePersonalDataRequest, message.body);
    if (!body.ok) return body.problem;
    const actor = callerOf(context).sub;
    try {
      return await this.inFlight.run(() => this.eraseIncident(incidentId, body.value.reason, actor, message.correlationId));
    } catch (error) {
      if (error instanceof IncidentNotReportedError) return problemOf('not-found', `There is no incident ${incidentId}.`);
      if (error instanceof DomainError) return ruleViolationProblem(error.message, error.code);
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      return problemOf('internal', 'The erasure could not be completed; send it again.');
    }
  }

  private async eraseIncident(
    incidentId: string,
    reason: string,
    actor: string,
    correlationId: string | undefined,
  ): Promise<EraseIncidentPersonalDataReply> {
    const now = new Date();
    const streamName = incidentStream(incidentId);
    const command = (keysDestroyed: number) =>
      ({ type: 'RecordPersonalDataErasure', data: { incidentId, on: now.toISOString().slice(0, 10), reason, keysDestroyed } }) as const;
    // The rules first (a reported incident, without a case), before anything is destroyed.
    const { state } = await aggregateStream(this.store, streamName, incidentDecider);
    incidentDecider.decide(command(0), state);
    const { keysDestroyed } = await this.vault.erase(incidentId, { reason, erasedBy: actor, erasedAt: now.toISOString() });
    await handleCommand(this.store, {
      streamName,
      decider: incidentDecider,
      command: command(keysDestroyed),
      context: {
        actor,
        correlationId: correlationId ?? randomUUID(),
        now,
        newEventId: randomUUID,
        schemaVersion: INCIDENT_EVENT_SCHEMA_VERSIONS.IncidentPersonalDataErased,
      },
    });
    return { incidentId, keysDestroyed, erasedAt: now.toISOString() };
  }
}
