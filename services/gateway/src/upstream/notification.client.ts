import {
  NOTIFICATION_SUBJECTS,
  type CreateFocalPointMessage,
  type CreateSubscriptionMessage,
  type NotificationResourceMessage,
  type RedeliverNotificationMessage,
  type RemoveNotificationResourceMessage,
} from '@bluehelm/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { isJsonObject, type ReplyCheck } from './reply-shapes.js';
import { requestPattern } from './service-reply.js';
import { SERVICES_CLIENT, type ServicesClient } from './services-client.provider.js';

const SERVICE = 'notification';

/** The resources of the notification API, by their key in NOTIFICATION_SUBJECTS. */
export type NotificationResource = keyof typeof NOTIFICATION_SUBJECTS;
/** Those a client registers and removes; notifications are made by the service alone. */
export type RegisteredResource = Exclude<NotificationResource, 'notifications'>;

/** The field of a created resource that holds its id, for the Location of the answer. */
const ID_FIELDS: { readonly [R in RegisteredResource]: string } = {
  focalPoints: 'focalPointId',
  subscriptions: 'subscriptionId',
};

/**
 * Requests to the notification service through its NestJS message patterns. Views pass through
 * as the service gives them (a created subscription with its secret, once).
 */
@Injectable()
export class NotificationClient {
  constructor(@Inject(SERVICES_CLIENT) private readonly client: ServicesClient) {}

  /** Answers the view with the id it was given, which the route needs for its Location. */
  async create(
    resource: RegisteredResource,
    message: CreateFocalPointMessage | CreateSubscriptionMessage,
  ): Promise<{ readonly view: Record<string, unknown>; readonly id: string }> {
    const idField = ID_FIELDS[resource];
    const view = await requestPattern(this.client, NOTIFICATION_SUBJECTS[resource].create, message, withTextField(idField), SERVICE);
    return { view, id: view[idField] as string };
  }

  list(resource: NotificationResource, query: object): Promise<Record<string, unknown>> {
    return requestPattern(this.client, NOTIFICATION_SUBJECTS[resource].list, query, isJsonObject, SERVICE);
  }

  get(resource: NotificationResource, id: string): Promise<Record<string, unknown>> {
    const message: NotificationResourceMessage = { id };
    return requestPattern(this.client, NOTIFICATION_SUBJECTS[resource].get, message, isJsonObject, SERVICE);
  }

  remove(resource: RegisteredResource, message: RemoveNotificationResourceMessage): Promise<Record<string, unknown>> {
    return requestPattern(this.client, NOTIFICATION_SUBJECTS[resource].delete, message, isJsonObject, SERVICE);
  }

  redeliver(message: RedeliverNotificationMessage): Promise<Record<string, unknown>> {
    return requestPattern(this.client, NOTIFICATION_SUBJECTS.notifications.redeliver, message, isJsonObject, SERVICE);
  }
}

function withTextField(field: string): ReplyCheck<Record<string, unknown>> {
  return (reply: unknown): reply is Record<string, unknown> => isJsonObject(reply) && typeof reply[field] === 'string' && reply[field] !== '';
}
