import type { Decider } from '@bluehelm/event-sourcing';
import { isDeepStrictEqual } from 'node:util';
import {
  evolveFocalPoint,
  initialFocalPointState,
  type FocalPointDetails,
  type FocalPointEvent,
  type FocalPointState,
} from './focal-point.events.js';
import { RecipientIdTakenError, RecipientNotFoundError } from './recipient.errors.js';

export interface RegisterFocalPoint {
  readonly type: 'RegisterFocalPoint';
  readonly data: FocalPointDetails;
}

export interface RemoveFocalPoint {
  readonly type: 'RemoveFocalPoint';
  readonly data: { readonly focalPointId: string };
}

export type FocalPointCommand = RegisterFocalPoint | RemoveFocalPoint;

function register(command: RegisterFocalPoint, state: FocalPointState): FocalPointEvent[] {
  if (state.status === 'unknown') return [{ type: 'FocalPointRegistered', data: command.data }];
  // The same registration again (a retried request) changes nothing.
  if (state.status === 'registered' && isDeepStrictEqual(state.details, command.data)) return [];
  throw new RecipientIdTakenError('focal point', command.data.focalPointId);
}

function remove(command: RemoveFocalPoint, state: FocalPointState): FocalPointEvent[] {
  if (state.status !== 'registered') throw new RecipientNotFoundError('focal point', command.data.focalPointId);
  return [{ type: 'FocalPointRemoved', data: { focalPointId: command.data.focalPointId } }];
}

export const focalPointDecider: Decider<FocalPointCommand, FocalPointEvent, FocalPointState> = {
  decide(command, state) {
    switch (command.type) {
      case 'RegisterFocalPoint':
        return register(command, state);
      case 'RemoveFocalPoint':
        return remove(command, state);
      default: {
        const unknown: never = command;
        throw new Error(`unknown focal point command ${JSON.stringify(unknown)}`);
      }
    }
  },
  evolve: evolveFocalPoint,
  initialState: initialFocalPointState,
};
