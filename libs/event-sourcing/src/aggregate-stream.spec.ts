import { describe, expect, it } from '@jest/globals';
import { MemoryEventStore } from '@bluehelm/event-store';
import { aggregateStream } from './aggregate-stream.js';
import type { DomainEvent, StateEvolver } from './decider.js';
import { chainEvents } from './hash-chain.js';

type TallyEvent = DomainEvent<'Counted', { readonly by: number }>;
const tally: StateEvolver<TallyEvent, number> = {
  initialState: () => 0,
  evolve: (total, event) => total + event.data.by,
};

const countedOn = (id: string, by: number, recordedAt: string) => ({
  id,
  type: 'Counted' as const,
  data: { by },
  metadata: { correlationId: 'c', causationId: 'c', actor: 'a', occurredAt: recordedAt, recordedAt, schemaVersion: 1 },
});

describe('aggregateStream', () => {
  it('folds a missing stream into the initial state at no-stream', async () => {
    const aggregated = await aggregateStream(new MemoryEventStore(), 'tally-missing', tally);

    expect(aggregated).toEqual({ state: 0, revision: 'no-stream', position: null, lastHash: null });
  });

  it('folds every event and reports where the stream ends', async () => {
    const store = new MemoryEventStore();
    const events = chainEvents(null, [countedOn('a', 2, '2024-01-01T00:00:00Z'), countedOn('b', 3, '2024-02-01T00:00:00Z')]);
    const appended = await store.appendToStream('tally-1', events);

    const aggregated = await aggregateStream(store, 'tally-1', tally);

    expect(aggregated).toEqual({ state: 5, revision: 1, position: appended.position, lastHash: events[1]!.metadata.hash });
  });

  it('stops before the first event the predicate picks, for a state as it was known at a time', async () => {
    const store = new MemoryEventStore();
    const events = chainEvents(null, [
      countedOn('a', 2, '2024-01-01T00:00:00Z'),
      countedOn('b', 3, '2024-02-01T00:00:00Z'),
      countedOn('c', 4, '2024-03-01T00:00:00Z'),
    ]);
    await store.appendToStream('tally-2', events);
    const knownAt = '2024-02-15T00:00:00Z';

    const aggregated = await aggregateStream(store, 'tally-2', tally, {
      stopBefore: (recorded) => String(recorded.metadata['recordedAt']) > knownAt,
    });

    expect(aggregated).toMatchObject({ state: 5, revision: 1, lastHash: events[1]!.metadata.hash });
  });
});
