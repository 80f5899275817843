import { describe, expect, it } from '@jest/globals';
import { MemoryEventStore, type EventStore, type RecordedEvent } from '@bluehelm/event-store';
import { verifyChain } from './chain-verifier.js';
import { handleCommand, type CommandContext } from './command-handler.js';
import type { Decider, DomainEvent } from './decider.js';
import { DomainError } from './domain-error.js';
import { ConcurrencyConflictError, StaleRevisionError } from './errors.js';

// A tiny example domain: a logbook whose entries are numbered and which can be closed.
type LogbookEvent =
  | DomainEvent<'EntryRecorded', { readonly number: number; readonly text: string }>
  | DomainEvent<'LogbookClosed', { readonly reason: string }>;
type LogbookCommand =
  | { readonly type: 'RecordEntry'; readonly data: { readonly text: string } }
  | { readonly type: 'CloseLogbook'; readonly data: { readonly reason: string } };
interface LogbookState {
  readonly entries: number;
  readonly closed: boolean;
}

class LogbookClosedError extends DomainError {
  readonly code = 'logbook-closed';
  constructor() {
    super('the logbook is closed');
  }
}

const logbook: Decider<LogbookCommand, LogbookEvent, LogbookState> = {
  initialState: () => ({ entries: 0, closed: false }),
  decide: (command, state) => {
    switch (command.type) {
      case 'RecordEntry':
        if (state.closed) throw new LogbookClosedError();
        return [{ type: 'EntryRecorded', data: { number: state.entries + 1, text: command.data.text } }];
      case 'CloseLogbook':
        return state.closed ? [] : [{ type: 'LogbookClosed', data: { reason: command.data.reason } }];
      default: {
        const unknown: never = command;
        throw new Error(`unknown command ${JSON.stringify(unknown)}`);
      }
    }
  },
  evolve: (state, event) => {
    switch (event.type) {
      case 'EntryRecorded':
        return { ...state, entries: event.data.number };
      case 'LogbookClosed':
        return { ...state, closed: true };
      default: {
        const unknown: never = event;
        throw new Error(`unknown event ${JSON.stringify(unknown)}`);
      }
    }
  },
};

const record = (text: string): LogbookCommand => ({ type: 'RecordEntry', data: { text } });
const close = (reason: string): LogbookCommand => ({ type: 'CloseLogbook', data: { reason } });

let streamCounter = 0;
const newStreamName = () => `logbook-${++streamCounter}`;

function contextOf(overrides: Partial<CommandContext> = {}): CommandContext {
  let ids = 0;
  return {
    actor: 'officer-7',
    correlationId: 'request-1',
    now: new Date('2024-03-06T10:00:00.000Z'),
    newEventId: () => `event-${overrides.correlationId ?? 'request-1'}-${++ids}`,
    ...overrides,
  };
}

