import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsUrl, Matches, ValidateIf } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { UUID_PATTERN } from '../identity/uuid-text.js';
import { ALPHA3_COUNTRY_CODES } from '../reference/country-codes.js';
import { MISSION_ACRONYMS } from '../reference/mission-lookup.js';
import type { MissionAcronym } from '../reference/missions.js';
import { IsKnownMission } from './decorators/is-known-mission.decorator.js';
import { NestedObject } from './decorators/nested.decorators.js';
import { IntegerBetween } from './decorators/number-range.decorators.js';
import { OnlyWhen } from './decorators/only-when.decorator.js';
import { OptionalField, Required } from './decorators/presence.decorators.js';
import { Text } from './decorators/text.decorator.js';
import {
  DELIVERY_STATUSES,
  NOTIFIABLE_EVENT_TYPES,
  NOTIFICATION_CHANNELS,
  type DeliveryStatus,
  type NotifiableEventType,
  type NotificationChannel,
} from './notification.vocabularies.js';
import { TEXT_LIMITS } from './request.limits.js';

/*
 * Bodies and queries of the notification API (`/v1/focal-points`, `/v1/subscriptions`,
 * `/v1/notifications`), validated by the gateway at the edge and again by the service.
 */

export const NOTIFICATION_LIMITS = {
  /** Items of one subscription filter list. */
  filterItems: 200,
  email: 254,
  url: 2_000,
} as const;

export const NOTIFICATION_PAGE = {
  defaultLimit: 50,
  maxLimit: 500,
  maxOffset: 1_000_000,
} as const;

/** A bounded list whose every item must be one of `allowed`. */
function ListOf(allowed: readonly string[], itemMessage: string): PropertyDecorator {
  return (target, propertyName) => {
    IsArray({ message: '$property must be a JSON array' })(target, propertyName);
    ArrayMaxSize(NOTIFICATION_LIMITS.filterItems, {
      message: `$property may hold at most ${NOTIFICATION_LIMITS.filterItems} items`,
    })(target, propertyName);
    IsIn(allowed, { each: true, message: `each item of $property must be ${itemMessage}` })(target, propertyName);
  };
}

/** A field that the request must carry when `siblingField` is `siblingValue`, and may not carry otherwise. */
function RequiredOnlyWhen(siblingField: string, siblingValue: string): PropertyDecorator {
  return (target, propertyName) => {
    ValidateIf((object: object, value: unknown) => value !== undefined || (object as Record<string, unknown>)[siblingField] === siblingValue)(
      target,
      propertyName,
    );
    Required()(target, propertyName);
    OnlyWhen(siblingField, siblingValue)(target, propertyName);
  };
}

/** `POST /v1/focal-points`: a person of a mission who is told about its fatalities and stalled cases. */
@JSONSchema({ title: 'Focal point' })
export class CreateFocalPointRequest {
  @Required()
  @IsKnownMission()
  readonly mission!: MissionAcronym;

  /** Personal data. */
  @Required()
  @Text(TEXT_LIMITS.short)
  readonly name!: string;

  @Required()
  @IsEmail({}, { message: '$property must be an e-mail address' })
  @Text(NOTIFICATION_LIMITS.email)
  readonly email!: string;

  @Required()
  @Text(TEXT_LIMITS.short)
  @JSONSchema({ description: 'What the person does for the mission, such as "mission focal point" or "legal officer".' })
  readonly role!: string;
}

/**
 * What a subscription wants to hear about. A notification matches when it matches every list
 * given (AND across lists, any item within a list); a list left out or empty matches anything.
 */
@JSONSchema({ title: 'Subscription filters' })
export class SubscriptionFiltersRequest {
  @OptionalField()
  @ListOf(MISSION_ACRONYMS, 'the acronym of a known mission, such as MINUSMA')
  readonly missions?: MissionAcronym[];

  @OptionalField()
  @ListOf(ALPHA3_COUNTRY_CODES, 'an ISO 3166-1 alpha-3 country code in capitals, such as MLI')
  readonly hostStates?: string[];

