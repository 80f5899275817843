import { INCIDENT_REPORTED, type IncidentEvent } from './incident.events.js';

/** An incident stream before and after its report: the report is its only event. */
export type IncidentState =
  | { readonly status: 'unreported' }
  | {
      readonly status: 'reported';
      readonly incidentId: string;
      readonly caseId: string | null;
      readonly reportId: string;
      readonly reportHash: string;
    };

export function initialIncidentState(): IncidentState {
  return { status: 'unreported' };
}

export function evolveIncident(_state: IncidentState, event: IncidentEvent): IncidentState {
  switch (event.type) {
    case INCIDENT_REPORTED: {
      const { incidentId, caseId, reportId, reportHash } = event.data;
      return { status: 'reported', incidentId, caseId, reportId, reportHash };
    }
    default: {
      const unknown: never = event.type;
      throw new Error(`unknown incident event ${String(unknown)}`);
    }
  }
}
