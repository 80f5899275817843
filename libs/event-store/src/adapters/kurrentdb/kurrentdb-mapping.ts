import {
  ANY,
  END,
  jsonEvent,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamDeletedError as KurrentStreamDeletedError,
  StreamNotFoundError as KurrentStreamNotFoundError,
  StreamTombstonedError as KurrentStreamTombstonedError,
  WrongExpectedVersionError as KurrentWrongExpectedVersionError,
  type AppendStreamState,
  type CurrentStreamState,
  type EventData,
  type JSONType,
  type Position,
  type ReadPosition,
  type ReadRevision,
  type RecordedEvent as KurrentRecordedEvent,
  type StreamState,
} from '@kurrent/kurrentdb-client';
import { StreamDeletedError, StreamNotFoundError, WrongExpectedVersionError } from '../../errors.js';
import type { Direction } from '../../port/event-store.port.js';
import type { ActualRevision, ExpectedRevision } from '../../port/expected-revision.js';
import type { EventMetadata, EventToAppend, RecordedEvent } from '../../port/recorded-event.js';
import { KurrentDbPositionUnavailableError } from './kurrentdb.errors.js';

/**
 * The client accepts `esdb://` only with a deprecation warning on every start, so the older
 * schemes that EVENT_STORE_URL may still carry are rewritten to their `kurrentdb` names.
 */
export function toKurrentConnectionString(url: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1];
  if (scheme === undefined) return url;
  const lower = scheme.toLowerCase();
  const renamed =
    lower === 'esdb' ? 'kurrentdb' : lower === 'esdb+discover' ? 'kurrentdb+discover' : lower;
  return renamed + url.slice(scheme.length);
}

export function toAppendStreamState(expected: ExpectedRevision): AppendStreamState {
  if (typeof expected === 'number') return BigInt(expected);
  switch (expected) {
    case 'any':
      return ANY;
    case 'no-stream':
      return NO_STREAM;
    case 'stream-exists':
      return STREAM_EXISTS;
    default:
      return unreachable(expected);
  }
}

/** Deletes take no `stream-exists` in client 1.3.1; the adapter turns it into an exact revision first. */
export function toDeleteStreamState(expected: Exclude<ExpectedRevision, 'stream-exists'>): StreamState {
  if (typeof expected === 'number') return BigInt(expected);
  switch (expected) {
    case 'any':
      return ANY;
    case 'no-stream':
      return NO_STREAM;
    default:
      return unreachable(expected);
  }
}

/**
 * Port positions are one number; KurrentDB's are `{ commit, prepare }` offsets in its log. For events
 * written by appends (KurrentDB has no explicit transactions over gRPC) both offsets are the event's
 * own record, so the port keeps `commit` and rebuilds the pair as `{ commit: p, prepare: p }`.
 * Numbers stay exact up to 2^53 bytes of log.
 */
export function toPortPosition(position: Position): number {
  return Number(position.commit);
}

export function toKurrentPosition(position: number): Position {
  return { commit: BigInt(position), prepare: BigInt(position) };
}

/** False for a missing position and for the "no position" markers older servers send. */
export function isLogPosition(position: Position | undefined): position is Position {
  return position !== undefined && position.commit >= 0n && position.commit <= BigInt(Number.MAX_SAFE_INTEGER);
}

/**
 * Where a forwards read of `$all` or a catch-up subscription starts. KurrentDB's forwards reads
 * include the event at the position and its subscriptions give the events after it, exactly as
 * the port's. A negative number (no event handled yet) means the whole log.
 */
export function toAllStreamStart(from: number | 'start' | 'end' | undefined): ReadPosition {
  if (from === undefined || from === 'start') return START;
  if (from === 'end') return END;
  return from < 0 ? START : toKurrentPosition(from);
}

/**
 * The first revision of a stream read. The port defaults to the far end for backwards reads,
 * where the client always defaults to the start. `undefined`: the read can give nothing
 * (backwards from below revision 0).
 */
export function toReadRevision(
  from: number | 'start' | 'end' | undefined,
  direction: Direction,
): ReadRevision | undefined {
  if (from === 'start') return START;
  if (from === 'end') return END;
  if (from === undefined) return direction === 'backwards' ? END : START;
  if (from < 0) return direction === 'backwards' ? undefined : START;
  return BigInt(from);
}

export function toPortActualRevision(actual: CurrentStreamState): ActualRevision {
  // Servers report deleted or missing streams with negative revisions (-1, -5, -6) on some paths.
  return actual === NO_STREAM || actual < 0n ? 'no-stream' : Number(actual);
}

/** The expectation as the server states it, used only when the caller's own is unknown. */
export function toPortExpectedRevision(expected: AppendStreamState): ExpectedRevision {
  switch (expected) {
    case ANY:
      return 'any';
    case NO_STREAM:
      return 'no-stream';
    case STREAM_EXISTS:
      return 'stream-exists';
    default:
      // Older servers send the .NET constants: -1 no stream, -2 any, -4 stream exists.
      if (expected === -1n) return 'no-stream';
      if (expected === -4n) return 'stream-exists';
      if (expected < 0n) return 'any';
      return Number(expected);
  }
}

/** What a failed call was doing, so that the port's error can name the stream and expectation. */
export interface FailedOperation {
  readonly streamName: string;
  readonly expectedRevision?: ExpectedRevision;
}

/** The port's error for a client error; anything the port does not name passes through unchanged. */
export function toPortError(error: unknown, operation: FailedOperation): unknown {
  if (error instanceof KurrentWrongExpectedVersionError) {
    return new WrongExpectedVersionError(
      operation.streamName,
      operation.expectedRevision ?? toPortExpectedRevision(error.expectedState),
      toPortActualRevision(error.actualState),
    );
  }
  if (error instanceof KurrentStreamNotFoundError) return new StreamNotFoundError(operation.streamName);
  if (error instanceof KurrentStreamDeletedError || error instanceof KurrentStreamTombstonedError) {
    return new StreamDeletedError(operation.streamName);
  }
  return error;
}

export function toEventData(event: EventToAppend): EventData {
  return jsonEvent({
    id: event.id,
    type: event.type,
    // The client serialises with JSON.stringify, so any JSON value goes, though its type names
    // only objects, arrays and strings.
    data: event.data as JSONType,
    metadata: event.metadata as JSONType | undefined,
  });
}

export function toPortEvent(event: KurrentRecordedEvent): RecordedEvent {
  const revision = Number(event.revision);
  if (!isLogPosition(event.position)) {
    throw new KurrentDbPositionUnavailableError(event.streamId, revision);
  }
  return {
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: toEventMetadata(event.metadata),
    streamName: event.streamId,
    revision,
    position: toPortPosition(event.position),
    createdAt: event.created.toISOString(),
  };
}

/** Events written by other tools may carry no metadata, binary metadata or a JSON array. */
function toEventMetadata(metadata: unknown): EventMetadata {
  const isRecord =
    typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata) && !(metadata instanceof Uint8Array);
  return isRecord ? (metadata as EventMetadata) : {};
}

function unreachable(value: never): never {
  throw new Error(`unexpected value ${String(value)}`);
}
