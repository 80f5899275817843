import type { EventStore } from './port/event-store.port.js';

/** A setting that names no event store this system can open; the message says what would. */
export class InvalidEventStoreUrlError extends Error {
  override readonly name = 'InvalidEventStoreUrlError';
  constructor(url: string, reason: string) {
    super(
      `EVENT_STORE_URL "${redactPassword(url)}" is not usable: ${reason}. ` +
        'Use sqlite:<file>, postgres://user@host:port/db, kurrentdb://host:port (or esdb://), or memory:',
    );
  }
}

export type EventStoreKind = 'memory' | 'sqlite' | 'postgres' | 'kurrentdb';

export function eventStoreKindOf(url: string): EventStoreKind {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  switch (scheme) {
    case 'memory':
      return 'memory';
    case 'sqlite':
      if (url.slice('sqlite:'.length).trim() === '') {
        throw new InvalidEventStoreUrlError(url, 'the sqlite file path is empty');
      }
      return 'sqlite';
    case 'postgres':
    case 'postgresql':
      return 'postgres';
    case 'kurrentdb':
    case 'kurrentdb+discover':
    case 'esdb':
    case 'esdb+discover':
      return 'kurrentdb';
    default:
      throw new InvalidEventStoreUrlError(url, scheme ? `unknown scheme "${scheme}"` : 'no scheme');
  }
}

/**
 * Opens the event store that `EVENT_STORE_URL` names. Adapters are imported lazily so that
 * a process never loads a driver (or a native module) it does not use.
 */
export async function createEventStore(url: string): Promise<EventStore> {
  switch (eventStoreKindOf(url)) {
    case 'memory': {
      const { MemoryEventStore } = await import('./adapters/memory/memory-event-store.js');
      return new MemoryEventStore();
    }
    case 'sqlite': {
      const { SqliteEventStore } = await import('./adapters/sqlite/sqlite-event-store.js');
      return SqliteEventStore.open(url.slice('sqlite:'.length));
    }
    case 'postgres': {
      const { PostgresEventStore } = await import('./adapters/postgres/postgres-event-store.js');
      return PostgresEventStore.connect(url);
    }
    case 'kurrentdb': {
      const { KurrentDbEventStore } = await import('./adapters/kurrentdb/kurrentdb-event-store.js');
      return KurrentDbEventStore.connect(url);
    }
  }
}

export function redactPassword(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
