import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createEventStore, eventStoreKindOf, redactPassword, type EventStore } from '@bluehelm/event-store';
import { EventStoreUnavailableError } from '../startup/startup-failure.js';

/** Injection token of the service's EventStore. */
export const EVENT_STORE = Symbol('EVENT_STORE');

/**
 * Opens the store and checks that it answers. For sqlite the folder of the file is created
 * first, so that the default `sqlite:./data/events.db` works in a fresh checkout.
 */
export async function openEventStore(url: string): Promise<EventStore> {
  try {
    if (eventStoreKindOf(url) === 'sqlite') {
      const file = url.slice('sqlite:'.length);
      if (file !== ':memory:') await mkdir(dirname(file), { recursive: true });
    }
    const store = await createEventStore(url);
    try {
      await store.ping();
    } catch (error) {
      await store.close().catch(() => undefined);
      throw error;
    }
    return store;
  } catch (error) {
    throw new EventStoreUnavailableError(redactPassword(url), reasonOf(error));
  }
}

function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // Only the first line: driver messages sometimes carry a multi-line hint or a query.
  return error.message.split('\n')[0] ?? error.name;
}
