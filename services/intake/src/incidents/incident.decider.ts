import type { Decider } from '@bluehelm/event-sourcing';
import type { IncidentCommand, ReportIncident } from './incident.commands.js';
import { ReportIdReusedError } from './incident.errors.js';
import { INCIDENT_REPORTED, type IncidentEvent } from './incident.events.js';
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

export const incidentDecider: Decider<IncidentCommand, IncidentEvent, IncidentState> = {
  initialState: initialIncidentState,
  evolve: evolveIncident,
  decide(command, state) {
    switch (command.type) {
      case 'ReportIncident':
        return reportIncident(command, state);
      default: {
        const unknown: never = command.type;
        throw new Error(`unknown incident command ${String(unknown)}`);
      }
    }
  },
};
