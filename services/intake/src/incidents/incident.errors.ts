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