/** The store, with other writers slipping in just before the next appends (one per queued writer). */
function withInterleavedWriters(store: EventStore, writers: (() => Promise<unknown>)[]): EventStore {
  return new Proxy(store, {
    get(target, property) {
      if (property === 'appendToStream') {
        return async (...args: Parameters<EventStore['appendToStream']>) => {
          await writers.shift()?.();
          return target.appendToStream(...args);
        };
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('handleCommand', () => {
  it('writes the decided events with their metadata and a chain starting at null', async () => {
    const store = new MemoryEventStore();
    const streamName = newStreamName();

    const result = await handleCommand(store, {
      streamName,
      decider: logbook,
      command: record('patrol ambushed'),
      context: contextOf({ occurredAt: '2024-03-05', schemaVersion: 2 }),
    });

    const [stored] = await store.readStream(streamName);
    expect(stored).toMatchObject({
      id: 'event-request-1-1',
      type: 'EntryRecorded',
      data: { number: 1, text: 'patrol ambushed' },
      revision: 0,
      metadata: {
        correlationId: 'request-1',
        causationId: 'request-1',
        actor: 'officer-7',
        occurredAt: '2024-03-05',
        recordedAt: '2024-03-06T10:00:00.000Z',
        schemaVersion: 2,
        prevHash: null,
      },
    });
    expect(result.newEvents).toEqual([
      {
        id: stored!.id,
        type: stored!.type,
        data: stored!.data,
        metadata: stored!.metadata,
        streamName,
        revision: 0,
      },
    ]);
    expect(result).toMatchObject({ nextExpectedRevision: 0, position: stored!.position, state: { entries: 1 } });
  });

  it('defaults the causation to the correlation and the time in the world to the recording time', async () => {
    const store = new MemoryEventStore();

    const { newEvents } = await handleCommand(store, {
      streamName: newStreamName(),
      decider: logbook,
      command: record('first'),
      context: contextOf({ correlationId: 'request-9' }),
    });

    expect(newEvents[0]!.metadata).toMatchObject({
      causationId: 'request-9',
      occurredAt: '2024-03-06T10:00:00.000Z',
      schemaVersion: 1,
    });
  });

  it('continues the hash chain across commands so the whole stream verifies', async () => {
    const store = new MemoryEventStore();
    const streamName = newStreamName();
    const run = (command: LogbookCommand, correlationId: string) =>
      handleCommand(store, { streamName, decider: logbook, command, context: contextOf({ correlationId }) });

    const first = await run(record('one'), 'c-1');
    const second = await run(record('two'), 'c-2');
    const third = await run(close('done'), 'c-3');

    expect(second.newEvents[0]!.metadata.prevHash).toBe(first.newEvents[0]!.metadata.hash);
    expect(third.newEvents[0]!.metadata.prevHash).toBe(second.newEvents[0]!.metadata.hash);
    expect(third).toMatchObject({ nextExpectedRevision: 2, state: { entries: 2, closed: true } });
    expect(verifyChain(await store.readStream(streamName))).toEqual({
      intact: true,
      eventCount: 3,
      lastHash: third.newEvents[0]!.metadata.hash,
    });
  });

  it('accepts an If-Match revision equal to the stream’s revision', async () => {
    const store = new MemoryEventStore();
    const streamName = newStreamName();
    await handleCommand(store, { streamName, decider: logbook, command: record('one'), context: contextOf() });

    const result = await handleCommand(store, {
      streamName,
      decider: logbook,
      command: record('two'),
      context: contextOf({ correlationId: 'c-2' }),
      expectedRevision: 0,
    });

    expect(result.nextExpectedRevision).toBe(1);
  });

  it('rejects a stale If-Match revision before deciding and writes nothing', async () => {
    const store = new MemoryEventStore();
    const streamName = newStreamName();
    await handleCommand(store, { streamName, decider: logbook, command: record('one'), context: contextOf() });
    await handleCommand(store, { streamName, decider: logbook, command: record('two'), context: contextOf({ correlationId: 'c-2' }) });
    let decided = false;
    const watchedDecider = { ...logbook, decide: (command: LogbookCommand, state: LogbookState) => ((decided = true), logbook.decide(command, state)) };

    const attempt = handleCommand(store, {
      streamName,
      decider: watchedDecider,
      command: record('three'),
      context: contextOf({ correlationId: 'c-3' }),
      expectedRevision: 0,
    });

    await expect(attempt).rejects.toThrow(StaleRevisionError);
    await expect(attempt).rejects.toMatchObject({ streamName, expectedRevision: 0, actualRevision: 1 });
    expect(decided).toBe(false);
    expect(await store.readStream(streamName)).toHaveLength(2);
  });

  it('rejects an If-Match revision on a stream that does not exist yet', async () => {
    const attempt = handleCommand(new MemoryEventStore(), {
      streamName: newStreamName(),
      decider: logbook,
      command: record('one'),
      context: contextOf(),
      expectedRevision: 4,
    });

    await expect(attempt).rejects.toMatchObject({ code: 'stale-revision', actualRevision: 'no-stream' });
  });

  it('retries a conflicting write, re-deciding on the stream as the other writer left it', async () => {
    const store = new MemoryEventStore();
    const streamName = newStreamName();
    const otherWriter = () =>
      handleCommand(store, { streamName, decider: logbook, command: record('other'), context: contextOf({ correlationId: 'other' }) });

    const result = await handleCommand(withInterleavedWriters(store, [otherWriter]), {
      streamName,
      decider: logbook,
      command: record('mine'),
      context: contextOf({ correlationId: 'mine' }),
    });

    expect(result.newEvents.map((event) => [event.revision, event.data])).toEqual([[1, { number: 2, text: 'mine' }]]);
    const stored = await store.readStream(streamName);
    expect(stored.map((event) => event.data)).toEqual([
      { number: 1, text: 'other' },
      { number: 2, text: 'mine' },
    ]);
    expect(verifyChain(stored)).toMatchObject({ intact: true, eventCount: 2 });
  });

  it('gives up with a ConcurrencyConflictError once its retries are spent', async () => {
    const store = new MemoryEventStore();
    const streamName = newStreamName();
    let otherWrites = 0;
    const otherWriter = () =>
      handleCommand(store, {
        streamName,
        decider: logbook,
        command: record('other'),
        context: contextOf({ correlationId: `other-${++otherWrites}` }),
      });

    const attempt = handleCommand(withInterleavedWriters(store, [otherWriter, otherWriter, otherWriter, otherWriter]), {
      streamName,
      decider: logbook,
      command: record('mine'),
      context: contextOf({ correlationId: 'mine' }),
      maxConflictRetries: 2,
    });

    await expect(attempt).rejects.toThrow(ConcurrencyConflictError);
    await expect(attempt).rejects.toMatchObject({ streamName, expectedRevision: 1, actualRevision: 2 });
    // One first try and two retries, each beaten by another writer; the fourth writer never ran.
    expect(await store.readStream(streamName)).toHaveLength(3);
  });

  it('does not retry a conflict when the caller pinned the revision', async () => {
    const store = new MemoryEventStore();
    const streamName = newStreamName();
    await handleCommand(store, { streamName, decider: logbook, command: record('one'), context: contextOf() });
    const otherWriter = () =>
      handleCommand(store, { streamName, decider: logbook, command: record('other'), context: contextOf({ correlationId: 'other' }) });

    const attempt = handleCommand(withInterleavedWriters(store, [otherWriter]), {
      streamName,
      decider: logbook,
      command: record('mine'),
      context: contextOf({ correlationId: 'mine' }),
      expectedRevision: 0,
    });

    await expect(attempt).rejects.toMatchObject({ code: 'concurrency-conflict', expectedRevision: 0, actualRevision: 1 });
    expect((await store.readStream(streamName)).map((event) => event.data)).toEqual([
      { number: 1, text: 'one' },
      { number: 2, text: 'other' },
    ]);
  });

  it('lands concurrent commands one after the other with an intact chain', async () => {
    const store = new MemoryEventStore();
    const streamName = newStreamName();

    await Promise.all(
      ['a', 'b', 'c'].map((text) =>
        handleCommand(store, { streamName, decider: logbook, command: record(text), context: contextOf({ correlationId: text }) }),
      ),
    );

    const stored = await store.readStream(streamName);
    expect(stored.map((event) => (event.data as { number: number }).number)).toEqual([1, 2, 3]);
    expect(verifyChain(stored)).toMatchObject({ intact: true, eventCount: 3 });
  });

  it('appends nothing for an empty decision and answers the current revision', async () => {
    const store = new MemoryEventStore();
    const streamName = newStreamName();
    await handleCommand(store, { streamName, decider: logbook, command: close('done'), context: contextOf() });
    const [closed] = await store.readStream(streamName);

    const repeated = await handleCommand(store, {
      streamName,
      decider: logbook,
      command: close('done'),
      context: contextOf({ correlationId: 'again' }),
      expectedRevision: 0,
    });

    expect(repeated).toEqual({ newEvents: [], nextExpectedRevision: 0, position: closed!.position, state: { entries: 0, closed: true } });
    expect(await store.readStream(streamName)).toHaveLength(1);
  });

  it('lets a rejection from the decider through and writes nothing', async () => {
    const store = new MemoryEventStore();
    const streamName = newStreamName();
    await handleCommand(store, { streamName, decider: logbook, command: close('done'), context: contextOf() });

    const attempt = handleCommand(store, { streamName, decider: logbook, command: record('late'), context: contextOf({ correlationId: 'late' }) });

    await expect(attempt).rejects.toThrow(LogbookClosedError);
    expect(await store.readStream(streamName)).toHaveLength(1);
  });

  it('upcasts stored events of an older shape before deciding', async () => {
    const store = new MemoryEventStore();
    const streamName = newStreamName();
    await store.appendToStream(streamName, [{ id: 'legacy-1', type: 'EntryWritten', data: { note: 'from the old system' } }]);
    const upcast = (recorded: RecordedEvent): LogbookEvent =>
      recorded.type === 'EntryWritten'
        ? { type: 'EntryRecorded', data: { number: recorded.revision + 1, text: (recorded.data as { note: string }).note } }
        : (recorded as unknown as LogbookEvent);

    const result = await handleCommand(store, { streamName, decider: logbook, command: record('new'), context: contextOf(), upcast });

    expect(result.newEvents[0]!.data).toEqual({ number: 2, text: 'new' });
    expect(result.state.entries).toBe(2);
  });
});
