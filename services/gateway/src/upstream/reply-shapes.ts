import {
  REPORT_STATUSES,
  type AddAccusedReply,
  type CaseStepReply,
  type EraseIncidentPersonalDataReply,
  type ErasePersonalDataReply,
  type ReportIncidentReply,
} from '@bluehelm/contracts';

/*
 * Checks of the success replies the gateway reads fields of (a status to pick the HTTP status,
 * a revision for the ETag). A reply that fails its check is a broken answer (502), not passed on.
 */

export type ReplyCheck<R> = (reply: unknown) => reply is R;

export function isJsonObject(reply: unknown): reply is Record<string, unknown> {
  return typeof reply === 'object' && reply !== null && !Array.isArray(reply);
}

export function isRevision(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

export function isReportIncidentReply(reply: unknown): reply is ReportIncidentReply {
  return (
    isJsonObject(reply) &&
    typeof reply['incidentId'] === 'string' &&
    (reply['caseId'] === null || typeof reply['caseId'] === 'string') &&
    (REPORT_STATUSES as readonly unknown[]).includes(reply['status'])
  );
}

export function isCaseStepReply(reply: unknown): reply is CaseStepReply {
  return isJsonObject(reply) && typeof reply['caseId'] === 'string' && isRevision(reply['revision']);
}

export function isAddAccusedReply(reply: unknown): reply is AddAccusedReply {
  return isCaseStepReply(reply) && typeof (reply as unknown as Record<string, unknown>)['personId'] === 'string';
}

export function isErasePersonalDataReply(reply: unknown): reply is ErasePersonalDataReply {
  return isCaseStepReply(reply) && typeof (reply as unknown as Record<string, unknown>)['keysDestroyed'] === 'number';
}

export function isEraseIncidentPersonalDataReply(reply: unknown): reply is EraseIncidentPersonalDataReply {
  return isJsonObject(reply) && typeof reply['incidentId'] === 'string' && typeof reply['keysDestroyed'] === 'number';
}

/** A case view: any object whose revision can be the ETag. */
export function isRevisionedView(reply: unknown): reply is Record<string, unknown> & { readonly revision: number } {
  return isJsonObject(reply) && isRevision(reply['revision']);
}
