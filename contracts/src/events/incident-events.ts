import type { ResolvedIncidentReport } from '../requests/resolved-incident-report.js';

/*
 * Events of the `incident-<uuid>` streams, written by intake. A stored event's meaning never
 * changes: a new field is optional, a new meaning is a new type, and schemaVersion says which
 * shape of `data` an event carries so that readers can upcast older ones.
 *
 * The incident stream holds the report as accepted and, for an incident without a case, the
 * erasure of its personal data. Everything else that happens to an incident (a case opened for it,
 * another case linking it, the erasure of a case's names) is a fact of the case and lives in the
 * case's stream, owned by case-tracking.
 */

/** The stream category of incidents: streams `incident-<uuid>`, subjects `bluehelm.events.incident.*`. */
export const INCIDENT_STREAM_CATEGORY = 'incident';

export const INCIDENT_REPORTED = 'IncidentReported';
export const INCIDENT_REPORTED_SCHEMA_VERSION = 1;

/** Data of IncidentReported: the resolved report (host state filled in) with its ids. */
export interface IncidentReportedData extends ResolvedIncidentReport {
  /** incidentIdForReport(reportId): a UUID v5, so the same report always names the same incident. */
  readonly incidentId: string;
  /**
   * SHA-256 (hex) of the canonical JSON (RFC 8785) of the resolved report, defaults filled in: a
   * repeat with the same reportId is accepted again only when its hash is the same.
   */
  readonly reportHash: string;
  /** caseIdForIncident(incidentId) for a malicious act; null for other categories. */
  readonly caseId: string | null;
}

export interface IncidentReported {
  readonly type: typeof INCIDENT_REPORTED;
  readonly data: IncidentReportedData;
}

export const INCIDENT_PERSONAL_DATA_ERASED = 'IncidentPersonalDataErased';

/**
 * The data key of an incident without a case was destroyed: the names in its report can no longer
 * be read by anyone. (An incident with a case is erased with its case: PersonalDataErased.)
 */
export interface IncidentPersonalDataErasedData {
  readonly on: string;
  readonly reason: string;
  readonly keysDestroyed: number;
}

export interface IncidentPersonalDataErased {
  readonly type: typeof INCIDENT_PERSONAL_DATA_ERASED;
  readonly data: IncidentPersonalDataErasedData;
}

export type IncidentEvent = IncidentReported | IncidentPersonalDataErased;
export type IncidentEventType = IncidentEvent['type'];

export const INCIDENT_EVENT_TYPES: readonly IncidentEventType[] = [INCIDENT_REPORTED, INCIDENT_PERSONAL_DATA_ERASED];

/** The schemaVersion written in the metadata of new events of each type. */
export const INCIDENT_EVENT_SCHEMA_VERSIONS: { readonly [T in IncidentEventType]: number } = {
  IncidentReported: INCIDENT_REPORTED_SCHEMA_VERSION,
  IncidentPersonalDataErased: 1,
};

/** What `bluehelm.intake.incidents.get` answers: the report as accepted, and when it was recorded. */
export interface IncidentView extends IncidentReportedData {
  readonly recordedAt: string;
  /** When and why the names of an incident without a case were erased; null when they were not. */
  readonly personalDataErasure: { readonly on: string; readonly reason: string } | null;
}
