import { StreamNotFoundError, type ActualRevision, type EventStore, type RecordedEvent } from '@bluehelm/event-store';
import type { DomainEvent, StateEvolver } from './decider.js';

/** Turns a stored event, possibly of an older shape, into the current domain event. */
export type Upcaster<Event extends DomainEvent> = (recorded: RecordedEvent) => Event;

export interface AggregateStreamOptions<Event extends DomainEvent> {
  /** Without one, stored events are taken to have the current shape. */
  readonly upcast?: Upcaster<Event>;
  /**
   * Stops before the first event for which this is true, leaving it and everything after it
   * out: e.g. the first event recorded after a `knownAt` instant.
   */
  readonly stopBefore?: (recorded: RecordedEvent) => boolean;
}

export interface AggregatedStream<State> {
  readonly state: State;
  /** The revision of the last event folded in; `no-stream` when there was none. */
  readonly revision: ActualRevision;
  /** The global position of the last event folded in; null when there was none. */
  readonly position: number | null;
  /** The chain hash of the last event folded in; null when there was none. */
  readonly lastHash: string | null;
}

const asStored = <Event extends DomainEvent>(recorded: RecordedEvent): Event =>
  ({ type: recorded.type, data: recorded.data }) as Event;

/** Reads a stream and folds it into state; a missing stream gives the initial state. */
export async function aggregateStream<Event extends DomainEvent, State>(
  store: EventStore,
  streamName: string,
  evolver: StateEvolver<Event, State>,
  options: AggregateStreamOptions<Event> = {},
): Promise<AggregatedStream<State>> {
  const upcast = options.upcast ?? asStored<Event>;
  let aggregated: AggregatedStream<State> = {
    state: evolver.initialState(),
    revision: 'no-stream',
    position: null,
    lastHash: null,
  };
  for (const recorded of await readWholeStream(store, streamName)) {
    if (options.stopBefore?.(recorded)) break;
    const hash = recorded.metadata['hash'];
    aggregated = {
      state: evolver.evolve(aggregated.state, upcast(recorded)),
      revision: recorded.revision,
      position: recorded.position,
      lastHash: typeof hash === 'string' ? hash : null,
    };
  }
  return aggregated;
}

async function readWholeStream(store: EventStore, streamName: string): Promise<RecordedEvent[]> {
  try {
    return await store.readStream(streamName);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
}
