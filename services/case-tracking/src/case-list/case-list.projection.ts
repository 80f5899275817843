/**
 * The read model behind `GET /v1/cases`: one entry per case, folded from that case's events.
 * Each entry is evolved on its own, so that an event touches only its case however many cases
 * there are. Events arrive at least once (a subscription reopened from an older position), so
 * an entry remembers the log position of the last event it applied and ignores any event at
 * or before it.
 */
import type { CaseEvent } from '../cases/case.events.js';
import { evolveCase, initialCaseState, type CaseState } from '../cases/case.state.js';

export interface CaseListEntry {
  readonly caseId: string;
  /** The stream revision of the last event applied. */
  readonly revision: number;
  /** The log position of the last event applied. */
  readonly lastPosition: number;
  readonly state: CaseState;
}

/** A case event with its place in the case's stream and in the whole log. */
export interface PositionedCaseEvent {
  readonly caseId: string;
  readonly revision: number;
  readonly position: number;
  readonly event: CaseEvent;
}

export function evolveCaseListEntry(
  entry: CaseListEntry | null,
  { caseId, revision, position, event }: PositionedCaseEvent,
): CaseListEntry {
  if (entry !== null && position <= entry.lastPosition) return entry;
  return {
    caseId,
    revision,
    lastPosition: position,
    state: evolveCase(entry?.state ?? initialCaseState(), event),
  };
}
