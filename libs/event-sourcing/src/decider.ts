/**
 * A domain event: plain readonly data, named in the past tense with its subject
 * (`AccusedConvicted`). `type` is a string literal so that a union of events can be switched on.
 */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/** How state is rebuilt from events: the half of a decider that reads models also need. */
export interface StateEvolver<Event, State> {
  evolve(state: State, event: Event): State;
  initialState(): State;
}

/**
 * The whole behaviour of one kind of stream. Pure: no I/O and no clock; time, actor and ids
 * arrive inside the command, and metadata is added by the command handler, not here.
 * `decide` rejects a command by throwing a DomainError subclass.
 */
export interface Decider<Command, Event extends DomainEvent, State> extends StateEvolver<Event, State> {
  decide(command: Command, state: State): readonly Event[];
}

/** Folds events onto a state, left to right. */
export function evolveAll<Event, State>(
  evolver: Pick<StateEvolver<Event, State>, 'evolve'>,
  state: State,
  events: Iterable<Event>,
): State {
  let current = state;
  for (const event of events) current = evolver.evolve(current, event);
  return current;
}
