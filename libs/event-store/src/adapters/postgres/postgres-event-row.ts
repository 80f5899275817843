import { TypeOverrides, types } from 'pg';
import type { EventMetadata, RecordedEvent } from '../../port/recorded-event.js';

/** The columns every event query selects, in the shape of EventRow. */
export const EVENT_COLUMNS = 'position, stream_name, revision, id, type, data, metadata, created_at';

export interface EventRow {
  readonly position: number;
  readonly stream_name: string;
  readonly revision: number;
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  readonly created_at: Date;
}

export function recordedEventOf(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    streamName: row.stream_name,
    revision: row.revision,
    position: row.position,
    createdAt: row.created_at.toISOString(),
  };
}

/**
 * The store's own type parsers, so that positions and revisions (bigint) arrive as numbers
 * without changing the driver's global parsers for the rest of the process. A JavaScript number
 * holds them exactly up to 2^53.
 */
export function eventStoreTypeParsers(): TypeOverrides {
  const overrides = new TypeOverrides();
  overrides.setTypeParser(types.builtins.INT8, (text: string) => Number(text));
  return overrides;
}
