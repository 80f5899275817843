import type { ActualRevision, ExpectedRevision } from './port/expected-revision.js';

/** Base of every failure the event store reports on purpose. */
export abstract class EventStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class WrongExpectedVersionError extends EventStoreError {
  constructor(
    readonly streamName: string,
    readonly expectedRevision: ExpectedRevision,
    readonly actualRevision: ActualRevision,
  ) {
    super(
      `stream ${streamName}: expected revision ${String(expectedRevision)}, actual ${String(actualRevision)}`,
    );
  }
}

export class StreamNotFoundError extends EventStoreError {
  constructor(readonly streamName: string) {
    super(`stream ${streamName} not found`);
  }
}

export class StreamDeletedError extends EventStoreError {
  constructor(readonly streamName: string) {
    super(`stream ${streamName} is deleted (tombstoned)`);
  }
}

/**
 * A re-append whose event ids only partly match what is stored, or an event id already
 * used elsewhere: it is neither a new write nor an idempotent retry.
 */
export class EventIdConflictError extends EventStoreError {
  constructor(
    readonly streamName: string,
    readonly eventIds: readonly string[],
    detail: string,
  ) {
    super(`stream ${streamName}: ${detail}`);
  }
}

/** An adapter that cannot offer a part of the port says so by throwing this, naming the part. */
export class UnsupportedByAdapterError extends EventStoreError {
  constructor(
    readonly adapter: string,
    readonly feature: string,
  ) {
    super(`${adapter} event store does not support ${feature}`);
  }
}
