import { describe, expect, it } from '@jest/globals';
import {
  END,
  START,
  StreamDeletedError as KurrentStreamDeletedError,
  StreamNotFoundError as KurrentStreamNotFoundError,
  WrongExpectedVersionError as KurrentWrongExpectedVersionError,
  type RecordedEvent as KurrentRecordedEvent,
} from '@kurrent/kurrentdb-client';
import { StreamDeletedError, StreamNotFoundError, WrongExpectedVersionError } from '../../errors.js';
import {
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
import { KurrentDbPositionUnavailableError } from './kurrentdb.errors.js';

function recordedEvent(overrides: Partial<Record<keyof KurrentRecordedEvent, unknown>> = {}): KurrentRecordedEvent {
  return {
    streamId: 'case-42',
    id: '0b5ad3f2-5d3c-4a53-9d54-2a3f0a0c9e11',
    isJson: true,
    revision: 3n,
    type: 'CaseOpened',
    created: new Date('2026-11-02T10:00:00.000Z'),
    data: { caseId: '42' },
    metadata: { correlationId: 'c-1' },
    position: { commit: 1234n, prepare: 1234n },
    ...overrides,
  } as KurrentRecordedEvent;
}

describe('kurrentdb mapping', () => {
  describe('connection strings', () => {
    it('renames the deprecated esdb schemes to kurrentdb and keeps the rest of the URL', () => {
      expect(toKurrentConnectionString('esdb://admin:changeit@db:2113?tls=false')).toBe(
        'kurrentdb://admin:changeit@db:2113?tls=false',
      );
      expect(toKurrentConnectionString('esdb+discover://a:2113,b:2113')).toBe('kurrentdb+discover://a:2113,b:2113');
      expect(toKurrentConnectionString('ESDB://db:2113')).toBe('kurrentdb://db:2113');
    });

    it('leaves kurrentdb URLs as they are, apart from the case of the scheme', () => {
      expect(toKurrentConnectionString('kurrentdb://db:2113?tls=false')).toBe('kurrentdb://db:2113?tls=false');
      expect(toKurrentConnectionString('KurrentDB+discover://db:2113')).toBe('kurrentdb+discover://db:2113');
    });
  });

  describe('expected revisions', () => {
    it('maps each expected state of the port to the client stream state', () => {
      expect(toAppendStreamState('any')).toBe('any');
      expect(toAppendStreamState('no-stream')).toBe('no_stream');
      expect(toAppendStreamState('stream-exists')).toBe('stream_exists');
      expect(toAppendStreamState(7)).toBe(7n);
    });

    it('maps the expectations a delete can take', () => {
      expect(toDeleteStreamState('any')).toBe('any');
      expect(toDeleteStreamState('no-stream')).toBe('no_stream');
      expect(toDeleteStreamState(0)).toBe(0n);
    });
  });

  describe('positions', () => {
    it('keeps the commit offset as the port position and rebuilds both offsets from it', () => {
      expect(toPortPosition({ commit: 5_000n, prepare: 5_000n })).toBe(5_000);
      expect(toKurrentPosition(5_000)).toEqual({ commit: 5_000n, prepare: 5_000n });
    });

    it('tells log positions from missing ones and from the no-position markers', () => {
      expect(isLogPosition({ commit: 0n, prepare: 0n })).toBe(true);
      expect(isLogPosition(undefined)).toBe(false);
      expect(isLogPosition({ commit: -1n, prepare: -1n })).toBe(false);
      expect(isLogPosition({ commit: 18_446_744_073_709_551_615n, prepare: 0n })).toBe(false);
    });

    it('starts $all reads and subscriptions at the start, the end or a position', () => {
      expect(toAllStreamStart(undefined)).toBe(START);
      expect(toAllStreamStart('start')).toBe(START);
      expect(toAllStreamStart('end')).toBe(END);
      expect(toAllStreamStart(-1)).toBe(START);
      expect(toAllStreamStart(812)).toEqual({ commit: 812n, prepare: 812n });
    });

    it('starts stream reads where the port says, backwards at the end by default', () => {
      expect(toReadRevision(undefined, 'forwards')).toBe(START);
      expect(toReadRevision(undefined, 'backwards')).toBe(END);
      expect(toReadRevision(2, 'backwards')).toBe(2n);
      expect(toReadRevision('end', 'forwards')).toBe(END);
      expect(toReadRevision(-1, 'forwards')).toBe(START);
      expect(toReadRevision(-1, 'backwards')).toBeUndefined();
    });
  });

  describe('errors', () => {
    it('turns a wrong expected version into the port error with the caller expectation and the actual revision', () => {
      const clientError = new KurrentWrongExpectedVersionError(undefined, {
        streamName: 'case-42',
        expected: 0n,
        current: 1n,
      });
      const mapped = toPortError(clientError, { streamName: 'case-42', expectedRevision: 0 });
      expect(mapped).toBeInstanceOf(WrongExpectedVersionError);
      expect(mapped).toMatchObject({ streamName: 'case-42', expectedRevision: 0, actualRevision: 1 });
    });

    it('reports a missing stream as no-stream and falls back to the server expectation', () => {
      const clientError = new KurrentWrongExpectedVersionError(undefined, {
        streamName: 'case-42',
        expected: 'stream_exists',
        current: 'no_stream',
      });
      expect(toPortError(clientError, { streamName: 'case-42' })).toMatchObject({
        expectedRevision: 'stream-exists',
        actualRevision: 'no-stream',
      });
      const fromNumbers = new KurrentWrongExpectedVersionError(undefined, {
        streamName: 'case-42',
        expected: -1n,
        current: -1n,
      });
      expect(toPortError(fromNumbers, { streamName: 'case-42' })).toMatchObject({
        expectedRevision: 'no-stream',
        actualRevision: 'no-stream',
      });
    });

    it('turns not-found and deleted streams into the port errors', () => {
      expect(toPortError(new KurrentStreamNotFoundError(undefined, 'case-1'), { streamName: 'case-1' })).toBeInstanceOf(
        StreamNotFoundError,
      );
      const deleted = toPortError(KurrentStreamDeletedError.fromStreamName('case-2'), { streamName: 'case-2' });
      expect(deleted).toBeInstanceOf(StreamDeletedError);
      expect(deleted).toMatchObject({ streamName: 'case-2' });
    });

    it('passes other errors through unchanged', () => {
      const other = new Error('connection refused');
      expect(toPortError(other, { streamName: 'case-3' })).toBe(other);
    });
  });

  describe('events', () => {
    it('writes an event as JSON under its own id', () => {
      const data = toEventData({ id: 'a9f3', type: 'CaseOpened', data: { n: 1 }, metadata: { actor: 'u1' } });
      expect(data).toEqual({
        id: 'a9f3',
        contentType: 'application/json',
        type: 'CaseOpened',
        data: { n: 1 },
        metadata: { actor: 'u1' },
      });
    });

    it('reads an event with number revision and position and an ISO creation time', () => {
      expect(toPortEvent(recordedEvent())).toEqual({
        id: '0b5ad3f2-5d3c-4a53-9d54-2a3f0a0c9e11',
        type: 'CaseOpened',
        data: { caseId: '42' },
        metadata: { correlationId: 'c-1' },
        streamName: 'case-42',
        revision: 3,
        position: 1234,
        createdAt: '2026-11-02T10:00:00.000Z',
      });
    });

    it('gives empty metadata for events stored without metadata or with non-object metadata', () => {
      expect(toPortEvent(recordedEvent({ metadata: undefined })).metadata).toEqual({});
      expect(toPortEvent(recordedEvent({ metadata: ['x'] })).metadata).toEqual({});
      expect(toPortEvent(recordedEvent({ metadata: new Uint8Array([1, 2]) })).metadata).toEqual({});
    });

    it('refuses an event the server sent without its $all position', () => {
      expect(() => toPortEvent(recordedEvent({ position: undefined }))).toThrow(KurrentDbPositionUnavailableError);
    });
  });
});
