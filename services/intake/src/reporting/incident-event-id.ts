import { nameBasedUuids } from '@bluehelm/contracts';
import { INCIDENT_REPORTED } from '../incidents/incident.events.js';

/** The namespace of intake's event ids. Fixed forever, like the ids derived from it. */
const intakeEventIdOf = nameBasedUuids('f69a6d04-7e36-431f-84df-d5b9b6fe875c');

/**
 * The id of an incident's IncidentReported event, derived rather than random. An append retried
 * with the same report then carries the same id, which the store takes as an idempotent no-op.
 * The report's hash is part of the name so that a different report racing for the same reportId
 * gets another id: its append then fails on the stream's revision instead of passing as a retry,
 * and the re-decision refuses it.
 */
export function incidentReportedEventId(incidentId: string, reportHash: string): string {
  return intakeEventIdOf(`${incidentId.toLowerCase()}:${INCIDENT_REPORTED}:${reportHash}`);
}
