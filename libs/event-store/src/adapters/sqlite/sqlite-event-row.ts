import type { RecordedEvent } from '../../port/recorded-event.js';

/** The columns every event query selects, in the order of `EventRow`. */
export const EVENT_COLUMNS = 'position, stream_name, revision, id, type, data, metadata, created_at';

/** An events row as better-sqlite3 gives it in raw mode (an array, cheaper than an object). */
export type EventRow = [
  position: number,
  streamName: string,
  revision: number,
  id: string,
  type: string,
  data: string,
  metadata: string,
  createdAt: string,
];

/** Each JSON column is parsed exactly once, here; the result is a fresh object the caller owns. */
export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row[3],
    type: row[4],
    data: JSON.parse(row[5]),
    metadata: JSON.parse(row[6]),
    streamName: row[1],
    revision: row[2],
    position: row[0],
    createdAt: row[7],
  };
}

/** `undefined` has no JSON text; it is stored (and read back) as null. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}
