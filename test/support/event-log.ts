// Reads the system's event log directly, as an auditor's tool would.
import { createEventStore, type EventStore, type RecordedEvent } from '@bluehelm/event-store';

export async function withEventStore<T>(url: string, work: (store: EventStore) => Promise<T>): Promise<T> {
  const store = await createEventStore(url);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

export async function allEvents(url: string): Promise<RecordedEvent[]> {
  return withEventStore(url, async (store) => {
    const events: RecordedEvent[] = [];
    for await (const event of store.readAll()) events.push(event);
    return events;
  });
}
