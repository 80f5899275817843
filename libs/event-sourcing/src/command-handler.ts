import {
  WrongExpectedVersionError,
  type ActualRevision,
  type EventStore,
  type EventToAppend,
} from '@bluehelm/event-store';
import { aggregateStream, type AggregatedStream, type Upcaster } from './aggregate-stream.js';
import { evolveAll, type Decider, type DomainEvent } from './decider.js';
import { ConcurrencyConflictError, StaleRevisionError } from './errors.js';
import type { UnchainedEventMetadata } from './event-metadata.js';
import { chainEvents, type ChainedEvent } from './hash-chain.js';

/** Who, why and when, from outside the decider: everything that is not the command's own data. */
export interface CommandContext {
  readonly actor: string;
  readonly correlationId: string;
  /** Defaults to the correlation id. */
  readonly causationId?: string;
  /** When it happened in the world (ISO date or date-time); defaults to `now`. */
  readonly occurredAt?: string;
  /** The clock, read once by the caller, so that a retried command records the same instant. */
  readonly now: Date;
  readonly newEventId: () => string;
  /** Defaults to 1. */
  readonly schemaVersion?: number;
}

export interface HandleCommandRequest<Command, Event extends DomainEvent, State> {
  readonly streamName: string;
  readonly decider: Decider<Command, Event, State>;
  readonly command: Command;
  readonly context: CommandContext;
  /**
   * The revision the caller saw (HTTP `If-Match`). When given, a stream at another revision is
   * refused with StaleRevisionError, and a conflict is not retried.
   */
  readonly expectedRevision?: ActualRevision;
  readonly upcast?: Upcaster<Event>;
  /** How many times an unpinned command is re-read and re-decided after a conflict. Defaults to 3. */
  readonly maxConflictRetries?: number;
}

/** A new event as it now stands in its stream. */
export type CommittedEvent<Event extends DomainEvent> = ChainedEvent<Event> & {
  readonly streamName: string;
  readonly revision: number;
};

export interface CommandResult<Event extends DomainEvent, State> {
  /** Empty when the decider decided nothing (e.g. a repeated command). */
  readonly newEvents: readonly CommittedEvent<Event>[];
  /** The stream's revision after the command: pass it back as the next `If-Match`. */
  readonly nextExpectedRevision: ActualRevision;
  /**
   * The global position of the stream's last event. Only the last one is given because the
   * store reports no more: with KurrentDB, positions inside one append are not consecutive.
   */
  readonly position: number | null;
  readonly state: State;
}

const DEFAULT_CONFLICT_RETRIES = 3;

/**
 * The one command path: read and fold the stream, decide, append the decided events with their
 * metadata and hash chain, expecting exactly the revision that was read.
 */
export async function handleCommand<Command, Event extends DomainEvent, State>(
  store: EventStore,
  request: HandleCommandRequest<Command, Event, State>,
): Promise<CommandResult<Event, State>> {
  const pinnedRevision = request.expectedRevision;
  const maxRetries = pinnedRevision === undefined ? (request.maxConflictRetries ?? DEFAULT_CONFLICT_RETRIES) : 0;
  for (let retries = 0; ; retries += 1) {
    const current = await aggregateStream(store, request.streamName, request.decider, { upcast: request.upcast });
    if (pinnedRevision !== undefined && pinnedRevision !== current.revision) {
      throw new StaleRevisionError(request.streamName, pinnedRevision, current.revision);
    }
    try {
      return await decideAndAppend(store, request, current);
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      if (retries >= maxRetries) {
        throw new ConcurrencyConflictError(request.streamName, error.expectedRevision, error.actualRevision, {
          cause: error,
        });
      }
    }
  }
}

async function decideAndAppend<Command, Event extends DomainEvent, State>(
  store: EventStore,
  request: HandleCommandRequest<Command, Event, State>,
  current: AggregatedStream<State>,
): Promise<CommandResult<Event, State>> {
  const { decider, streamName } = request;
  const decided = decider.decide(request.command, current.state);
  if (decided.length === 0) {
    return { newEvents: [], nextExpectedRevision: current.revision, position: current.position, state: current.state };
  }
  const chained = chainNewEvents(current.lastHash, decided, request.context);
  const appended = await store.appendToStream(streamName, toEventsToAppend(chained), { expectedRevision: current.revision });
  const firstRevision = appended.nextExpectedRevision - chained.length + 1;
  return {
    newEvents: chained.map((event, index) => ({ ...event, streamName, revision: firstRevision + index })),
    nextExpectedRevision: appended.nextExpectedRevision,
    position: appended.position,
    state: evolveAll(decider, current.state, decided),
  };
}

/**
 * New events as they are appended for `context`: each with a new id and the context's metadata,
 * linked to `previousHash` (the stream's last hash, null for a new stream) and to each other.
 */
export function chainNewEvents<Event extends DomainEvent>(
  previousHash: string | null,
  events: readonly Event[],
  context: CommandContext,
): ChainedEvent<Event>[] {
  const metadata = metadataFrom(context);
  return chainEvents(
    previousHash,
    events.map((event) => ({ ...event, id: context.newEventId(), metadata })),
  );
}

/** What the store is given for chained events: exactly their id, type, data and metadata. */
export function toEventsToAppend(chained: readonly ChainedEvent[]): EventToAppend[] {
  return chained.map(({ id, type, data, metadata }) => ({ id, type, data, metadata }));
}

/** The metadata every event appended for `context` carries, before the hash chain links it. */
function metadataFrom(context: CommandContext): UnchainedEventMetadata {
  const recordedAt = context.now.toISOString();
  return {
    correlationId: context.correlationId,
    causationId: context.causationId ?? context.correlationId,
    actor: context.actor,
    occurredAt: context.occurredAt ?? recordedAt,
    recordedAt,
    schemaVersion: context.schemaVersion ?? 1,
  };
}
