/**
 * The events of a case stream. Their data is the public shape in @bluehelm/contracts; the union
 * here is what the decider and every fold switch on.
 */
import type { DomainEvent } from '@bluehelm/event-sourcing';
import {
  isCaseEventType,
  type AccusedStepEventType,
  type CaseEventDataByType,
  type CaseEventType,
} from '@bluehelm/contracts';

export type CaseEventOf<Type extends CaseEventType> = DomainEvent<Type, CaseEventDataByType[Type]>;

/** One member per event type, so that `switch (event.type)` narrows `event.data`. */
export type CaseEvent = { readonly [Type in CaseEventType]: CaseEventOf<Type> }[CaseEventType];

export type CaseOpened = CaseEventOf<'CaseOpened'>;
export type AccusedIdentified = CaseEventOf<'AccusedIdentified'>;
export type CaseClosed = CaseEventOf<'CaseClosed'>;

/** The events that record a step of an accused person after identification. */
export type AccusedStepEvent = Extract<CaseEvent, { readonly type: AccusedStepEventType }>;

/** An event as it comes out of the store, possibly in an older shape. */
export interface StoredCaseEvent {
  readonly type: string;
  readonly data: unknown;
  readonly metadata?: Readonly<Record<string, unknown>>;
}

export class UnknownCaseEventError extends Error {
  constructor(readonly type: string) {
    super(`${type} is not a case event`);
    this.name = 'UnknownCaseEventError';
  }
}

/**
 * Turns a stored event into the current shape (pass it as the command handler's `upcast`).
 * Every stored shape is still the first one (schemaVersion 1), so this only refuses types it does
 * not know, rather than folding them into a wrong state. When a shape changes, the older one gets
 * its conversion here, keyed by type and schemaVersion, and the stored event stays as it was.
 */
export function upcastCaseEvent(stored: StoredCaseEvent): CaseEvent {
  if (!isCaseEventType(stored.type)) throw new UnknownCaseEventError(stored.type);
  return { type: stored.type, data: stored.data } as CaseEvent;
}
