import { INCIDENT_PERSONAL_DATA_ERASED, INCIDENT_REPORTED, type IncidentEvent } from './incident.events.js';

/** An incident stream before and after its report (an erasure of its names changes nothing here). */
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

export function evolveIncident(state: IncidentState, event: IncidentEvent): IncidentState {
  switch (event.type) {
    case INCIDENT_REPORTED: {
      const { incidentId, caseId, reportId, reportHash } = event.data;
      return { status: 'reported', incidentId, caseId, reportId, reportHash };
    }
    case INCIDENT_PERSONAL_DATA_ERASED:
      return state;
    default: {
      const unknown: never = event;
      throw new Error(`unknown incident event ${JSON.stringify(unknown)}`);
    }
  }
}
