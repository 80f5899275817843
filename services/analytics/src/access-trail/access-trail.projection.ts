import {
  ACCESS_STREAM_CATEGORY,
  CASE_STREAM_CATEGORY,
  PERSONAL_DATA_READ,
  UUID_PATTERN,
  type AccessTrailAction,
  type AccessTrailEntry,
  type AccessTrailResource,
} from '@bluehelm/contracts';
import { recordedAtMillisOf, type LogEvent } from '../projection/log-event.js';
import type { RowProjection } from '../projection/row.projection.js';

/**
 * One event of the log seen as an access, as the table keeps it: the entry auditors read, with
 * its time as milliseconds since 1970-01-01T00:00:00Z (the metadata's recordedAt, else the
 * store's commit time) rather than text.
 */
export interface AccessTrailRow extends Omit<AccessTrailEntry, 'recordedAt'> {
  readonly recordedAtMs: number;
}

/** The actor of an event whose metadata names none (written before actors were recorded, or by hand). */
export const UNKNOWN_ACTOR = 'unknown';

const PERSONAL_DATA_ERASED = 'PersonalDataErased';
const ACCESS_STREAM_PREFIX = `${ACCESS_STREAM_CATEGORY}-`;
const CASE_STREAM_PREFIX = `${CASE_STREAM_CATEGORY}-`;
// `<category>-<uuid>`: the uuid is of fixed length, so the category is whatever comes before it.
const CATEGORY_AND_ID = new RegExp(`^(.+)-(${UUID_PATTERN.slice(1, -1)})$`);

/** The resource a stream is about, when it is named `<category>-<uuid>`; UUIDs in lower case. */
export function resourceOfStream(streamName: string): AccessTrailResource | null {
  const [, type, id] = CATEGORY_AND_ID.exec(streamName) ?? [];
  return type !== undefined && id !== undefined ? { type, id: id.toLowerCase() } : null;
}

interface AccessDetails {
  readonly action: AccessTrailAction;
  readonly resource: AccessTrailResource | null;
  readonly reason: string | null;
}

function accessDetailsOf({ type, streamName, data }: LogEvent): AccessDetails {
  if (type === PERSONAL_DATA_READ && streamName.startsWith(ACCESS_STREAM_PREFIX)) {
    const { resource, resourceId, reason } = fieldsOf(data);
    return {
      action: 'read-personal-data',
      resource: typeof resource === 'string' && typeof resourceId === 'string' ? { type: resource, id: resourceId.toLowerCase() } : null,
      reason: textOrNull(reason),
    };
  }
  if (type === PERSONAL_DATA_ERASED && streamName.startsWith(CASE_STREAM_PREFIX)) {
    const caseId = streamName.slice(CASE_STREAM_PREFIX.length).toLowerCase();
    return { action: 'erase-personal-data', resource: { type: CASE_STREAM_CATEGORY, id: caseId }, reason: textOrNull(fieldsOf(data)['reason']) };
  }
  return { action: 'write', resource: resourceOfStream(streamName), reason: null };
}

/** Every event is an access: nothing in the log is left out, whatever its stream or its data. */
function accessTrailRowsOf(event: LogEvent): readonly AccessTrailRow[] {
  const actor = event.metadata['actor'];
  const { action, resource, reason } = accessDetailsOf(event);
  return [
    {
      position: event.position,
      recordedAtMs: recordedAtMillisOf(event),
      actor: typeof actor === 'string' && actor.trim() !== '' ? actor : UNKNOWN_ACTOR,
      action,
      stream: event.streamName,
      eventType: event.type,
      resource,
      reason,
      correlationId: textOrNull(event.metadata['correlationId']),
    },
  ];
}

function fieldsOf(data: unknown): Readonly<Record<string, unknown>> {
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** One row per event of the log, keyed by its position. */
export const accessTrailProjection: RowProjection<AccessTrailRow> = {
  name: 'access-trail',
  rowsOf: accessTrailRowsOf,
  keyOf: (row) => String(row.position),
};
