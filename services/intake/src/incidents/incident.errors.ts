import { DomainError } from '@bluehelm/event-sourcing';

/** The reportId was already accepted with another body: the sender reused its idempotency key. */
export class ReportIdReusedError extends DomainError {
  readonly code = 'report-id-reused';

  constructor(
    readonly reportId: string,
    readonly incidentId: string,
  ) {
    super(`reportId "${reportId}" was already used for a different report (incident ${incidentId})`);
  }
}

/** There is no report in the stream: nothing to erase. */
export class IncidentNotReportedError extends DomainError {
  readonly code = 'incident-not-reported';

  constructor(readonly incidentId: string) {
    super(`there is no incident ${incidentId}`);
  }
}

/** The incident's names are sealed under its case's key: they are erased with the case. */
export class IncidentHasCaseError extends DomainError {
  readonly code = 'incident-has-case';

  constructor(
    readonly incidentId: string,
    readonly caseId: string,
  ) {
    super(`incident ${incidentId} belongs to case ${caseId}: erase its personal data with POST /v1/cases/${caseId}/erase-personal-data`);
  }
}
