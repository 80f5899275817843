import {
  ReportIncidentRequest,
  resolveIncidentReport,
  validateJsonRequest,
  type Problem,
  type ReportIncidentReply,
} from '@bluehelm/contracts';
import { handleCommand } from '@bluehelm/event-sourcing';
import type { EventStore } from '@bluehelm/event-store';
import { EVENT_STORE, InFlightWork } from '@bluehelm/service-kit';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ReportIncident } from '../incidents/incident.commands.js';
import { incidentDecider } from '../incidents/incident.decider.js';
import { INCIDENT_REPORTED_SCHEMA_VERSION } from '../incidents/incident.events.js';
import { incidentStream } from '../incidents/incident.stream.js';
import { incidentReportedEventId } from './incident-event-id.js';
import { reportIncidentCommandFor } from './report-incident-command.factory.js';
import {
  MAX_REPORT_BYTES,
  problemForRejection,
  reportNotRecordedProblem,
  reportTooLargeProblem,
} from './report-problems.js';
import { requesterOf, type ReportHeaders, type Requester } from './report-requester.js';

/**
 * The one path of an incident report, whatever transport brought it: size, JSON, fields, then
 * the command. The answer is the reply or a problem, never an exception, and a reply is only
 * given once the event is durably appended.
 */
@Injectable()
export class ReportIncidentHandler {
  private readonly logger = new Logger(ReportIncidentHandler.name);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly inFlight: InFlightWork,
  ) {}

  async handle(body: Uint8Array, headers: ReportHeaders = {}): Promise<ReportIncidentReply | Problem> {
    if (body.byteLength > MAX_REPORT_BYTES) return reportTooLargeProblem(body.byteLength);
    const validated = validateJsonRequest(ReportIncidentRequest, body);
    if (!validated.ok) return validated.problem;
    const requester = requesterOf(headers);
    if (!requester.ok) return requester.problem;
    const command = reportIncidentCommandFor(resolveIncidentReport(validated.value));
    try {
      // Counted as in-flight work so that a shutdown waits for the append instead of cutting it.
      return await this.inFlight.run(() => this.record(command, requester.value));
    } catch (error) {
      const rejection = problemForRejection(error);
      if (rejection) return rejection;
      this.logger.error(`report for incident ${command.data.incidentId} not recorded: ${messageOf(error)}`);
      return reportNotRecordedProblem();
    }
  }

  private async record(command: ReportIncident, requester: Requester): Promise<ReportIncidentReply> {
    const { incidentId, reportHash, report } = command.data;
    const result = await handleCommand(this.store, {
      streamName: incidentStream(incidentId),
      decider: incidentDecider,
      command,
      context: {
        actor: requester.actor,
        correlationId: requester.correlationId,
        occurredAt: report.occurredOn,
        now: new Date(),
        newEventId: () => incidentReportedEventId(incidentId, reportHash),
        schemaVersion: INCIDENT_REPORTED_SCHEMA_VERSION,
      },
    });
    if (result.state.status !== 'reported') throw new Error(`incident ${incidentId} is still unreported after its report`);
    return {
      incidentId: result.state.incidentId,
      caseId: result.state.caseId,
      status: result.newEvents.length > 0 ? 'accepted' : 'already-accepted',
    };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
