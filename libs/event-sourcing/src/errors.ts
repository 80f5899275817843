import type { ActualRevision, ExpectedRevision } from '@bluehelm/event-store';

/** Base of the failures of the command path itself (as opposed to a domain rule). */
export abstract class EventSourcingError extends Error {
  /** Machine-readable and stable, like DomainError's. */
  abstract readonly code: string;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * Another writer appended to the stream between our read and our append, and retrying did not
 * help (or was not allowed because the caller pinned a revision).
 */
export class ConcurrencyConflictError extends EventSourcingError {
  readonly code = 'concurrency-conflict';

  constructor(
    readonly streamName: string,
    readonly expectedRevision: ExpectedRevision,
    readonly actualRevision: ActualRevision,
    options?: ErrorOptions,
  ) {
    super(
      `stream ${streamName} changed while the command ran: expected revision ${String(expectedRevision)}, actual ${String(actualRevision)}`,
      options,
    );
  }
}

/**
 * The caller decided on an older state than the stream now has (HTTP `If-Match` with an old
 * revision): nothing was decided or written.
 */
export class StaleRevisionError extends EventSourcingError {
  readonly code = 'stale-revision';

  constructor(
    readonly streamName: string,
    readonly expectedRevision: ActualRevision,
    readonly actualRevision: ActualRevision,
  ) {
    super(
      `stream ${streamName} is at revision ${String(actualRevision)}, not ${String(expectedRevision)}`,
    );
  }
}
