import type { ExpectedRevision } from './expected-revision.js';
import type { EventToAppend, RecordedEvent } from './recorded-event.js';
import type { StreamMetadata, StreamMetadataResult } from './stream-metadata.js';

export interface AppendOptions {
  /** Defaults to `any`. */
  readonly expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  /** The revision of the last event written: pass it as the next expected revision. */
  readonly nextExpectedRevision: number;
  /** The global position of the last event written. */
  readonly position: number;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  readonly direction?: Direction;
  /** Inclusive. Defaults to `start` forwards and `end` backwards. */
  readonly fromRevision?: number | 'start' | 'end';
  readonly maxCount?: number;
}

/** Select events by stream-name prefix and/or event type; both lists are OR-ed within, AND-ed across. */
export interface EventFilter {
  readonly streamPrefixes?: readonly string[];
  readonly eventTypes?: readonly string[];
}

export interface ReadAllOptions {
  readonly direction?: Direction;
  /** Inclusive. Defaults to `start` forwards and `end` backwards. */
  readonly fromPosition?: number | 'start' | 'end';
  readonly maxCount?: number;
  readonly filter?: EventFilter;
}

export interface SubscribeToAllOptions {
  /**
   * Exclusive: the subscription gives the events after this position (a saved checkpoint).
   * `start` (default) gives the whole history, `end` only live events.
   */
  readonly fromPosition?: number | 'start' | 'end';
  readonly filter?: EventFilter;
}

/**
 * A catch-up subscription: history first, then live events, in position order.
 * Iterate it with `for await`; `close()` ends the iteration.
 */
export interface EventSubscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

/** Where a subscriber keeps the position of the last event it fully handled. */
export interface CheckpointStore {
  load(subscriberName: string): Promise<number | undefined>;
  save(subscriberName: string, position: number): Promise<void>;
}

export interface DeleteOptions {
  readonly expectedRevision?: ExpectedRevision;
}

/**
 * The event log, with EventStoreDB semantics (see ../shared/docs/event-store-contract.md).
 * Errors: WrongExpectedVersionError, StreamNotFoundError, StreamDeletedError, EventIdConflictError.
 */
export interface EventStore {
  appendToStream(
    streamName: string,
    events: readonly EventToAppend[],
    options?: AppendOptions,
  ): Promise<AppendResult>;

  /** Throws StreamNotFoundError when the stream has no readable event. */
  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /** The global log in position order, read page by page. */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;

  subscribeToAll(options?: SubscribeToAllOptions): EventSubscription;

  getStreamMetadata(streamName: string): Promise<StreamMetadataResult | undefined>;
  setStreamMetadata(
    streamName: string,
    metadata: StreamMetadata,
    options?: { readonly expectedMetadataRevision?: ExpectedRevision },
  ): Promise<{ readonly metadataRevision: number }>;

  /** Soft delete: reads give StreamNotFound; a later append continues at the next revision. */
  deleteStream(streamName: string, options?: DeleteOptions): Promise<void>;
  /** Hard delete: every later read or append fails with StreamDeleted. */
  tombstoneStream(streamName: string, options?: DeleteOptions): Promise<void>;

  readonly checkpoints: CheckpointStore;

  /** Resolves when the store can serve requests (used by readiness probes). */
  ping(): Promise<void>;
  /** Waits for in-flight appends, then releases connections. */
  close(): Promise<void>;
}
