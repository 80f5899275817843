import { Pool, type PoolClient } from 'pg';
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
import { assertExpectedRevision } from '../../semantics/expected-revision.check.js';
import {
  actualRevisionOf,
  firstReadableRevision,
  oldestReadableCreatedAt,
  type StreamHead,
} from '../../semantics/stream-visibility.js';
import { PostgresAppendNotifier } from './postgres-append-notifier.js';
import { PostgresCheckpointStore } from './postgres-checkpoint-store.js';
import {
  type PostgresEventStoreOptions,
  type PostgresSchemaNames,
  postgresConnectionSettings,
} from './postgres-connection.options.js';
import { EVENT_COLUMNS, type EventRow, eventStoreTypeParsers, recordedEventOf } from './postgres-event-row.js';
import { PostgresLogReader } from './postgres-log-reader.js';
import { subscribeToPostgresLog } from './postgres-log-subscription.js';
import { migratePostgresSchema } from './postgres-schema.migration.js';
import { scavengeHiddenEvents } from './postgres-scavenger.js';
import { PostgresStreamAppender } from './postgres-stream-appender.js';
import { inTransaction } from './postgres-transaction.js';

export type { PostgresEventStoreOptions } from './postgres-connection.options.js';

interface StreamRow {
  readonly last_revision: number;
  readonly deleted_before: number;
  readonly tombstoned: boolean;
  readonly metadata: StreamMetadata | null;
  readonly metadata_revision: number | null;
  readonly db_now: Date;
}

/**
 * The event log in PostgreSQL, safe under concurrent writers in any number of processes:
 * the database serialises what must be serial (see the append function in
 * postgres-schema.migration.ts) and refuses any change to a stored event.
 */
