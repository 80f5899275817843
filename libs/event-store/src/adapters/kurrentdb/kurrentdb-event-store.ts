import {
  BACKWARDS,
  END,
  FORWARDS,
  jsonEvent,
  KurrentDBClient,
  metastreamOf,
  START,
  type ReadAllOptions as KurrentReadAllOptions,
  type ReadPosition,
  type StreamState,
} from '@kurrent/kurrentdb-client';
import { StreamNotFoundError, WrongExpectedVersionError } from '../../errors.js';
import type {
  AppendOptions,
  AppendResult,
  CheckpointStore,
  DeleteOptions,
  EventStore,
  EventSubscription,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeToAllOptions,
} from '../../port/event-store.port.js';
import type { ExpectedRevision } from '../../port/expected-revision.js';
import type { EventToAppend, RecordedEvent } from '../../port/recorded-event.js';
import type { StreamMetadata, StreamMetadataResult } from '../../port/stream-metadata.js';
import { assertExpectedRevision } from '../../semantics/expected-revision.check.js';
import { assertDistinctEventIds } from '../../semantics/idempotent-append.js';
import { KurrentDbCheckpointStore } from './kurrentdb-checkpoint-store.js';
import { isVisibleInLog, toServerFilter } from './kurrentdb-event-filter.mapping.js';
import {
  type FailedOperation,
  isLogPosition,
  toAllStreamStart,
  toAppendStreamState,
  toDeleteStreamState,
  toEventData,
  toKurrentConnectionString,
  toKurrentPosition,
  toPortError,
  toPortEvent,
  toPortPosition,
  toReadRevision,
} from './kurrentdb-mapping.js';
import { fromKurrentStreamMetadata, toKurrentStreamMetadata } from './kurrentdb-stream-metadata.mapping.js';
import { KurrentDbPositionUnavailableError } from './kurrentdb.errors.js';
import { followAllStream } from './kurrentdb-subscription.js';

const READ_ALL_PAGE_SIZE = 500;
/** A `stream-exists` delete is retried this often when appends keep moving the stream on. */
const STREAM_EXISTS_DELETE_ATTEMPTS = 3;

/**
 * The production event store: KurrentDB (EventStoreDB) through its official client, which
 * already has the port's semantics (revisions, expected state, idempotent appends by event id,
 * $all, catch-up subscriptions, metadata, soft and hard delete). What KurrentDB does not offer:
 * event ids unique across streams (an id reused in another stream is simply stored again).
 */
export class KurrentDbEventStore implements EventStore {
  readonly checkpoints: CheckpointStore = new KurrentDbCheckpointStore(this);
  private readonly writesInFlight = new Set<Promise<void>>();
  private readonly openSubscriptions = new Set<EventSubscription>();

  private constructor(private readonly client: KurrentDBClient) {}

  /** The client connects on its first call, so a store can be opened before the server is up. */
  static async connect(url: string): Promise<KurrentDbEventStore> {
    return new KurrentDbEventStore(KurrentDBClient.connectionString(toKurrentConnectionString(url)));
  }

  async appendToStream(
    streamName: string,
    events: readonly EventToAppend[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const expected = options.expectedRevision ?? 'any';
    // KurrentDB would store both copies of an id repeated within one append.
    assertDistinctEventIds(streamName, events.map((event) => event.id));
    if (events.length === 0) return this.checkWithoutWriting(streamName, expected);
    const result = await this.write({ streamName, expectedRevision: expected }, () =>
      this.client.appendToStream(streamName, events.map(toEventData), {
        streamState: toAppendStreamState(expected),
      }),
    );
    const nextExpectedRevision = Number(result.nextExpectedRevision);
    // The server answers the last event's position, and for an idempotent retry the stored one's;
    // some answers carry none, and then the event itself is asked.
    const position = isLogPosition(result.position)
      ? toPortPosition(result.position)
      : await this.positionOf(streamName, nextExpectedRevision);
    return { nextExpectedRevision, position };
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const direction = options.direction ?? 'forwards';
    const fromRevision = toReadRevision(options.fromRevision, direction);
    const events: RecordedEvent[] = [];
    if (fromRevision === undefined) return events;
    try {
      const reading = this.client.readStream(streamName, { direction, fromRevision, maxCount: options.maxCount });
      for await (const resolved of reading) {
        if (resolved.event) events.push(toPortEvent(resolved.event));
      }
    } catch (error) {
      throw toPortError(error, { streamName });
    }
    return events;
  }

  /**
   * Page by page, so that client-side filtering (checkpoint streams, event types when stream
   * prefixes are filtered on the server) never cuts a page short of `maxCount`.
   */
  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const { filter } = options;
    const direction = options.direction ?? 'forwards';
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    if (remaining <= 0) return;
    let from: ReadPosition;
    if (direction === 'forwards') {
      from = toAllStreamStart(options.fromPosition);
    } else if (typeof options.fromPosition === 'number') {
      // Backwards reads of $all exclude their start, the port's include it: fetch that one first.
      if (options.fromPosition < 0) return;
      const first = await this.eventAtPosition(options.fromPosition);
      if (first && isVisibleInLog(first, filter)) {
        yield first;
        if (--remaining <= 0) return;
      }
      from = toKurrentPosition(options.fromPosition);
    } else {
      from = options.fromPosition === 'start' ? START : END;
    }

    const serverFilter = toServerFilter(filter);
    let alreadyGiven: number | undefined;
    for (;;) {
      const page = await this.readAllPage({ direction, fromPosition: from, maxCount: READ_ALL_PAGE_SIZE, filter: serverFilter });
      for (const event of page) {
        if (event.position === alreadyGiven || !isVisibleInLog(event, filter)) continue;
        yield event;
        if (--remaining <= 0) return;
      }
      const last = page.at(-1);
      if (page.length < READ_ALL_PAGE_SIZE || last === undefined) return;
      from = toKurrentPosition(last.position);
      // A forwards read includes its start, which the previous page already gave.
      alreadyGiven = direction === 'forwards' ? last.position : undefined;
    }
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): EventSubscription {
    const source = this.client.subscribeToAll({
      fromPosition: toAllStreamStart(options.fromPosition),
      filter: toServerFilter(options.filter),
    });
    const subscription = followAllStream(source, options.filter, () => this.openSubscriptions.delete(subscription));
    this.openSubscriptions.add(subscription);
    return subscription;
  }

