import { Type } from 'class-transformer';
import { IsIn } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import type { MissionAcronym } from '../reference/missions.js';
import { CASE_STAGES, type CaseStage } from '../vocabularies.js';
import { IsAlpha3CountryCode } from './decorators/is-alpha3-country-code.decorator.js';
import { IsKnownMission } from './decorators/is-known-mission.decorator.js';
import { IsWorldDate } from './decorators/is-world-date.decorator.js';
import { IntegerBetween } from './decorators/number-range.decorators.js';
import { OptionalField } from './decorators/presence.decorators.js';
import { CASE_LIST_PAGE } from './request.limits.js';

/*
 * Query objects. Over HTTP they come from the query string, so numbers arrive as text and are
 * converted (`Type(() => Number)`); over NATS they are plain JSON. Unlike request bodies, the
 * instances carry their defaults.
 */

/** `GET /v1/cases?hostState=&mission=&stage=&limit=&offset=`: cases in a stable order, one page. */
@JSONSchema({ title: 'Case list query' })
export class CaseListQuery {
  @OptionalField()
  @IsAlpha3CountryCode()
  readonly hostState?: string;

  @OptionalField()
  @IsKnownMission()
  readonly mission?: MissionAcronym;

  @OptionalField()
  @IsIn(CASE_STAGES)
  readonly stage?: CaseStage;

  @OptionalField()
  @Type(() => Number)
  @IntegerBetween(1, CASE_LIST_PAGE.maxLimit)
  @JSONSchema({ default: CASE_LIST_PAGE.defaultLimit })
  readonly limit: number = CASE_LIST_PAGE.defaultLimit;

  @OptionalField()
  @Type(() => Number)
  @IntegerBetween(0, CASE_LIST_PAGE.maxOffset)
  @JSONSchema({ default: 0, description: 'How many cases of the ordered list to skip.' })
  readonly offset: number = 0;
}

/** `?asOf=YYYY-MM-DD`: the state as it stood at the end of that day in the world. */
@JSONSchema({ title: 'As-of query' })
export class AsOfQuery {
  @OptionalField()
  @IsWorldDate({ precisions: ['day'], notInFuture: false })
  readonly asOf?: string;
}
