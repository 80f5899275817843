import { EventIdConflictError } from '../errors.js';
import type { ActualRevision, ExpectedRevision } from '../port/expected-revision.js';
import type { AppendResult } from '../port/event-store.port.js';
import { assertExpectedRevision } from './expected-revision.check.js';

/** An event already stored under one of the ids being appended. */
export interface StoredEventRef {
  readonly id: string;
  readonly streamName: string;
  readonly revision: number;
  readonly position: number;
}

/**
 * Decides what an append means when some of its event ids are already stored
 * (EventStoreDB's idempotent writes):
 * - none stored: `undefined`, a plain append (the caller checks the expected revision);
 * - all stored, in this stream, consecutively and in order, where the expectation puts them:
 *   a successful no-op answering the original result;
 * - anything else (a partial overlap, another order, ids used by another stream): EventIdConflictError.
 */
export function resolveReappend(
  streamName: string,
  eventIds: readonly string[],
  stored: readonly StoredEventRef[],
  expected: ExpectedRevision,
  actual: ActualRevision,
): AppendResult | undefined {
  if (stored.length === 0) return undefined;
  const byId = new Map(stored.map((ref) => [ref.id, ref]));
  const refs = eventIds.map((id) => byId.get(id));
  const first = refs[0];
  const isExactRetry =
    first !== undefined &&
    refs.every(
      (ref, index) =>
        ref !== undefined && ref.streamName === streamName && ref.revision === first.revision + index,
    );
  if (!isExactRetry) {
    throw new EventIdConflictError(
      streamName,
      stored.map((ref) => ref.id),
      'some event ids are already stored, but this append is not an exact retry of an earlier one',
    );
  }
  const last = refs[refs.length - 1] as StoredEventRef;
  const revisionBefore = first.revision - 1;
  const expectationHeld =
    expected === 'any' ||
    (expected === 'no-stream' && revisionBefore === -1) ||
    (expected === 'stream-exists' && revisionBefore >= 0) ||
    expected === revisionBefore;
  if (!expectationHeld) assertExpectedRevision(streamName, expected, actual);
  return { nextExpectedRevision: last.revision, position: last.position };
}

/** One append may not carry the same event id twice. */
export function assertDistinctEventIds(streamName: string, eventIds: readonly string[]): void {
  const seen = new Set<string>();
  const repeated = eventIds.filter((id) => seen.size === seen.add(id).size);
  if (repeated.length > 0) {
    throw new EventIdConflictError(streamName, repeated, 'the same event id appears twice in one append');
  }
}
