import type Database from 'better-sqlite3';
import { StreamDeletedError, StreamNotFoundError } from '../../errors.js';
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
import { followLog, type LogFollower } from '../../semantics/catch-up-subscription.js';
import { assertExpectedRevision } from '../../semantics/expected-revision.check.js';
import { assertDistinctEventIds, resolveReappend } from '../../semantics/idempotent-append.js';
import {
  actualRevisionOf,
  firstReadableRevision,
  oldestReadableCreatedAt,
  type StreamHead,
} from '../../semantics/stream-visibility.js';
import { SqliteAppendSignal } from './sqlite-append-signal.js';
import { SqliteCheckpointStore } from './sqlite-checkpoint-store.js';
import { toJsonText } from './sqlite-event-row.js';
import { SqliteLogReader } from './sqlite-log-reader.js';
import { scavengeHiddenEvents } from './sqlite-scavenge.js';
import { openEventStoreDatabase } from './sqlite-schema.js';
import { SqliteGroupCommit } from './sqlite-group-commit.js';
import { SqliteStreamStatements } from './sqlite-stream-statements.js';

/** How often a live subscription looks for events that other processes appended to the file. */
const SUBSCRIPTION_POLL_MS = 25;

/**
 * The embedded event store: one SQLite file in WAL mode that several processes may share.
 * Every write is inside a `BEGIN IMMEDIATE` transaction (appends of one turn of the event loop
 * share one, see SqliteGroupCommit), so writers are serialised by the file lock,
 * global positions follow commit order, and the expected-revision check cannot race.
 */
export class SqliteEventStore implements EventStore {
  readonly checkpoints: CheckpointStore;
  private readonly streams: SqliteStreamStatements;
  private readonly log: SqliteLogReader;
  private readonly appendSignal = new SqliteAppendSignal(SUBSCRIPTION_POLL_MS);
  private readonly subscriptions = new Set<EventSubscription>();
  private readonly appends: SqliteGroupCommit<AppendResult>;
  /** One read transaction: the head, the metadata and the events come from the same snapshot. */
  private readonly readSnapshot: Database.Transaction<(streamName: string, options: ReadStreamOptions) => RecordedEvent[]>;
  private closed = false;

  /** Opens the file, creating it, its folders and its schema if missing. */
  static async open(path: string): Promise<SqliteEventStore> {
    return new SqliteEventStore(openEventStoreDatabase(path));
  }

  private constructor(private readonly db: Database.Database) {
    this.streams = new SqliteStreamStatements(db);
    this.log = new SqliteLogReader(db);
    this.checkpoints = new SqliteCheckpointStore(db);
    this.appends = new SqliteGroupCommit(db);
    // Made once: better-sqlite3 builds four wrapper functions for every transaction function.
    this.readSnapshot = db.transaction((streamName: string, options: ReadStreamOptions) => this.readStreamSnapshot(streamName, options));
  }

