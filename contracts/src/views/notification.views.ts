/**
 * Replies of the notification service (see NOTIFICATION_SUBJECTS); the gateway hands them on
 * unchanged. Times are ISO 8601 date-times.
 */
import type { MissionAcronym } from '../reference/missions.js';
import type {
  DeliveryAttemptOutcome,
  DeliveryStatus,
  NotifiableEventType,
  NotificationChannel,
  NotificationKind,
} from '../requests/notification.vocabularies.js';

export interface FocalPointView {
  readonly focalPointId: string;
  readonly mission: MissionAcronym;
  /** Personal data. */
  readonly name: string;
  readonly email: string;
  readonly role: string;
  readonly registeredAt: string;
  readonly registeredBy: string;
}

export interface SubscriptionFiltersView {
  readonly missions: readonly string[];
  readonly hostStates: readonly string[];
  readonly nationalities: readonly string[];
  readonly caseIds: readonly string[];
  readonly eventTypes: readonly NotifiableEventType[];
}

export interface SubscriptionView {
  readonly subscriptionId: string;
  readonly channel: NotificationChannel;
  /** For a webhook. */
  readonly url?: string;
  /** For an e-mail subscription. */
  readonly email?: string;
  readonly filters: SubscriptionFiltersView;
  readonly description?: string;
  readonly createdAt: string;
  readonly createdBy: string;
}

/**
 * The answer to creating a webhook subscription: the only time its signing secret (`whsec_` and
 * the base64 key, per Standard Webhooks) is shown. E-mail subscriptions have no secret.
 */
export interface CreatedSubscriptionView extends SubscriptionView {
  readonly secret?: string;
}

export interface NotificationPage<Item> {
  readonly items: readonly Item[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

export type FocalPointList = NotificationPage<FocalPointView>;
export type SubscriptionList = NotificationPage<SubscriptionView>;

/** The answer to a DELETE: the resource is gone from then on (its history stays in the event log). */
export interface RemovedResourceReply {
  readonly id: string;
  readonly removed: true;
}

/** Why a recipient gets a notification: a focal point of the mission, or a matching subscription. */
export interface NotificationSourceView {
  readonly kind: 'focal-point' | 'subscription';
  readonly id: string;
}

export interface DeliveryAttemptView {
  /** 1-based, counted over the delivery's whole life (a redelivery continues the count). */
  readonly number: number;
  readonly startedAt: string;
  /** Null while the attempt runs. */
  readonly finishedAt: string | null;
  /** Null while the attempt runs. */
  readonly outcome: DeliveryAttemptOutcome | null;
  /** The webhook receiver's HTTP status. */
  readonly statusCode?: number;
  /** The SMTP server's last reply. */
  readonly smtpResponse?: string;
  readonly error?: string;
}

/**
 * One entry of the delivery log: one notification of one event to one recipient. `notificationId`
 * is derived from (eventId, recipient), and is the `webhook-id` header of a webhook and the
 * Message-ID of an e-mail, so that a receiver can drop a copy sent again after a crash.
 */
export interface NotificationView {
  readonly notificationId: string;
  /** The event that caused it; for a stall reminder, the reminder's own id (one per case and period). */
  readonly eventId: string;
  readonly eventType: string;
  readonly kind: NotificationKind;
  readonly channel: NotificationChannel;
  /** The e-mail address or the webhook URL. */
  readonly recipient: string;
  readonly sources: readonly NotificationSourceView[];
  readonly status: DeliveryStatus;
  readonly attemptCount: number;
  readonly attempts: readonly DeliveryAttemptView[];
  /** When the next attempt is due (pending only). */
  readonly nextAttemptAt: string | null;
  readonly createdAt: string;
  readonly deliveredAt: string | null;
  readonly deadAt: string | null;
  readonly deadReason: string | null;
  /** What is sent: the webhook body's `data`, and what the e-mail says. */
  readonly payload: Readonly<Record<string, unknown>>;
}

/** The delivery log, newest first; items carry their attempts. */
export type NotificationList = NotificationPage<NotificationView>;
