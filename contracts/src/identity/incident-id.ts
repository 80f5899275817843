import { nameBasedUuids } from './name-based-uuid.js';

/**
 * The namespace of incident ids. Fixed forever: changing it would give every report another
 * incident id, and a repeated report would then open a second incident.
 */
export const BLUEHELM_INCIDENT_NAMESPACE = 'a5dba825-2173-4400-9aab-736b020f34fe';

const incidentIdOf = nameBasedUuids(BLUEHELM_INCIDENT_NAMESPACE);

export class InvalidReportIdError extends Error {
  constructor(readonly reportId: string) {
    super(`"${reportId}" is not a report id, so no incident id can be derived from it`);
    this.name = 'InvalidReportIdError';
  }
}

/**
 * The id of the incident a report describes: the name-based UUID (version 5) of the sender's
 * reportId in the Bluehelm incident namespace. The same reportId always names the same incident
 * (stream `incident-<id>`), so a repeated report needs no lookup index to be recognised. The
 * reportId is taken exactly as sent: it is the sender's key, and two keys that differ only in
 * case are two reports.
 */
export function incidentIdForReport(reportId: string): string {
  if (reportId.trim() === '') throw new InvalidReportIdError(reportId);
  return incidentIdOf(reportId);
}
