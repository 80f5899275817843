import type { Decider } from '@bluehelm/event-sourcing';
import type { IncidentCommand, RecordPersonalDataErasure, ReportIncident } from './incident.commands.js';
import { IncidentHasCaseError, IncidentNotReportedError, ReportIdReusedError } from './incident.errors.js';
import { INCIDENT_PERSONAL_DATA_ERASED, INCIDENT_REPORTED, type IncidentEvent } from './incident.events.js';
import { evolveIncident, initialIncidentState, type IncidentState } from './incident.state.js';

/**
 * A report is recorded once. Sending it again (same reportId, same hash) decides nothing, so that
 * a sender who lost the reply can retry safely; the same reportId with another body is refused.
 */
function reportIncident(command: ReportIncident, state: IncidentState): IncidentEvent[] {
  const { incidentId, caseId, reportHash, report } = command.data;
  switch (state.status) {
    case 'unreported':
      return [{ type: INCIDENT_REPORTED, data: { ...report, incidentId, reportHash, caseId } }];
    case 'reported':
      if (state.reportHash === reportHash) return [];
      throw new ReportIdReusedError(report.reportId, state.incidentId);
    default: {
      const unknown: never = state;
      throw new Error(`unknown incident state ${JSON.stringify(unknown)}`);
    }
  }
}

/** Only an incident without a case keeps its names under a key of its own. */
function recordPersonalDataErasure(command: RecordPersonalDataErasure, state: IncidentState): IncidentEvent[] {
  const { incidentId, on, reason, keysDestroyed } = command.data;
  if (state.status !== 'reported') throw new IncidentNotReportedError(incidentId);
  if (state.caseId !== null) throw new IncidentHasCaseError(state.incidentId, state.caseId);
  return [{ type: INCIDENT_PERSONAL_DATA_ERASED, data: { on, reason, keysDestroyed } }];
}

export const incidentDecider: Decider<IncidentCommand, IncidentEvent, IncidentState> = {
  initialState: initialIncidentState,
  evolve: evolveIncident,
  decide(command, state) {
    switch (command.type) {
      case 'ReportIncident':
        return reportIncident(command, state);
      case 'RecordPersonalDataErasure':
        return recordPersonalDataErasure(command, state);
      default: {
        const unknown: never = command;
        throw new Error(`unknown incident command ${JSON.stringify(unknown)}`);
      }
    }
  },
};
