import type { Problem } from './problems/problem.js';

/** How intake took a report: newly, or as a repeat of one it already holds (same reportId, same body). */
export const REPORT_STATUSES = ['accepted', 'already-accepted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** The answer to an incident report (HTTP 201, or the NATS reply). */
export interface ReportIncidentReply {
  readonly incidentId: string;
  /** The case a malicious act opens (see caseIdForIncident); null for other categories. */
  readonly caseId: string | null;
  readonly status: ReportStatus;
}

/**
 * One report of a batch. `line` counts from 1: the line of an NDJSON body, or the position in a
 * JSON array.
 */
export type IncidentBatchLineResult =
  | {
      readonly line: number;
      readonly reportId?: string;
      readonly status: ReportStatus;
      readonly incidentId: string;
      readonly caseId: string | null;
    }
  | {
      readonly line: number;
      /** Present when the line was readable enough to carry one. */
      readonly reportId?: string;
      readonly status: 'rejected';
      readonly problem: Problem;
    };

/** The answer to `POST /v1/incidents/batch`: one result per report, in input order. */
export interface IncidentBatchReply {
  readonly results: readonly IncidentBatchLineResult[];
}

/** The answer to a case step: the case's revision after the step, for the next `If-Match`. */
export interface CaseStepReply {
  readonly caseId: string;
  readonly revision: number;
}

/** The answer to `POST /v1/cases/:id/erase-personal-data`. */
export interface ErasePersonalDataReply extends CaseStepReply {
  /** Data keys destroyed now (0 when an earlier erasure had left none). */
  readonly keysDestroyed: number;
  readonly erasedAt: string;
}

/** The answer to `POST /v1/incidents/:id/erase-personal-data`. */
export interface EraseIncidentPersonalDataReply {
  readonly incidentId: string;
  /** Data keys destroyed now (0 when an earlier erasure had left none). */
  readonly keysDestroyed: number;
  readonly erasedAt: string;
}

/** The answer to `POST /v1/cases/:id/accused`. */
export interface AddAccusedReply extends CaseStepReply {
  readonly personId: string;
}