export class PostgresEventStore implements EventStore {
  readonly checkpoints: CheckpointStore;
  private readonly reader: PostgresLogReader;
  private readonly appender: PostgresStreamAppender;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly subscriptions = new Set<EventSubscription>();
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly pool: Pool,
    private readonly names: PostgresSchemaNames,
    private readonly notifier: PostgresAppendNotifier,
    readPageSize: number,
  ) {
    this.checkpoints = new PostgresCheckpointStore(pool, names);
    this.reader = new PostgresLogReader(pool, names, readPageSize);
    this.appender = new PostgresStreamAppender(pool, names);
  }

  /** Connects and brings the schema up to date (`?schema=` in the URL or `options.schema`). */
  static async connect(url: string, options: PostgresEventStoreOptions = {}): Promise<PostgresEventStore> {
    const settings = postgresConnectionSettings(url, options);
    const connection = { connectionString: settings.connectionString, types: eventStoreTypeParsers() };
    const pool = new Pool({ ...connection, max: settings.poolSize, application_name: 'bluehelm-event-store' });
    // An idle connection the server drops is removed by the pool; without a listener it would crash the process.
    pool.on('error', () => undefined);
    try {
      await migratePostgresSchema(pool, settings.names);
    } catch (error) {
      await pool.end();
      throw error;
    }
    const notifier = new PostgresAppendNotifier(
      { ...connection, application_name: 'bluehelm-event-store-listener' },
      settings.names.appendChannel,
      settings.pollIntervalMs,
    );
    return new PostgresEventStore(pool, settings.names, notifier, settings.readPageSize);
  }

  appendToStream(
    streamName: string,
    events: readonly EventToAppend[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    return this.tracked(this.appender.append(streamName, events, options.expectedRevision ?? 'any'));
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { names } = this;
    const found = await this.pool.query<StreamRow>({
      name: 'stream-for-read',
      text: `SELECT s.last_revision, s.deleted_before, s.tombstoned, m.metadata, m.metadata_revision, now() AS db_now
               FROM ${names.streams} s LEFT JOIN ${names.streamMetadata} m USING (stream_name)
              WHERE s.stream_name = $1`,
      values: [streamName],
    });
    const stream = found.rows[0];
    if (stream?.tombstoned) throw new StreamDeletedError(streamName);
    if (!stream || actualRevisionOf(headOf(stream)) === 'no-stream') throw new StreamNotFoundError(streamName);

    const metadata = stream.metadata ?? undefined;
    const floor = firstReadableRevision(headOf(stream), metadata);
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision;
    if ((backwards && from === 'start') || (!backwards && from === 'end')) return [];
    const lowest = !backwards && typeof from === 'number' ? Math.max(floor, from) : floor;
    const highest = backwards && typeof from === 'number' ? from : stream.last_revision;
    const result = await this.pool.query<EventRow>({
      name: backwards ? 'stream-events-backwards' : 'stream-events-forwards',
      text: `SELECT ${EVENT_COLUMNS} FROM ${names.events}
              WHERE stream_name = $1 AND revision BETWEEN $2 AND $3
                AND ($4::timestamptz IS NULL OR created_at >= $4::timestamptz)
              ORDER BY revision ${backwards ? 'DESC' : 'ASC'} LIMIT $5`,
      values: [
        streamName,
        lowest,
        highest,
        oldestReadableCreatedAt(metadata, stream.db_now) ?? null,
        options.maxCount ?? null,
      ],
    });
    return result.rows.map(recordedEventOf);
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    return this.reader.readAll(options);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): EventSubscription {
    const subscription = subscribeToPostgresLog(this.reader, this.notifier, options, (ended) =>
      this.subscriptions.delete(ended),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async getStreamMetadata(streamName: string): Promise<StreamMetadataResult | undefined> {
    const result = await this.pool.query<{ metadata: StreamMetadata; metadata_revision: number }>(
      `SELECT metadata, metadata_revision FROM ${this.names.streamMetadata} WHERE stream_name = $1`,
      [streamName],
    );
    const row = result.rows[0];
    return row && { metadata: row.metadata, metadataRevision: row.metadata_revision };
  }

  setStreamMetadata(
    streamName: string,
    metadata: StreamMetadata,
    options: { readonly expectedMetadataRevision?: ExpectedRevision } = {},
  ): Promise<{ readonly metadataRevision: number }> {
    return this.tracked(
      inTransaction(this.pool, async (client) => {
        const stream = await this.lockStream(client, streamName);
        if (stream.tombstoned) throw new StreamDeletedError(streamName);
        const current = stream.metadata_revision ?? 'no-stream';
        assertExpectedRevision(`$$${streamName}`, options.expectedMetadataRevision ?? 'any', current);
        const metadataRevision = current === 'no-stream' ? 0 : current + 1;
        await client.query(
          `INSERT INTO ${this.names.streamMetadata} (stream_name, metadata, metadata_revision) VALUES ($1, $2, $3)
           ON CONFLICT (stream_name) DO UPDATE SET metadata = EXCLUDED.metadata, metadata_revision = EXCLUDED.metadata_revision`,
          [streamName, JSON.stringify(metadata), metadataRevision],
        );
        return { metadataRevision };
      }),
    );
  }

  deleteStream(streamName: string, options: DeleteOptions = {}): Promise<void> {
    return this.changeStreamHead(streamName, options, 'deleted_before = last_revision + 1');
  }

  tombstoneStream(streamName: string, options: DeleteOptions = {}): Promise<void> {
    return this.changeStreamHead(streamName, options, 'tombstoned = true');
  }

  /**
   * Physically removes the events that stream reads no longer give (soft-deleted, tombstoned,
   * truncated, beyond maxCount or maxAge); the only way an event ever leaves the table.
   */
  async scavenge(): Promise<{ readonly removedEvents: number }> {
    return { removedEvents: await this.tracked(scavengeHiddenEvents(this.pool, this.names)) };
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.allSettled([...this.subscriptions].map((subscription) => subscription.close()));
      await Promise.allSettled([...this.inFlight]);
      await this.notifier.close();
      await this.pool.end();
    })();
    return this.closing;
  }

  private async changeStreamHead(streamName: string, options: DeleteOptions, assignment: string): Promise<void> {
    await this.tracked(
      inTransaction(this.pool, async (client) => {
        const stream = await this.lockStream(client, streamName);
        if (stream.tombstoned) throw new StreamDeletedError(streamName);
        assertExpectedRevision(streamName, options.expectedRevision ?? 'any', actualRevisionOf(headOf(stream)));
        await client.query(`UPDATE ${this.names.streams} SET ${assignment} WHERE stream_name = $1`, [streamName]);
      }),
    );
  }

  /** The stream's row, created if missing, locked until the transaction ends. */
  private async lockStream(client: PoolClient, streamName: string): Promise<StreamRow> {
    const { streams, streamMetadata } = this.names;
    await client.query(`INSERT INTO ${streams} (stream_name) VALUES ($1) ON CONFLICT DO NOTHING`, [streamName]);
    const result = await client.query<StreamRow>(
      `SELECT s.last_revision, s.deleted_before, s.tombstoned, m.metadata, m.metadata_revision, now() AS db_now
         FROM ${streams} s LEFT JOIN ${streamMetadata} m USING (stream_name)
        WHERE s.stream_name = $1
          FOR UPDATE OF s`,
      [streamName],
    );
    return result.rows[0] as StreamRow;
  }

  private tracked<T>(operation: Promise<T>): Promise<T> {
    this.inFlight.add(operation);
    const forget = () => this.inFlight.delete(operation);
    operation.then(forget, forget);
    return operation;
  }
}

function headOf(row: StreamRow): StreamHead {
  return { lastRevision: row.last_revision, deletedBefore: row.deleted_before, tombstoned: row.tombstoned };
}
