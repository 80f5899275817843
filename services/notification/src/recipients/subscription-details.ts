import type { CreateSubscriptionRequest } from '@bluehelm/contracts';
import type { SubscriptionDetails } from './subscription.events.js';

/** Sorted and without repeats, so that equal filters are stored alike. */
function setOf<T extends string>(items: readonly T[] | undefined): T[] {
  return [...new Set(items ?? [])].sort();
}

/** What a validated request records: every filter list present, case ids in lower case. */
export function subscriptionDetailsOf(subscriptionId: string, request: CreateSubscriptionRequest): SubscriptionDetails {
  const filters = request.filters;
  return {
    subscriptionId,
    channel: request.channel,
    ...(request.channel === 'webhook' && request.url !== undefined ? { url: request.url } : {}),
    ...(request.channel === 'email' && request.email !== undefined ? { email: request.email } : {}),
    filters: {
      missions: setOf(filters?.missions),
      hostStates: setOf(filters?.hostStates),
      nationalities: setOf(filters?.nationalities),
      caseIds: setOf(filters?.caseIds?.map((caseId) => caseId.toLowerCase())),
      eventTypes: setOf(filters?.eventTypes),
    },
    ...(request.description === undefined ? {} : { description: request.description }),
  };
}
