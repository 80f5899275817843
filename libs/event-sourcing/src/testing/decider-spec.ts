import { expect } from '@jest/globals';
import { evolveAll, type Decider, type DomainEvent } from '../decider.js';

export interface DeciderThen<Event> {
  /** The command produces exactly these events, in this order. */
  then(expectedEvents: readonly Event[]): void;
  /** The command is rejected with this error class; the error is returned for closer checks. */
  thenThrows<Failure extends Error>(errorClass: abstract new (...args: never[]) => Failure): Failure;
}

export interface DeciderWhen<Command, Event> {
  when(command: Command): DeciderThen<Event>;
}

export interface DeciderGiven<Command, Event> {
  /** The stream's history, oldest first; `given([])` is a new stream. */
  given(events: readonly Event[]): DeciderWhen<Command, Event>;
}

/**
 * Given / when / then for a decider, with no store involved:
 * `deciderSpec(caseDecider).given([caseOpened]).when(closeCase).then([caseClosed])`.
 */
export function deciderSpec<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
): DeciderGiven<Command, Event> {
  return {
    given: (history) => ({
      when: (command) => {
        const decide = () => decider.decide(command, evolveAll(decider, decider.initialState(), history));
        return {
          then: (expectedEvents) => {
            expect(decide()).toEqual(expectedEvents);
          },
          thenThrows: <Failure extends Error>(errorClass: abstract new (...args: never[]) => Failure) => {
            let decided: readonly Event[];
            try {
              decided = decide();
            } catch (error) {
              expect(error).toBeInstanceOf(errorClass);
              return error as Failure;
            }
            throw new Error(`expected ${errorClass.name}, but the decider decided ${JSON.stringify(decided)}`);
          },
        };
      },
    }),
  };
}
