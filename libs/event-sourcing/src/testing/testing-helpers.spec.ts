import { describe, expect, it } from '@jest/globals';
import type { Decider, DomainEvent } from '../decider.js';
import { DomainError } from '../domain-error.js';
import { deciderSpec, projectionSpec } from './index.js';

// A tiny example domain: a gate that opens and closes, and refuses to open twice.
type GateEvent = DomainEvent<'GateOpened', { readonly by: string }> | DomainEvent<'GateClosed', Record<string, never>>;
type GateCommand = { readonly type: 'OpenGate'; readonly data: { readonly by: string } } | { readonly type: 'CloseGate' };
type GateState = 'open' | 'closed';

class GateAlreadyOpenError extends DomainError {
  readonly code = 'gate-already-open';
  constructor() {
    super('the gate is already open');
  }
}

const gate: Decider<GateCommand, GateEvent, GateState> = {
  initialState: () => 'closed',
  decide: (command, state) => {
    switch (command.type) {
      case 'OpenGate':
        if (state === 'open') throw new GateAlreadyOpenError();
        return [{ type: 'GateOpened', data: { by: command.data.by } }];
      case 'CloseGate':
        return state === 'closed' ? [] : [{ type: 'GateClosed', data: {} }];
      default: {
        const unknown: never = command;
        throw new Error(`unknown command ${JSON.stringify(unknown)}`);
      }
    }
  },
  evolve: (_state, event) => (event.type === 'GateOpened' ? 'open' : 'closed'),
};

const opened: GateEvent = { type: 'GateOpened', data: { by: 'guard-1' } };
const closed: GateEvent = { type: 'GateClosed', data: {} };

describe('deciderSpec', () => {
  it('passes when the command decides the expected events', () => {
    deciderSpec(gate).given([]).when({ type: 'OpenGate', data: { by: 'guard-1' } }).then([opened]);
  });

  it('folds the given history before deciding', () => {
    deciderSpec(gate).given([opened, closed, opened]).when({ type: 'CloseGate' }).then([closed]);
  });

  it('fails when the decided events differ from the expected ones', () => {
    const spec = deciderSpec(gate).given([]).when({ type: 'OpenGate', data: { by: 'guard-2' } });

    expect(() => spec.then([opened])).toThrow();
  });

  it('returns the expected rejection for closer checks', () => {
    const error = deciderSpec(gate).given([opened]).when({ type: 'OpenGate', data: { by: 'guard-2' } }).thenThrows(GateAlreadyOpenError);

    expect(error.code).toBe('gate-already-open');
  });

  it('fails a rejection check when the command is accepted', () => {
    const spec = deciderSpec(gate).given([]).when({ type: 'OpenGate', data: { by: 'guard-1' } });

    expect(() => spec.thenThrows(GateAlreadyOpenError)).toThrow(/expected GateAlreadyOpenError/);
  });
});

// A projection of the global log counting gate openings, keyed by position so that a
// re-delivered event is ignored.
interface PositionedGateEvent {
  readonly position: number;
  readonly event: GateEvent;
}
interface OpeningsCount {
  readonly lastPosition: number;
  readonly openings: number;
}
const noOpenings: OpeningsCount = { lastPosition: -1, openings: 0 };

const countOpenings = (state: OpeningsCount, { position, event }: PositionedGateEvent): OpeningsCount =>
  position <= state.lastPosition
    ? state
    : { lastPosition: position, openings: state.openings + (event.type === 'GateOpened' ? 1 : 0) };

const history: PositionedGateEvent[] = [
  { position: 0, event: opened },
  { position: 4, event: closed },
  { position: 9, event: opened },
];

describe('projectionSpec', () => {
  it('passes a projection that reaches the expected state and ignores a replay', () => {
    projectionSpec(countOpenings, noOpenings).given(history).then({ lastPosition: 9, openings: 2 });
  });

  it('fails a projection that counts a re-delivered event twice', () => {
    const countWithoutPositions = (state: OpeningsCount, { position, event }: PositionedGateEvent): OpeningsCount => ({
      lastPosition: position,
      openings: state.openings + (event.type === 'GateOpened' ? 1 : 0),
    });

    expect(() =>
      projectionSpec(countWithoutPositions, noOpenings).given(history).then({ lastPosition: 9, openings: 2 }),
    ).toThrow();
  });

  it('fails a projection that changes the state it was given', () => {
    const mutating = (state: { seen: number[] }, { position }: PositionedGateEvent) => {
      if (!state.seen.includes(position)) state.seen.push(position);
      return state;
    };

    expect(() => projectionSpec(mutating, { seen: [] }).given(history).then({ seen: [0, 4, 9] })).toThrow();
  });
});
