import {
  DELIVERY_ATTEMPT_OUTCOMES,
  DELIVERY_STATUSES,
  MISSION_ACRONYMS,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
} from '@bluehelm/contracts';
import type { SchemaObject } from '@nestjs/swagger';

/*
 * Schemas of the notification service's views (contracts/src/views/notification.views.ts),
 * which the gateway passes through unchanged.
 */

const uuid: SchemaObject = { type: 'string', format: 'uuid' };
const dateTime: SchemaObject = { type: 'string', format: 'date-time' };
const nullableDateTime = { type: ['string', 'null'], format: 'date-time' } as SchemaObject;
const texts: SchemaObject = { type: 'array', items: { type: 'string' } };
const ref = (name: string): SchemaObject => ({ $ref: `#/components/schemas/${name}` }) as SchemaObject;
const pageOf = (item: string): SchemaObject => ({
  type: 'object',
  required: ['items', 'total', 'limit', 'offset'],
  properties: { items: { type: 'array', items: ref(item) }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } },
});
const subscriptionProperties: Record<string, SchemaObject> = {
  subscriptionId: uuid,
  channel: { type: 'string', enum: [...NOTIFICATION_CHANNELS] },
  url: { type: 'string', format: 'uri', description: 'For a webhook' },
  email: { type: 'string', format: 'email', description: 'For an e-mail subscription' },
  filters: {
    type: 'object',
    required: ['missions', 'hostStates', 'nationalities', 'caseIds', 'eventTypes'],
    properties: { missions: texts, hostStates: texts, nationalities: texts, caseIds: texts, eventTypes: texts },
  },
  description: { type: 'string' },
  createdAt: dateTime,
  createdBy: { type: 'string' },
};
const subscriptionRequired = ['subscriptionId', 'channel', 'filters', 'createdAt', 'createdBy'];

export const NOTIFICATION_REPLY_SCHEMAS = {
  FocalPointView: {
    type: 'object',
    required: ['focalPointId', 'mission', 'name', 'email', 'role', 'registeredAt', 'registeredBy'],
    properties: {
      focalPointId: uuid,
      mission: { type: 'string', enum: [...MISSION_ACRONYMS] },
      name: { type: 'string', description: 'Personal data' },
      email: { type: 'string', format: 'email' },
      role: { type: 'string' },
      registeredAt: dateTime,
      registeredBy: { type: 'string' },
    },
  },
  FocalPointList: pageOf('FocalPointView'),
  SubscriptionView: { type: 'object', required: subscriptionRequired, properties: subscriptionProperties },
  CreatedSubscriptionView: {
    type: 'object',
    required: subscriptionRequired,
    properties: {
      ...subscriptionProperties,
      secret: { type: 'string', pattern: '^whsec_', description: 'A webhook’s signing secret (Standard Webhooks): shown only here' },
    },
  },
  SubscriptionList: pageOf('SubscriptionView'),
  RemovedResourceReply: { type: 'object', required: ['id', 'removed'], properties: { id: uuid, removed: { type: 'boolean', enum: [true] } } },
  DeliveryAttemptView: {
    type: 'object',
    required: ['number', 'startedAt', 'finishedAt', 'outcome'],
    properties: {
      number: { type: 'integer', minimum: 1 },
      startedAt: dateTime,
      finishedAt: nullableDateTime,
      outcome: { type: ['string', 'null'], enum: [...DELIVERY_ATTEMPT_OUTCOMES, null] } as SchemaObject,
      statusCode: { type: 'integer', description: 'The webhook receiver’s HTTP status' },
      smtpResponse: { type: 'string' },
      error: { type: 'string' },
    },
  },
  NotificationView: {
    type: 'object',
    required: ['notificationId', 'eventId', 'eventType', 'kind', 'channel', 'recipient', 'sources', 'status', 'attemptCount', 'attempts'],
    properties: {
      notificationId: { ...uuid, description: 'The webhook-id of a webhook, the Message-ID of an e-mail' },
      eventId: uuid,
      eventType: { type: 'string' },
      kind: { type: 'string', enum: [...NOTIFICATION_KINDS] },
      channel: { type: 'string', enum: [...NOTIFICATION_CHANNELS] },
      recipient: { type: 'string', description: 'The e-mail address or the webhook URL' },
      sources: {
        type: 'array',
        items: { type: 'object', required: ['kind', 'id'], properties: { kind: { type: 'string', enum: ['focal-point', 'subscription'] }, id: uuid } },
      },
      status: { type: 'string', enum: [...DELIVERY_STATUSES] },
      attemptCount: { type: 'integer' },
      attempts: { type: 'array', items: ref('DeliveryAttemptView') },
      nextAttemptAt: nullableDateTime,
      createdAt: dateTime,
      deliveredAt: nullableDateTime,
      deadAt: nullableDateTime,
      deadReason: { type: ['string', 'null'] } as SchemaObject,
      payload: { type: 'object' },
    },
  },
  NotificationList: pageOf('NotificationView'),
} satisfies Record<string, SchemaObject>;
