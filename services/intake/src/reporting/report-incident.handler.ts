import {
  hasRole,
  INCIDENT_REPORTED,
  isPersonalField,
  ReportIncidentRequest,
  resolveIncidentReport,
  validateJsonRequest,
  type Principal,
  type Problem,
  type ReportIncidentReply,
} from '@bluehelm/contracts';
import { PersonalDataCipher } from '@bluehelm/personal-data';
import { handleCommand } from '@bluehelm/event-sourcing';
import type { EventStore } from '@bluehelm/event-store';
import { CallerAccess, EVENT_STORE, forbiddenProblem, InFlightWork } from '@bluehelm/service-kit';
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
import { correlationIdOf, type ReportHeaders } from './report-headers.js';

/** Who asked for a report to be recorded, as it goes into the event's metadata. */
interface Requester {
  readonly actor: string;
  readonly correlationId: string;
}

/**
 * The one path of an incident report, whatever transport brought it: the caller's token, size,
 * JSON, fields, the caller's missions, then the command with its personal fields sealed. The
 * answer is the reply or a problem, never an exception, and a reply is only given once the event
 * is durably appended.
 */
@Injectable()
export class ReportIncidentHandler {
  private readonly logger = new Logger(ReportIncidentHandler.name);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly inFlight: InFlightWork,
    private readonly access: CallerAccess,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async handle(body: Uint8Array, headers: ReportHeaders = {}): Promise<ReportIncidentReply | Problem> {
    const caller = await this.access.authenticate(headers.authorization);
    if (!caller.ok) return caller.problem;
    if (!hasRole(caller.principal, 'reporter')) return forbiddenProblem('reporting an incident needs the role reporter');
    if (body.byteLength > MAX_REPORT_BYTES) return reportTooLargeProblem(body.byteLength);
    const validated = validateJsonRequest(ReportIncidentRequest, body);
    if (!validated.ok) return validated.problem;
    const outOfScope = missionOutOfScope(caller.principal, validated.value.mission);
    if (outOfScope) return outOfScope;
    const correlationId = correlationIdOf(headers);
    if (!correlationId.ok) return correlationId.problem;
    const requester = { actor: caller.principal.sub, correlationId: correlationId.value };
    const command = reportIncidentCommandFor(resolveIncidentReport(validated.value));
    try {
      // Counted as in-flight work so that a shutdown waits for the append instead of cutting it.
      return await this.inFlight.run(async () => this.record(await this.sealed(command), requester));
    } catch (error) {
      const rejection = problemForRejection(error);
      if (rejection) return rejection;
      this.logger.error(`report for incident ${command.data.incidentId} not recorded: ${messageOf(error)}`);
      return reportNotRecordedProblem();
    }
  }

  /** The command with the report's personal fields sealed under its case's key (the incident's, for no case). */
  private async sealed(command: ReportIncident): Promise<ReportIncident> {
    const scope = command.data.caseId ?? command.data.incidentId;
    const report = await this.cipher.sealFields(command.data.report, scope, (path) => isPersonalField(INCIDENT_REPORTED, path));
    return report === command.data.report ? command : { ...command, data: { ...command.data, report } };
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

function missionOutOfScope(principal: Principal, mission: string): Problem | undefined {
  if (principal.missions.includes(mission)) return undefined;
  return forbiddenProblem(`your token may report for ${principal.missions.join(', ') || 'no mission'}, not ${mission}`);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
