import type Database from 'better-sqlite3';
import type { RecordedEvent } from '../../port/recorded-event.js';
import type { StreamMetadataResult } from '../../port/stream-metadata.js';
import type { StoredEventRef } from '../../semantics/idempotent-append.js';
import { NEW_STREAM_HEAD, type StreamHead } from '../../semantics/stream-visibility.js';
import { EVENT_COLUMNS, type EventRow, toRecordedEvent } from './sqlite-event-row.js';

export interface NewEventRow {
  readonly streamName: string;
  readonly revision: number;
  readonly id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly createdAt: string;
}

/** The bounds of a stream read, each inclusive; `notBefore` is an ISO instant ('' for none). */
export interface StreamRange {
  readonly fromRevision: number;
  readonly toRevision: number;
  readonly notBefore: string;
  /** -1 for no limit (SQLite's LIMIT -1). */
  readonly limit: number;
}

interface HeadRow {
  last_revision: number;
  deleted_before: number;
  tombstoned: number;
}

/** The per-stream queries, prepared once per connection and reused. */
export class SqliteStreamStatements {
  private readonly selectHead: Database.Statement<[string], HeadRow>;
  private readonly upsertHead: Database.Statement<[string, number, number, number]>;
  private readonly selectEventRef: Database.Statement<[string], StoredEventRef>;
  private readonly insertEventRow: Database.Statement<[string, number, string, string, string, string, string]>;
  private readonly selectForwards: Database.Statement<[string, number, number, string, number], EventRow>;
  private readonly selectBackwards: Database.Statement<[string, number, number, string, number], EventRow>;
  private readonly selectMetadata: Database.Statement<[string], { metadata: string; metadata_revision: number }>;
  private readonly upsertMetadata: Database.Statement<[string, number, string]>;

  constructor(db: Database.Database) {
    this.selectHead = db.prepare('SELECT last_revision, deleted_before, tombstoned FROM streams WHERE name = ?');
    this.upsertHead = db.prepare(
      `INSERT INTO streams (name, last_revision, deleted_before, tombstoned) VALUES (?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET last_revision = excluded.last_revision,
         deleted_before = excluded.deleted_before, tombstoned = excluded.tombstoned`,
    );
    this.selectEventRef = db.prepare(
      'SELECT id, stream_name AS streamName, revision, position FROM events WHERE id = ?',
    );
    this.insertEventRow = db.prepare(
      `INSERT INTO events (stream_name, revision, id, type, data, metadata, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const selectRange = (order: 'ASC' | 'DESC') =>
      db
        .prepare<[string, number, number, string, number], EventRow>(
          `SELECT ${EVENT_COLUMNS} FROM events
           WHERE stream_name = ? AND revision BETWEEN ? AND ? AND created_at >= ?
           ORDER BY revision ${order} LIMIT ?`,
        )
        .raw(true);
    this.selectForwards = selectRange('ASC');
    this.selectBackwards = selectRange('DESC');
    this.selectMetadata = db.prepare(
      'SELECT metadata, metadata_revision FROM stream_metadata WHERE stream_name = ?',
    );
    this.upsertMetadata = db.prepare(
      `INSERT INTO stream_metadata (stream_name, metadata_revision, metadata) VALUES (?, ?, ?)
       ON CONFLICT (stream_name) DO UPDATE SET metadata_revision = excluded.metadata_revision,
         metadata = excluded.metadata`,
    );
  }

  head(streamName: string): StreamHead {
    const row = this.selectHead.get(streamName);
    if (!row) return NEW_STREAM_HEAD;
    return { lastRevision: row.last_revision, deletedBefore: row.deleted_before, tombstoned: row.tombstoned !== 0 };
  }

  saveHead(streamName: string, head: StreamHead): void {
    this.upsertHead.run(streamName, head.lastRevision, head.deletedBefore, head.tombstoned ? 1 : 0);
  }

  /** The events already stored under any of `ids`, wherever they are. */
  storedRefs(ids: readonly string[]): StoredEventRef[] {
    return ids.flatMap((id) => this.selectEventRef.get(id) ?? []);
  }

  /** Answers the global position SQLite assigned. */
  insertEvent(event: NewEventRow): number {
    const { lastInsertRowid } = this.insertEventRow.run(
      event.streamName,
      event.revision,
      event.id,
      event.type,
      event.data,
      event.metadata,
      event.createdAt,
    );
    return Number(lastInsertRowid);
  }

  events(streamName: string, range: StreamRange, backwards: boolean): RecordedEvent[] {
    const statement = backwards ? this.selectBackwards : this.selectForwards;
    const rows = statement.all(streamName, range.fromRevision, range.toRevision, range.notBefore, range.limit);
    return rows.map(toRecordedEvent);
  }

  metadata(streamName: string): StreamMetadataResult | undefined {
    const row = this.selectMetadata.get(streamName);
    return row && { metadata: JSON.parse(row.metadata), metadataRevision: row.metadata_revision };
  }

  saveMetadata(streamName: string, result: StreamMetadataResult): void {
    this.upsertMetadata.run(streamName, result.metadataRevision, JSON.stringify(result.metadata));
  }
}
