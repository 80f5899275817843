/**
 * Subscriptions are facts of the event log, one stream each (`subscription-<uuid>`). The signing
 * secret of a webhook is not: the log is read by auditors and analytics and can never forget, so
 * the secret lives in the service's own database (subscription-secret.store.ts).
 */
import type { NotifiableEventType, NotificationChannel } from '@bluehelm/contracts';

export const SUBSCRIPTION_CATEGORY = 'subscription';

export function subscriptionStream(subscriptionId: string): string {
  return `${SUBSCRIPTION_CATEGORY}-${subscriptionId}`;
}

/** Every list present; an empty list matches anything. */
export interface SubscriptionFilters {
  readonly missions: readonly string[];
  readonly hostStates: readonly string[];
  readonly nationalities: readonly string[];
  readonly caseIds: readonly string[];
  readonly eventTypes: readonly NotifiableEventType[];
}

export interface SubscriptionDetails {
  readonly subscriptionId: string;
  readonly channel: NotificationChannel;
  readonly url?: string;
  readonly email?: string;
  readonly filters: SubscriptionFilters;
  readonly description?: string;
}

export interface SubscriptionCreated {
  readonly type: 'SubscriptionCreated';
  readonly data: SubscriptionDetails;
}

export interface SubscriptionCancelled {
  readonly type: 'SubscriptionCancelled';
  readonly data: { readonly subscriptionId: string };
}

export type SubscriptionEvent = SubscriptionCreated | SubscriptionCancelled;

export type SubscriptionState =
  | { readonly status: 'unknown' }
  | { readonly status: 'active'; readonly details: SubscriptionDetails }
  | { readonly status: 'cancelled' };

export const initialSubscriptionState = (): SubscriptionState => ({ status: 'unknown' });

export function evolveSubscription(_state: SubscriptionState, event: SubscriptionEvent): SubscriptionState {
  switch (event.type) {
    case 'SubscriptionCreated':
      return { status: 'active', details: event.data };
    case 'SubscriptionCancelled':
      return { status: 'cancelled' };
    default: {
      const unknown: never = event;
      throw new Error(`unknown subscription event ${JSON.stringify(unknown)}`);
    }
  }
}