  async appendToStream(
    streamName: string,
    events: readonly EventToAppend[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const expected = options.expectedRevision ?? 'any';
    const result = await this.appends.submit(() => this.append(streamName, events, expected));
    if (events.length > 0) this.appendSignal.notifyAppended();
    return result;
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return this.readSnapshot.deferred(streamName, options);
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    return this.log.readAll(options);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): EventSubscription {
    const followed = followLog(this.follower(), options.fromPosition, options.filter);
    const subscription: EventSubscription = {
      [Symbol.asyncIterator]: () => followed[Symbol.asyncIterator](),
      close: async () => {
        this.subscriptions.delete(subscription);
        await followed.close();
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async getStreamMetadata(streamName: string): Promise<StreamMetadataResult | undefined> {
    return this.streams.metadata(streamName);
  }

  async setStreamMetadata(
    streamName: string,
    metadata: StreamMetadata,
    options: { readonly expectedMetadataRevision?: ExpectedRevision } = {},
  ): Promise<{ readonly metadataRevision: number }> {
    return this.db
      .transaction(() => {
        if (this.streams.head(streamName).tombstoned) throw new StreamDeletedError(streamName);
        const current = this.streams.metadata(streamName)?.metadataRevision ?? 'no-stream';
        assertExpectedRevision(`$$${streamName}`, options.expectedMetadataRevision ?? 'any', current);
        const metadataRevision = current === 'no-stream' ? 0 : current + 1;
        this.streams.saveMetadata(streamName, { metadata, metadataRevision });
        return { metadataRevision };
      })
      .immediate();
  }

  async deleteStream(streamName: string, options: DeleteOptions = {}): Promise<void> {
    this.changeHead(streamName, options, (head) => ({ ...head, deletedBefore: head.lastRevision + 1 }));
  }

  async tombstoneStream(streamName: string, options: DeleteOptions = {}): Promise<void> {
    this.changeHead(streamName, options, (head) => ({ ...head, tombstoned: true }));
  }

  /**
   * Physically removes events that no stream read can give any more (soft-deleted, truncated,
   * beyond maxCount or maxAge, tombstoned). Until then they stay in the file and in `readAll`,
   * as in EventStoreDB. A scavenged event id no longer makes a re-append an idempotent no-op.
   */
  async scavenge(now: Date = new Date()): Promise<{ readonly removedEvents: number }> {
    return { removedEvents: scavengeHiddenEvents(this.db, now) };
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  /** Ends every open subscription, then closes the file. Appends are synchronous: none is in flight. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.appends.flushPending();
    this.db.close();
  }

  /** Runs inside an IMMEDIATE transaction: nothing can change the stream between check and write. */
  private append(streamName: string, events: readonly EventToAppend[], expected: ExpectedRevision): AppendResult {
    const head = this.streams.head(streamName);
    if (head.tombstoned) throw new StreamDeletedError(streamName);
    const actual = actualRevisionOf(head);
    const ids = events.map((event) => event.id);
    assertDistinctEventIds(streamName, ids);
    const retry = resolveReappend(streamName, ids, this.streams.storedRefs(ids), expected, actual);
    if (retry) return retry;
    assertExpectedRevision(streamName, expected, actual);
    if (events.length === 0) {
      return { nextExpectedRevision: head.lastRevision, position: this.log.headPosition() };
    }
    const createdAt = new Date().toISOString();
    let revision = head.lastRevision;
    let position = -1;
    for (const event of events) {
      revision += 1;
      position = this.streams.insertEvent({
        streamName,
        revision,
        id: event.id,
        type: event.type,
        data: toJsonText(event.data),
        metadata: toJsonText(event.metadata ?? {}),
        createdAt,
      });
    }
    this.streams.saveHead(streamName, { ...head, lastRevision: revision });
    return { nextExpectedRevision: revision, position };
  }

  private readStreamSnapshot(streamName: string, options: ReadStreamOptions): RecordedEvent[] {
    const head = this.streams.head(streamName);
    if (head.tombstoned) throw new StreamDeletedError(streamName);
    if (actualRevisionOf(head) === 'no-stream') throw new StreamNotFoundError(streamName);
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? 'end' : 'start');
    // As EventStoreDB: forwards from the end, or backwards from the start, gives nothing.
    if (from === (backwards ? 'start' : 'end')) return [];
    const metadata = this.streams.metadata(streamName)?.metadata;
    const floor = firstReadableRevision(head, metadata);
    const given = typeof from === 'number' ? from : undefined;
    return this.streams.events(
      streamName,
      {
        fromRevision: backwards ? floor : Math.max(floor, given ?? 0),
        toRevision: backwards ? (given ?? head.lastRevision) : head.lastRevision,
        notBefore: oldestReadableCreatedAt(metadata, new Date()) ?? '',
        limit: options.maxCount ?? -1,
      },
      backwards,
    );
  }

  private changeHead(streamName: string, options: DeleteOptions, change: (head: StreamHead) => StreamHead): void {
    this.db
      .transaction(() => {
        const head = this.streams.head(streamName);
        if (head.tombstoned) throw new StreamDeletedError(streamName);
        assertExpectedRevision(streamName, options.expectedRevision ?? 'any', actualRevisionOf(head));
        this.streams.saveHead(streamName, change(head));
      })
      .immediate();
  }

  /**
   * One per subscription. With a filter, most of the log may not match: `scannedThrough`
   * remembers how far the last page looked, so an idle subscription asks only for what is new
   * instead of rescanning from its last matching event on every poll. That is safe here because
   * SQLite assigns positions under the write lock, in commit order.
   */
  private follower(): LogFollower {
    let scannedThrough = -1;
    return {
      readPage: async (after, limit, filter) => {
        const head = this.log.headPosition();
        const page = this.log.page(Math.max(after, scannedThrough) + 1, 'forwards', limit, filter);
        const lastScanned = page.lastScanned ?? scannedThrough;
        scannedThrough = page.scanned < limit ? Math.max(head, lastScanned) : lastScanned;
        return page.events;
      },
      headPosition: async () => this.log.headPosition(),
      waitForAppend: async (abort, knownHead) => {
        if (this.log.headPosition() > knownHead) return;
        await this.appendSignal.wait(abort);
      },
    };
  }
}
