import { nameBasedUuids } from './name-based-uuid.js';
import { isUuid } from './uuid-text.js';

/**
 * The namespace of case ids. Fixed forever: changing it would give every incident another case id.
 */
export const BLUEHELM_CASE_NAMESPACE = 'fe0e19ea-dcf1-4a12-a5be-4dc5ae416718';

const caseIdOf = nameBasedUuids(BLUEHELM_CASE_NAMESPACE);

export class InvalidIncidentIdError extends Error {
  constructor(readonly incidentId: string) {
    super(`"${incidentId}" is not a UUID, so no case id can be derived from it`);
    this.name = 'InvalidIncidentIdError';
  }
}

/**
 * The id of the case a malicious act opens: the name-based UUID (version 5) of the incident id in
 * the Bluehelm namespace. Intake answers it at once and case-tracking derives the same id when
 * it opens the case; anyone can recompute it. The incident id is lower-cased first, so one UUID
 * written in two cases names one case.
 */
export function caseIdForIncident(incidentId: string): string {
  if (!isUuid(incidentId)) throw new InvalidIncidentIdError(incidentId);
  return caseIdOf(incidentId.toLowerCase());
}
