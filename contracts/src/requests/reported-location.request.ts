import { IsIn } from 'class-validator';
import { LOCATION_PRECISIONS, type LocationPrecision } from '../vocabularies.js';
import { NumberBetween } from './decorators/number-range.decorators.js';
import { Required } from './decorators/presence.decorators.js';
import { Text } from './decorators/text.decorator.js';
import { TEXT_LIMITS } from './request.limits.js';

/** Where an incident happened: a point (WGS 84) and how exactly it stands for the place. */
export class ReportedLocation {
  @Required()
  @Text(TEXT_LIMITS.short)
  readonly placeName!: string;

  @Required()
  @NumberBetween(-90, 90)
  readonly lat!: number;

  @Required()
  @NumberBetween(-180, 180)
  readonly lon!: number;

  /** `exact` for the spot itself, down to `country` when only the country is known. */
  @Required()
  @IsIn(LOCATION_PRECISIONS)
  readonly precision!: LocationPrecision;
}
