import { EventEmitter, once } from 'node:events';
import { StreamDeletedError, StreamNotFoundError } from '../../errors.js';
import type {
  AppendOptions,
  AppendResult,
  CheckpointStore,
  DeleteOptions,
  EventFilter,
  EventStore,
  EventSubscription,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeToAllOptions,
} from '../../port/event-store.port.js';
import type { ExpectedRevision } from '../../port/expected-revision.js';
import type { EventToAppend, RecordedEvent } from '../../port/recorded-event.js';
import type { StreamMetadata, StreamMetadataResult } from '../../port/stream-metadata.js';
import { followLog } from '../../semantics/catch-up-subscription.js';
import { matchesFilter } from '../../semantics/event-filter.js';
import { assertExpectedRevision } from '../../semantics/expected-revision.check.js';
import { assertDistinctEventIds, resolveReappend, type StoredEventRef } from '../../semantics/idempotent-append.js';
import {
  actualRevisionOf,
  firstReadableRevision,
  NEW_STREAM_HEAD,
  oldestReadableCreatedAt,
  type StreamHead,
} from '../../semantics/stream-visibility.js';

interface MemoryStream {
  head: StreamHead;
  events: RecordedEvent[];
  metadata?: StreamMetadataResult;
}

/** The event store in process memory: for unit tests only. Events are deep-copied in and out. */
export class MemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, MemoryStream>();
  private readonly eventsById = new Map<string, StoredEventRef>();
  private readonly appended = new EventEmitter().setMaxListeners(0);
  private readonly checkpointPositions = new Map<string, number>();

  readonly checkpoints: CheckpointStore = {
    load: async (name) => this.checkpointPositions.get(name),
    save: async (name, position) => {
      this.checkpointPositions.set(name, position);
    },
  };

  async appendToStream(
    streamName: string,
    events: readonly EventToAppend[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const expected = options.expectedRevision ?? 'any';
    const stream = this.streamFor(streamName);
    if (stream.head.tombstoned) throw new StreamDeletedError(streamName);
    const actual = actualRevisionOf(stream.head);
    assertDistinctEventIds(streamName, events.map((event) => event.id));
    const stored = events.flatMap((event) => this.eventsById.get(event.id) ?? []);
    const retry = resolveReappend(streamName, events.map((event) => event.id), stored, expected, actual);
    if (retry) return retry;
    assertExpectedRevision(streamName, expected, actual);
    if (events.length === 0) {
      return { nextExpectedRevision: stream.head.lastRevision, position: this.log.length - 1 };
    }
    const createdAt = new Date().toISOString();
    for (const event of events) {
      const recorded: RecordedEvent = structuredClone({
        id: event.id,
        type: event.type,
        data: event.data,
        metadata: event.metadata ?? {},
        streamName,
        revision: stream.head.lastRevision + 1,
        position: this.log.length,
        createdAt,
      });
      stream.head = { ...stream.head, lastRevision: recorded.revision };
      stream.events.push(recorded);
      this.log.push(recorded);
      this.eventsById.set(recorded.id, recorded);
    }
    this.appended.emit('append');
    return { nextExpectedRevision: stream.head.lastRevision, position: this.log.length - 1 };
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const stream = this.streams.get(streamName);
    if (stream?.head.tombstoned) throw new StreamDeletedError(streamName);
    if (!stream || actualRevisionOf(stream.head) === 'no-stream') {
      throw new StreamNotFoundError(streamName);
    }
    const floor = firstReadableRevision(stream.head, stream.metadata?.metadata);
    const oldest = oldestReadableCreatedAt(stream.metadata?.metadata, new Date());
    const readable = stream.events.filter(
      (event) => event.revision >= floor && (oldest === undefined || event.createdAt >= oldest),
    );
    const backwards = options.direction === 'backwards';
    if (options.fromRevision === (backwards ? 'start' : 'end')) return [];
    const from = typeof options.fromRevision === 'number' ? options.fromRevision : undefined;
    const selected = backwards
      ? readable.filter((event) => from === undefined || event.revision <= from).reverse()
      : readable.filter((event) => from === undefined || event.revision >= from);
    return structuredClone(selected.slice(0, options.maxCount ?? selected.length));
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    const from = options.fromPosition;
    if (from === (backwards ? 'start' : 'end')) return;
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    const ordered = backwards ? [...this.log].reverse() : [...this.log];
    for (const event of ordered) {
      if (remaining <= 0) return;
      if (typeof from === 'number' && (backwards ? event.position > from : event.position < from)) {
        continue;
      }
      if (!matchesFilter(event, options.filter)) continue;
      remaining -= 1;
      yield structuredClone(event);
    }
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): EventSubscription {
    return followLog(
      {
        readPage: async (after, limit, filter?: EventFilter) =>
          structuredClone(
            this.log.filter((event) => event.position > after && matchesFilter(event, filter)).slice(0, limit),
          ),
        headPosition: async () => this.log.length - 1,
        waitForAppend: async (abort, knownHead) => {
          if (this.log.length - 1 > knownHead) return;
          const controller = new AbortController();
          await Promise.race([
            once(this.appended, 'append', { signal: controller.signal }).catch(() => undefined),
            abort,
          ]);
          controller.abort();
        },
      },
      options.fromPosition,
      options.filter,
    );
  }

  async getStreamMetadata(streamName: string): Promise<StreamMetadataResult | undefined> {
    return structuredClone(this.streams.get(streamName)?.metadata);
  }

  async setStreamMetadata(
    streamName: string,
    metadata: StreamMetadata,
    options: { readonly expectedMetadataRevision?: ExpectedRevision } = {},
  ): Promise<{ readonly metadataRevision: number }> {
    const stream = this.streamFor(streamName);
    if (stream.head.tombstoned) throw new StreamDeletedError(streamName);
    const current = stream.metadata?.metadataRevision ?? 'no-stream';
    assertExpectedRevision(`$$${streamName}`, options.expectedMetadataRevision ?? 'any', current);
    const metadataRevision = current === 'no-stream' ? 0 : current + 1;
    stream.metadata = { metadata: structuredClone(metadata), metadataRevision };
    return { metadataRevision };
  }

  async deleteStream(streamName: string, options: DeleteOptions = {}): Promise<void> {
    const stream = this.existingStream(streamName, options);
    stream.head = { ...stream.head, deletedBefore: stream.head.lastRevision + 1 };
  }

  async tombstoneStream(streamName: string, options: DeleteOptions = {}): Promise<void> {
    const stream = this.streamFor(streamName);
    if (stream.head.tombstoned) throw new StreamDeletedError(streamName);
    assertExpectedRevision(streamName, options.expectedRevision ?? 'any', actualRevisionOf(stream.head));
    stream.head = { ...stream.head, tombstoned: true };
  }

  async ping(): Promise<void> {
    // Always reachable: the store is this process's memory.
  }

  async close(): Promise<void> {
    this.appended.emit('append');
  }

  private existingStream(streamName: string, options: DeleteOptions): MemoryStream {
    const stream = this.streamFor(streamName);
    if (stream.head.tombstoned) throw new StreamDeletedError(streamName);
    assertExpectedRevision(streamName, options.expectedRevision ?? 'any', actualRevisionOf(stream.head));
    return stream;
  }

  private streamFor(streamName: string): MemoryStream {
    let stream = this.streams.get(streamName);
    if (!stream) {
      stream = { head: NEW_STREAM_HEAD, events: [] };
      this.streams.set(streamName, stream);
    }
    return stream;
  }
}
