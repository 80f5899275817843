import type { ResolvedIncidentReport } from '@bluehelm/contracts';

/**
 * Record a validated report. The ids and the hash are computed before the decider runs, so that
 * the decider stays pure and a retried command carries exactly the same values.
 */
export interface ReportIncident {
  readonly type: 'ReportIncident';
  readonly data: {
    /** incidentIdForReport(report.reportId). */
    readonly incidentId: string;
    /** caseIdForIncident(incidentId) for a malicious act; null otherwise. */
    readonly caseId: string | null;
    /** SHA-256 (hex) of the canonical JSON of `report`: what makes a repeat "the same report". */
    readonly reportHash: string;
    readonly report: ResolvedIncidentReport;
  };
}

/** Record that the data key of an incident without a case was destroyed (the keys go first). */
export interface RecordPersonalDataErasure {
  readonly type: 'RecordPersonalDataErasure';
  readonly data: { readonly incidentId: string; readonly on: string; readonly reason: string; readonly keysDestroyed: number };
}

export type IncidentCommand = ReportIncident | RecordPersonalDataErasure;
