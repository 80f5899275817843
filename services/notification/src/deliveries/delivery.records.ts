import type {
  DeliveryAttemptOutcome,
  DeliveryStatus,
  NotificationChannel,
  NotificationKind,
  NotificationSourceView,
} from '@bluehelm/contracts';

/** A delivery taken by one sender for one attempt (its lease keeps other replicas off it). */
export interface ClaimedDelivery {
  readonly deliveryId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly kind: NotificationKind;
  readonly channel: NotificationChannel;
  readonly address: string;
  readonly subscriptionId: string | null;
  /** The webhook body (`{ type, timestamp, data }`), as stored: the same bytes on every attempt. */
  readonly body: string;
  /** 1-based over the delivery's life. */
  readonly attemptNumber: number;
  /** 1-based within the current round. */
  readonly roundAttempt: number;
}

/** What an attempt's receiver answered. */
export interface AttemptReport {
  readonly statusCode?: number;
  readonly smtpResponse?: string;
  readonly error?: string;
}

export interface DeliveryRow {
  readonly delivery_id: string;
  readonly event_id: string;
  readonly recipient_key: string;
  readonly event_type: string;
  readonly kind: NotificationKind;
  readonly channel: NotificationChannel;
  readonly address: string;
  readonly subscription_id: string | null;
  readonly sources: string;
  readonly payload: string;
  readonly status: DeliveryStatus;
  readonly attempt_count: number;
  readonly round_attempts: number;
  readonly next_attempt_at: string;
  readonly created_at: string;
  readonly delivered_at: string | null;
  readonly dead_at: string | null;
  readonly dead_reason: string | null;
}

export interface AttemptRow {
  readonly delivery_id: string;
  readonly number: number;
  readonly started_at: string;
  readonly finished_at: string | null;
  readonly outcome: DeliveryAttemptOutcome | null;
  readonly status_code: number | null;
  readonly smtp_response: string | null;
  readonly error: string | null;
}

export type SourcesJson = readonly NotificationSourceView[];
