import { randomUUID } from 'node:crypto';
import type { EventStore, EventSubscription } from '../port/event-store.port.js';
import type { EventToAppend, RecordedEvent } from '../port/recorded-event.js';

/** What a contract run needs to know of the adapter under test. */
export interface EventStoreContractSubject {
  readonly adapter: string;
  open(): Promise<EventStore>;
  /** Parts of the contract the adapter cannot offer, each named; the suite says so instead of testing them. */
  readonly unsupported?: readonly ContractFeature[];
}

export type ContractFeature = 'unique-event-ids-across-streams';

/** A prefix no other run shares, so the suite can run against a store that already holds data. */
export function uniquePrefix(): string {
  return `contract${randomUUID().replaceAll('-', '').slice(0, 12)}`;
}

export function newEvent(type = 'SomethingHappened', data: unknown = { n: 1 }): EventToAppend {
  return { id: randomUUID(), type, data, metadata: { correlationId: randomUUID() } };
}

export function newEvents(count: number, type = 'SomethingHappened'): EventToAppend[] {
  return Array.from({ length: count }, (_, n) => newEvent(type, { n }));
}

export async function collect(iterable: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of iterable) events.push(event);
  return events;
}

/** Takes `count` events from a subscription, failing after `timeoutMs` instead of hanging. */
export async function take(
  subscription: EventSubscription,
  count: number,
  timeoutMs = 10_000,
): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  const iterator = subscription[Symbol.asyncIterator]();
  const deadline = Date.now() + timeoutMs;
  while (events.length < count) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now()));
    });
    const next = await Promise.race([iterator.next(), timeout]);
    clearTimeout(timer);
    if (next === 'timeout') {
      throw new Error(`subscription gave ${events.length} of ${count} events in ${timeoutMs} ms`);
    }
    if (next.done) break;
    events.push(next.value);
  }
  return events;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
