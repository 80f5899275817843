import { IsIn, Matches } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import type { MissionAcronym } from '../reference/missions.js';
import {
  FATALITY_GROUPINGS,
  IED_DETECTION_GROUPINGS,
  type FatalityGrouping,
  type IedDetectionGrouping,
} from '../views/analytics.views.js';
import { INCIDENT_CATEGORIES, type IncidentCategory } from '../vocabularies.js';
import { worldDatePattern } from '../world-dates/world-date.js';
import { IsAlpha3CountryCode } from './decorators/is-alpha3-country-code.decorator.js';
import { IsKnownMission } from './decorators/is-known-mission.decorator.js';
import { IsWorldDate } from './decorators/is-world-date.decorator.js';
import { OptionalField } from './decorators/presence.decorators.js';

/*
 * Query objects of the analytics service. Over HTTP they come from the query string; over NATS
 * they are the same fields as plain JSON strings.
 */

/**
 * `GET /v1/analytics/fatalities`. `from` and `to` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) name the
 * first and the last period of the range, both included. An incident dated only to a month or a
 * year is counted when its whole month or year lies inside the range.
 */
@JSONSchema({ title: 'Fatalities query' })
export class FatalitiesQuery {
  @OptionalField()
  @IsWorldDate({ precisions: ['year', 'month', 'day'], notInFuture: false })
  readonly from?: string;

  @OptionalField()
  @IsWorldDate({ precisions: ['year', 'month', 'day'], notInFuture: false })
  readonly to?: string;

  @OptionalField()
  @IsIn(INCIDENT_CATEGORIES)
  readonly category?: IncidentCategory;

  @OptionalField()
  @IsKnownMission()
  readonly mission?: MissionAcronym;

  @OptionalField()
  @IsAlpha3CountryCode()
  readonly hostState?: string;

  @OptionalField()
  @IsIn(FATALITY_GROUPINGS)
  readonly groupBy?: FatalityGrouping;
}

/** `GET /v1/analytics/ied-detection?mission=&groupBy=year`. */
@JSONSchema({ title: 'IED detection query' })
export class IedDetectionQuery {
  @OptionalField()
  @IsKnownMission()
  readonly mission?: MissionAcronym;

  @OptionalField()
  @IsIn(IED_DETECTION_GROUPINGS)
  readonly groupBy?: IedDetectionGrouping;
}

export const ACCOUNTABILITY_FORMATS = ['json', 'csv'] as const;
export type AccountabilityFormat = (typeof ACCOUNTABILITY_FORMATS)[number];

const DAY = worldDatePattern(['day']).slice(1, -1);
const TIME = '(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,9})?)?';
const ZONE = '(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)';

/** A calendar day, or a date-time with its zone (`Z` or `±hh:mm`): what `knownAt` accepts. */
export const KNOWN_AT_PATTERN = `^${DAY}(?:T${TIME}${ZONE})?$`;

/**
 * `GET /v1/reports/accountability`. `asOf` (a day) cuts by dates in the world; `knownAt` by when
 * facts were recorded: a day means the end of that day (UTC). Both default to now.
 */
@JSONSchema({ title: 'Accountability report query' })
export class AccountabilityQuery {
  @OptionalField()
  @IsWorldDate({ precisions: ['day'], notInFuture: false })
  readonly asOf?: string;

  @OptionalField()
  @Matches(new RegExp(KNOWN_AT_PATTERN), {
    message: 'knownAt must be a day (YYYY-MM-DD) or a date-time with its zone, such as 2024-05-01T12:00:00Z',
  })
  readonly knownAt?: string;

  @OptionalField()
  @IsAlpha3CountryCode()
  readonly hostState?: string;

  @OptionalField()
  @IsKnownMission()
  readonly mission?: MissionAcronym;

  @OptionalField()
  @IsIn(ACCOUNTABILITY_FORMATS)
  readonly format?: AccountabilityFormat;
}
