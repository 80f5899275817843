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

/**
 * Reading a stream that does not exist yet is how every new stream starts (each new incident's
 * report reads its stream first), so this is an answer, not a fault: no stack trace is captured
 * for it, which would otherwise cost more than the read.
 */
export class StreamNotFoundError extends EventStoreError {
  readonly streamName: string;

  constructor(streamName: string) {
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(`stream ${streamName} not found`);
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
    this.streamName = streamName;
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
