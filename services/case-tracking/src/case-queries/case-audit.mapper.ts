/** The auditor's views of a case: its stored events as they are, and whether their chain holds. */
import type { CaseChainBreakReason, CaseHistory, CaseVerification } from '@bluehelm/contracts';
import { verifyChain, type ChainBreakReason } from '@bluehelm/event-sourcing';
import type { RecordedEvent } from '@bluehelm/event-store';

// The public reasons must cover every reason the verifier can give.
const publicReason = (reason: ChainBreakReason): CaseChainBreakReason => reason;

export function caseHistoryOf(caseId: string, events: readonly RecordedEvent[]): CaseHistory {
  return {
    caseId,
    events: events.map(({ revision, position, id, type, data, metadata, createdAt }) => ({
      revision,
      position,
      id,
      type,
      data,
      metadata,
      createdAt,
    })),
  };
}

/** Verifies the whole stream, read forwards from revision 0. */
export function caseVerificationOf(caseId: string, events: readonly RecordedEvent[]): CaseVerification {
  const verification = verifyChain(events);
  return verification.intact
    ? { caseId, intact: true, eventCount: verification.eventCount, lastHash: verification.lastHash }
    : { caseId, intact: false, brokenAtRevision: verification.brokenAtRevision, reason: publicReason(verification.reason) };
}
