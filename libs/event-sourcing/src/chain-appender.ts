import { StreamNotFoundError, WrongExpectedVersionError, type EventStore } from '@bluehelm/event-store';
import { chainNewEvents, toEventsToAppend, type CommandContext } from './command-handler.js';
import type { DomainEvent } from './decider.js';
import { ConcurrencyConflictError } from './errors.js';

const MAX_CONFLICT_RETRIES = 5;

/**
 * Appends facts to a stream that has no state to decide from (an access log): the events are
 * chained to the stream's last hash like any other, but only the last event is read, not the
 * whole stream, so the cost of an append does not grow with the stream. A concurrent append
 * moves the expected revision; the append is then tried again on top of it.
 */
export async function appendToChain<Event extends DomainEvent>(
  store: EventStore,
  streamName: string,
  events: readonly Event[],
  context: CommandContext,
): Promise<void> {
  for (let retries = 0; ; retries += 1) {
    const last = await lastEventOf(store, streamName);
    const prevHash = typeof last?.metadata['hash'] === 'string' ? last.metadata['hash'] : null;
    const chained = chainNewEvents(prevHash, events, context);
    try {
      await store.appendToStream(streamName, toEventsToAppend(chained), { expectedRevision: last?.revision ?? 'no-stream' });
      return;
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      if (retries >= MAX_CONFLICT_RETRIES) {
        throw new ConcurrencyConflictError(streamName, error.expectedRevision, error.actualRevision, { cause: error });
      }
    }
  }
}

async function lastEventOf(store: EventStore, streamName: string) {
  try {
    const [last] = await store.readStream(streamName, { direction: 'backwards', fromRevision: 'end', maxCount: 1 });
    return last;
  } catch (error) {
    if (error instanceof StreamNotFoundError) return undefined;
    throw error;
  }
}
