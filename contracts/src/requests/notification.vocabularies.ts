import { CASE_EVENT_TYPES, type CaseEventType } from '../events/case-events.js';
import { INCIDENT_REPORTED } from '../events/incident-events.js';

/** How a subscription is reached. Focal points are always reached by e-mail. */
export const NOTIFICATION_CHANNELS = ['webhook', 'email'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/**
 * What a notification is about: a fatality (an IncidentReported with a casualty killed), a step
 * of a case (any case event), or a reminder that a case has had no step for the stall period.
 */
export const NOTIFICATION_KINDS = ['fatality', 'case-step', 'stall-reminder'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * A delivery is `pending` until it is `delivered` or, after the last allowed attempt, `dead`
 * (a dead letter, which can be sent again on request).
 */
export const DELIVERY_STATUSES = ['pending', 'delivered', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The outcome of one attempt; `interrupted` when the service stopped during it (a crash). */
export const DELIVERY_ATTEMPT_OUTCOMES = ['delivered', 'failed', 'interrupted'] as const;
export type DeliveryAttemptOutcome = (typeof DELIVERY_ATTEMPT_OUTCOMES)[number];

/** The event types a subscription may filter on: every type that can cause a notification. */
export type NotifiableEventType = typeof INCIDENT_REPORTED | CaseEventType;
export const NOTIFIABLE_EVENT_TYPES: readonly NotifiableEventType[] = [INCIDENT_REPORTED, ...CASE_EVENT_TYPES];

/** The type of a webhook payload (`{ type, timestamp, data }`, as Standard Webhooks recommends). */
export const WEBHOOK_PAYLOAD_TYPES: { readonly [K in NotificationKind]: string } = {
  fatality: 'fatality.reported',
  'case-step': 'case.step-recorded',
  'stall-reminder': 'case.stalled',
};
