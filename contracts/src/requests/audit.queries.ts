import { Type } from 'class-transformer';
import { IsIn, Matches } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { UUID_PATTERN } from '../identity/uuid-text.js';
import { ACCESS_TRAIL_ACTIONS, type AccessTrailAction } from '../views/audit.views.js';
import { KNOWN_AT_PATTERN } from './analytics.queries.js';
import { IntegerBetween } from './decorators/number-range.decorators.js';
import { OptionalField } from './decorators/presence.decorators.js';
import { Text } from './decorators/text.decorator.js';
import { TEXT_LIMITS } from './request.limits.js';

/*
 * Query objects of the audit views. Over HTTP they come from the query string, so numbers arrive
 * as text and are converted (`Type(() => Number)`); over NATS they are the same fields as JSON.
 */

export const ACCESS_TRAIL_PAGE = {
  defaultLimit: 100,
  maxLimit: 500,
} as const;

const INSTANT_MESSAGE = 'must be a day (YYYY-MM-DD) or a date-time with its zone, such as 2024-05-01T12:00:00Z';

/**
 * `GET /v1/audit/access?actor=&resourceId=&action=&from=&to=&limit=&after=`: the access trail,
 * one page in log order. `from` and `to` cut by when each event was recorded: `from` included,
 * `to` excluded, a day meaning its first instant in UTC, so `from=2024-05-01&to=2024-05-02` is
 * the whole of 1 May (UTC) and consecutive ranges never share an entry. `to` must come after
 * `from`. `after` is the `next` of the previous page.
 */
@JSONSchema({ title: 'Access trail query' })
export class AccessTrailQuery {
  @OptionalField()
  @Text(TEXT_LIMITS.short)
  @JSONSchema({ description: 'Who: the token subject (or system name) recorded as the actor, exactly.' })
  readonly actor?: string;

  @OptionalField()
  @Matches(new RegExp(UUID_PATTERN), { message: '$property must be a UUID' })
  @JSONSchema({ description: 'What: the id of the case, incident or other resource written, read or erased.' })
  readonly resourceId?: string;

  @OptionalField()
  @IsIn(ACCESS_TRAIL_ACTIONS)
  readonly action?: AccessTrailAction;

  @OptionalField()
  @Matches(new RegExp(KNOWN_AT_PATTERN), { message: `from ${INSTANT_MESSAGE}` })
  @JSONSchema({ description: 'Recorded at or after this instant; a day means its start (00:00 UTC).' })
  readonly from?: string;

  @OptionalField()
  @Matches(new RegExp(KNOWN_AT_PATTERN), { message: `to ${INSTANT_MESSAGE}` })
  @JSONSchema({ description: 'Recorded before this instant; a day means its start (00:00 UTC), so that day is left out.' })
  readonly to?: string;

  @OptionalField()
  @Type(() => Number)
  @IntegerBetween(1, ACCESS_TRAIL_PAGE.maxLimit)
  @JSONSchema({ default: ACCESS_TRAIL_PAGE.defaultLimit })
  readonly limit: number = ACCESS_TRAIL_PAGE.defaultLimit;

  @OptionalField()
  @Type(() => Number)
  @IntegerBetween(0, Number.MAX_SAFE_INTEGER)
  @JSONSchema({ description: 'Only entries after this log position: the `next` of the previous page.' })
  readonly after?: number;
}
