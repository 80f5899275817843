import { problemOf, PROBLEM_TYPE_BASE, type Problem } from '@bluehelm/contracts';
import { ConcurrencyConflictError } from '@bluehelm/event-sourcing';
import { ReportIdReusedError } from '../incidents/incident.errors.js';

/** The largest report intake reads: 1 MiB, far above a real report (narrative ≤ 20,000 characters). */
export const MAX_REPORT_BYTES = 1024 * 1024;

/** A problem that names the rule broken, as the agreement between the services asks for 409s. */
export type CodedProblem = Problem & { readonly code: string };

export function reportTooLargeProblem(bytes: number): Problem {
  return {
    type: `${PROBLEM_TYPE_BASE}payload-too-large`,
    title: 'The report is too large',
    status: 413,
    detail: `The report has ${bytes} bytes; at most ${MAX_REPORT_BYTES} are accepted.`,
  };
}

/** The problem for a failure that is the sender's to fix; undefined for anything unexpected. */
export function problemForRejection(error: unknown): CodedProblem | undefined {
  if (error instanceof ReportIdReusedError) {
    return {
      ...problemOf('report-conflict', `${error.message}. Send a new reportId for a new report.`),
      code: error.code,
    };
  }
  if (error instanceof ConcurrencyConflictError) {
    return {
      type: `${PROBLEM_TYPE_BASE}concurrency-conflict`,
      title: 'The incident changed while the report was recorded',
      status: 409,
      detail: 'Another report for the same reportId was recorded at the same moment. Send the report again.',
      code: error.code,
    };
  }
  return undefined;
}

export function reportNotRecordedProblem(): Problem {
  return problemOf('internal', 'The report could not be recorded and was not accepted. Send it again later.');
}
