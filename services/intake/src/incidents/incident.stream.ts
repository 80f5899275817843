import { INCIDENT_STREAM_CATEGORY } from './incident.events.js';

/** `incident-<uuid>`: one stream per incident, named by its (lower-case) id. */
export function incidentStream(incidentId: string): string {
  return `${INCIDENT_STREAM_CATEGORY}-${incidentId.toLowerCase()}`;
}
