/**
 * Messages of the notification subjects (NOTIFICATION_SUBJECTS). Commands carry who asked
 * (`actor`, recorded in the event log) and the request's correlation id; bodies are the plain
 * JSON of the HTTP request, validated by the service with the request classes of
 * notification.requests.ts. Queries are the query objects themselves (FocalPointListQuery,
 * SubscriptionListQuery, NotificationListQuery) as plain JSON.
 */

/** `POST /v1/focal-points`: `body` is a CreateFocalPointRequest. */
export interface CreateFocalPointMessage {
  readonly actor: string;
  readonly correlationId?: string;
  readonly body: unknown;
}

/** `POST /v1/subscriptions`: `body` is a CreateSubscriptionRequest. */
export interface CreateSubscriptionMessage {
  readonly actor: string;
  readonly correlationId?: string;
  readonly body: unknown;
}

/** `GET /v1/focal-points/:id`, `/v1/subscriptions/:id`, `/v1/notifications/:id`. */
export interface NotificationResourceMessage {
  readonly id: string;
}

/** `DELETE /v1/focal-points/:id`, `DELETE /v1/subscriptions/:id`. */
export interface RemoveNotificationResourceMessage {
  readonly id: string;
  readonly actor: string;
  readonly correlationId?: string;
}

/** `POST /v1/notifications/:id/redeliver`: sends a dead letter again (only a dead one). */
export interface RedeliverNotificationMessage {
  readonly id: string;
  readonly actor: string;
  readonly correlationId?: string;
}