  /**
   * Read from the metastream itself: the client's getStreamMetadata reports a commit position
   * where the metastream's revision belongs.
   */
  async getStreamMetadata(streamName: string): Promise<StreamMetadataResult | undefined> {
    const latest = await this.lastEventOf(metastreamOf(streamName));
    if (!latest) return undefined;
    return { metadata: fromKurrentStreamMetadata(latest.data), metadataRevision: latest.revision };
  }

  /** Writes the `$metadata` event the way the client's setStreamMetadata does, with our own body. */
  async setStreamMetadata(
    streamName: string,
    metadata: StreamMetadata,
    options: { readonly expectedMetadataRevision?: ExpectedRevision } = {},
  ): Promise<{ readonly metadataRevision: number }> {
    const expected = options.expectedMetadataRevision ?? 'any';
    const metastream = metastreamOf(streamName);
    const body = toKurrentStreamMetadata(streamName, metadata);
    const result = await this.write({ streamName: metastream, expectedRevision: expected }, () =>
      this.client.appendToStream(metastream, jsonEvent({ type: '$metadata', data: body }), {
        streamState: toAppendStreamState(expected),
      }),
    );
    return { metadataRevision: Number(result.nextExpectedRevision) };
  }

  async deleteStream(streamName: string, options: DeleteOptions = {}): Promise<void> {
    await this.removeStream(streamName, options.expectedRevision ?? 'any', (expectedRevision) =>
      this.client.deleteStream(streamName, { expectedRevision }),
    );
  }

  async tombstoneStream(streamName: string, options: DeleteOptions = {}): Promise<void> {
    await this.removeStream(streamName, options.expectedRevision ?? 'any', (expectedRevision) =>
      this.client.tombstoneStream(streamName, { expectedRevision }),
    );
  }

  /** Reads the newest event of $all: proves the server answers and this user may read the log. */
  async ping(): Promise<void> {
    const reading = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 });
    try {
      await reading.next();
    } finally {
      await reading.return?.();
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.writesInFlight);
    await Promise.all([...this.openSubscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  /** Runs a write so that close() can wait for it, and gives the port's errors. */
  private async write<T>(operation: FailedOperation, call: () => Promise<T>): Promise<T> {
    const running = call();
    const settled = running.then(
      () => undefined,
      () => undefined,
    );
    this.writesInFlight.add(settled);
    try {
      return await running;
    } catch (error) {
      throw toPortError(error, operation);
    } finally {
      this.writesInFlight.delete(settled);
    }
  }

  /**
   * The client's delete takes no `stream-exists`, so it becomes the revision the stream is at;
   * an append in between fails that revision, and the delete is tried again.
   */
  private async removeStream(
    streamName: string,
    expected: ExpectedRevision,
    remove: (expectedRevision: StreamState) => Promise<unknown>,
  ): Promise<void> {
    if (expected !== 'stream-exists') {
      await this.write({ streamName, expectedRevision: expected }, () => remove(toDeleteStreamState(expected)));
      return;
    }
    for (let attempt = 1; ; attempt++) {
      const last = await this.lastEventOf(streamName);
      if (!last) throw new WrongExpectedVersionError(streamName, 'stream-exists', 'no-stream');
      try {
        await this.write({ streamName, expectedRevision: 'stream-exists' }, () => remove(BigInt(last.revision)));
        return;
      } catch (error) {
        const movedOn = error instanceof WrongExpectedVersionError && error.actualRevision !== 'no-stream';
        if (!movedOn || attempt >= STREAM_EXISTS_DELETE_ATTEMPTS) throw error;
      }
    }
  }

  /** An append of no events writes nothing; KurrentDB's answer to one names no usable revision. */
  private async checkWithoutWriting(streamName: string, expected: ExpectedRevision): Promise<AppendResult> {
    const last = await this.lastEventOf(streamName);
    assertExpectedRevision(streamName, expected, last?.revision ?? 'no-stream');
    return { nextExpectedRevision: last?.revision ?? -1, position: last?.position ?? -1 };
  }

  private async lastEventOf(streamName: string): Promise<RecordedEvent | undefined> {
    try {
      const [last] = await this.readStream(streamName, { direction: 'backwards', maxCount: 1 });
      return last;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
  }

  private async positionOf(streamName: string, revision: number): Promise<number> {
    const [event] = await this.readStream(streamName, { fromRevision: revision, maxCount: 1 });
    if (event?.revision !== revision) throw new KurrentDbPositionUnavailableError(streamName, revision);
    return event.position;
  }

  private async eventAtPosition(position: number): Promise<RecordedEvent | undefined> {
    const [event] = await this.readAllPage({ direction: FORWARDS, fromPosition: toKurrentPosition(position), maxCount: 1 });
    return event?.position === position ? event : undefined;
  }

  private async readAllPage(options: KurrentReadAllOptions): Promise<RecordedEvent[]> {
    const page: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readAll(options)) {
        if (resolved.event) page.push(toPortEvent(resolved.event));
      }
    } catch (error) {
      throw toPortError(error, { streamName: '$all' });
    }
    return page;
  }
}
