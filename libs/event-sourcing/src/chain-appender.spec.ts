import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { MemoryEventStore, type EventStore } from '@bluehelm/event-store';
import { appendToChain } from './chain-appender.js';
import { verifyChain } from './chain-verifier.js';

const context = () => ({ actor: 'auditor-1', correlationId: 'c-1', now: new Date('2024-06-30T10:00:00Z'), newEventId: randomUUID });
const read = (n: number) => ({ type: 'PersonalDataRead', data: { n } });

/** Counts how many events each read of the store returns. */
function counting(store: EventStore): { store: EventStore; eventsRead: number[] } {
  const eventsRead: number[] = [];
  const wrapped = Object.create(store) as EventStore;
  wrapped.readStream = async (...args: Parameters<EventStore['readStream']>) => {
    const events = await store.readStream(...args);
    eventsRead.push(events.length);
    return events;
  };
  return { store: wrapped, eventsRead };
}

describe('appending to a hash chain without folding the stream', () => {
  it('links each append to the last hash, so the whole stream verifies', async () => {
    const store = new MemoryEventStore();
    for (let n = 0; n < 4; n++) await appendToChain(store, 'access-1', [read(n)], context());
    const events = await store.readStream('access-1');

    expect(events.map((event) => event.data)).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }, { n: 3 }]);
    expect(events[0]?.metadata).toMatchObject({ actor: 'auditor-1', prevHash: null });
    expect(verifyChain(events)).toMatchObject({ intact: true, eventCount: 4 });
  });

  it('reads only the last event, however long the stream', async () => {
    const memory = new MemoryEventStore();
    for (let n = 0; n < 20; n++) await appendToChain(memory, 'access-2', [read(n)], context());
    const { store, eventsRead } = counting(memory);

    await appendToChain(store, 'access-2', [read(20)], context());

    expect(eventsRead).toEqual([1]);
  });

  it('appends on top of a concurrent append instead of failing', async () => {
    const store = new MemoryEventStore();
    await Promise.all(Array.from({ length: 5 }, (_, n) => appendToChain(store, 'access-3', [read(n)], context())));
    const events = await store.readStream('access-3');

    expect(events).toHaveLength(5);
    expect(verifyChain(events)).toMatchObject({ intact: true });
  });
});
