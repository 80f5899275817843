import { expect } from '@jest/globals';
import { evolveAll } from '../decider.js';

export interface ProjectionThen<State> {
  /**
   * The events give this state, and feeding the same events again changes nothing: projections
   * are delivered at least once, so they must ignore what they have already applied (by position).
   */
  then(expectedState: State): void;
}

export interface ProjectionGiven<Event, State> {
  given(events: readonly Event[]): ProjectionThen<State>;
}

/** Given / then for a projection's pure evolve: `projectionSpec(evolve, initial).given(events).then(state)`. */
export function projectionSpec<Event, State>(
  evolve: (state: State, event: Event) => State,
  initial: State,
): ProjectionGiven<Event, State> {
  return {
    given: (events) => ({
      then: (expectedState) => {
        const initialBefore = structuredClone(initial);
        const once = evolveAll({ evolve }, initial, events);
        expect(once).toEqual(expectedState);
        const twice = evolveAll({ evolve }, once, events);
        expect(twice).toEqual(expectedState);
        // A projection that mutates its input state would corrupt snapshots and rebuilds.
        expect(initial).toEqual(initialBefore);
      },
    }),
  };
}
