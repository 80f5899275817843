import { WrongExpectedVersionError } from '../errors.js';
import type { ActualRevision, ExpectedRevision } from '../port/expected-revision.js';

/** Throws WrongExpectedVersionError unless the stream is in the expected state. */
export function assertExpectedRevision(
  streamName: string,
  expected: ExpectedRevision,
  actual: ActualRevision,
): void {
  if (matchesExpectedRevision(expected, actual)) return;
  throw new WrongExpectedVersionError(streamName, expected, actual);
}

export function matchesExpectedRevision(expected: ExpectedRevision, actual: ActualRevision): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no-stream':
      return actual === 'no-stream';
    case 'stream-exists':
      return actual !== 'no-stream';
    default:
      return actual === expected;
  }
}