  @OptionalField()
  @ListOf(ALPHA3_COUNTRY_CODES, 'an ISO 3166-1 alpha-3 country code in capitals, such as SEN')
  @JSONSchema({ description: "Victims' nationalities (troop- and police-contributing countries)." })
  readonly nationalities?: string[];

  @OptionalField()
  @IsArray({ message: '$property must be a JSON array' })
  @ArrayMaxSize(NOTIFICATION_LIMITS.filterItems, { message: `$property may hold at most ${NOTIFICATION_LIMITS.filterItems} items` })
  @Matches(new RegExp(UUID_PATTERN), { each: true, message: 'each item of $property must be a UUID' })
  readonly caseIds?: string[];

  @OptionalField()
  @ListOf(NOTIFIABLE_EVENT_TYPES, 'IncidentReported or the type of a case event, such as AccusedConvicted')
  readonly eventTypes?: NotifiableEventType[];
}

/** `POST /v1/subscriptions`: a webhook (signed per Standard Webhooks) or an e-mail address. */
@JSONSchema({ title: 'Subscription' })
export class CreateSubscriptionRequest {
  @Required()
  @IsIn(NOTIFICATION_CHANNELS)
  readonly channel!: NotificationChannel;

  @RequiredOnlyWhen('channel', 'webhook')
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false, require_valid_protocol: true },
    { message: '$property must be an http or https URL' },
  )
  @Text(NOTIFICATION_LIMITS.url)
  readonly url?: string;

  @RequiredOnlyWhen('channel', 'email')
  @IsEmail({}, { message: '$property must be an e-mail address' })
  @Text(NOTIFICATION_LIMITS.email)
  readonly email?: string;

  @OptionalField()
  @NestedObject(() => SubscriptionFiltersRequest)
  readonly filters?: SubscriptionFiltersRequest;

  @OptionalField()
  @Text(TEXT_LIMITS.short)
  @JSONSchema({ description: 'Who the subscriber is, such as "Permanent Mission of Senegal, military adviser".' })
  readonly description?: string;
}

/** The paging every notification list query shares: `limit` and `offset`. */
export class NotificationPageQuery {
  @OptionalField()
  @Type(() => Number)
  @IntegerBetween(1, NOTIFICATION_PAGE.maxLimit)
  readonly limit: number = NOTIFICATION_PAGE.defaultLimit;

  @OptionalField()
  @Type(() => Number)
  @IntegerBetween(0, NOTIFICATION_PAGE.maxOffset)
  readonly offset: number = 0;
}

/** `GET /v1/focal-points?mission=&limit=&offset=`. */
@JSONSchema({ title: 'Focal point list query' })
export class FocalPointListQuery extends NotificationPageQuery {
  @OptionalField()
  @IsKnownMission()
  readonly mission?: MissionAcronym;
}

/** `GET /v1/subscriptions?channel=&mission=&limit=&offset=`; `mission` keeps those whose filters name it. */
@JSONSchema({ title: 'Subscription list query' })
export class SubscriptionListQuery extends NotificationPageQuery {
  @OptionalField()
  @IsIn(NOTIFICATION_CHANNELS)
  readonly channel?: NotificationChannel;

  @OptionalField()
  @IsKnownMission()
  readonly mission?: MissionAcronym;
}

/** `GET /v1/notifications?status=&recipient=&eventId=&limit=&offset=`: the delivery log, newest first. */
@JSONSchema({ title: 'Notification list query' })
export class NotificationListQuery extends NotificationPageQuery {
  @OptionalField()
  @IsIn(DELIVERY_STATUSES)
  readonly status?: DeliveryStatus;

  @OptionalField()
  @Text(NOTIFICATION_LIMITS.url)
  @JSONSchema({ description: 'An e-mail address, a webhook URL, or a focal point or subscription id.' })
  readonly recipient?: string;

  @OptionalField()
  @Matches(new RegExp(UUID_PATTERN), { message: '$property must be a UUID' })
  readonly eventId?: string;
}
