/**
 * The focal points and subscriptions in force, folded from their streams in log order. Pure;
 * an event at or below the last applied position is ignored, so feeding events twice is harmless.
 */
import type { FocalPointDetails, FocalPointEvent } from './focal-point.events.js';
import type { SubscriptionDetails, SubscriptionEvent } from './subscription.events.js';

export interface FocalPointEntry extends FocalPointDetails {
  readonly registeredAt: string;
  readonly registeredBy: string;
}

export interface SubscriptionEntry extends SubscriptionDetails {
  readonly createdAt: string;
  readonly createdBy: string;
}

export interface RecipientDirectoryState {
  /** The log position of the last event applied; null before any. */
  readonly position: number | null;
  readonly focalPoints: Readonly<Record<string, FocalPointEntry>>;
  readonly subscriptions: Readonly<Record<string, SubscriptionEntry>>;
}

/** The part of a stored event the projection reads. */
export interface DirectoryEvent {
  readonly type: string;
  readonly data: unknown;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly position: number;
}

export const emptyRecipientDirectory = (): RecipientDirectoryState => ({ position: null, focalPoints: {}, subscriptions: {} });

type KnownEvent = FocalPointEvent | SubscriptionEvent;

const KNOWN_TYPES: ReadonlySet<string> = new Set<KnownEvent['type']>([
  'FocalPointRegistered',
  'FocalPointRemoved',
  'SubscriptionCreated',
  'SubscriptionCancelled',
]);

function textOf(metadata: Readonly<Record<string, unknown>>, field: string): string {
  const value = metadata[field];
  return typeof value === 'string' ? value : '';
}

function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

function apply(state: RecipientDirectoryState, event: KnownEvent, recorded: DirectoryEvent): RecipientDirectoryState {
  const recordedAt = textOf(recorded.metadata, 'recordedAt');
  const actor = textOf(recorded.metadata, 'actor');
  switch (event.type) {
    case 'FocalPointRegistered':
      return {
        ...state,
        focalPoints: { ...state.focalPoints, [event.data.focalPointId]: { ...event.data, registeredAt: recordedAt, registeredBy: actor } },
      };
    case 'FocalPointRemoved':
      return { ...state, focalPoints: without(state.focalPoints, event.data.focalPointId) };
    case 'SubscriptionCreated':
      return {
        ...state,
        subscriptions: { ...state.subscriptions, [event.data.subscriptionId]: { ...event.data, createdAt: recordedAt, createdBy: actor } },
      };
    case 'SubscriptionCancelled':
      return { ...state, subscriptions: without(state.subscriptions, event.data.subscriptionId) };
    default: {
      const unknown: never = event;
      throw new Error(`unknown directory event ${JSON.stringify(unknown)}`);
    }
  }
}

export function evolveRecipientDirectory(state: RecipientDirectoryState, recorded: DirectoryEvent): RecipientDirectoryState {
  if (state.position !== null && recorded.position <= state.position) return state;
  const applied = KNOWN_TYPES.has(recorded.type)
    ? apply(state, { type: recorded.type, data: recorded.data } as KnownEvent, recorded)
    : state;
  return { ...applied, position: recorded.position };
}
