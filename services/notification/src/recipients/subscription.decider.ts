import type { Decider } from '@bluehelm/event-sourcing';
import { isDeepStrictEqual } from 'node:util';
import { RecipientIdTakenError, RecipientNotFoundError } from './recipient.errors.js';
import {
  evolveSubscription,
  initialSubscriptionState,
  type SubscriptionDetails,
  type SubscriptionEvent,
  type SubscriptionState,
} from './subscription.events.js';

export interface CreateSubscription {
  readonly type: 'CreateSubscription';
  readonly data: SubscriptionDetails;
}

export interface CancelSubscription {
  readonly type: 'CancelSubscription';
  readonly data: { readonly subscriptionId: string };
}

export type SubscriptionCommand = CreateSubscription | CancelSubscription;

function create(command: CreateSubscription, state: SubscriptionState): SubscriptionEvent[] {
  if (state.status === 'unknown') return [{ type: 'SubscriptionCreated', data: command.data }];
  if (state.status === 'active' && isDeepStrictEqual(state.details, command.data)) return [];
  throw new RecipientIdTakenError('subscription', command.data.subscriptionId);
}

function cancel(command: CancelSubscription, state: SubscriptionState): SubscriptionEvent[] {
  if (state.status !== 'active') throw new RecipientNotFoundError('subscription', command.data.subscriptionId);
  return [{ type: 'SubscriptionCancelled', data: { subscriptionId: command.data.subscriptionId } }];
}

export const subscriptionDecider: Decider<SubscriptionCommand, SubscriptionEvent, SubscriptionState> = {
  decide(command, state) {
    switch (command.type) {
      case 'CreateSubscription':
        return create(command, state);
      case 'CancelSubscription':
        return cancel(command, state);
      default: {
        const unknown: never = command;
        throw new Error(`unknown subscription command ${JSON.stringify(unknown)}`);
      }
    }
  },
  evolve: evolveSubscription,
  initialState: initialSubscriptionState,
};
