import { IsIn } from 'class-validator';
import { CASUALTY_OUTCOMES, PERSONNEL_TYPES, type CasualtyOutcome, type PersonnelType } from '../vocabularies.js';
import { IsAlpha3CountryCode } from './decorators/is-alpha3-country-code.decorator.js';
import { OptionalField, Required } from './decorators/presence.decorators.js';
import { Text } from './decorators/text.decorator.js';
import { TEXT_LIMITS } from './request.limits.js';

/** A member of UN personnel harmed in an incident. */
export class ReportedCasualty {
  @Required()
  @IsIn(PERSONNEL_TYPES)
  readonly personnelType!: PersonnelType;

  @Required()
  @IsAlpha3CountryCode()
  readonly nationality!: string;

  @Required()
  @IsIn(CASUALTY_OUTCOMES)
  readonly outcome!: CasualtyOutcome;

  /** Personal data: only readers with the `personal-data` clearance see it. */
  @OptionalField()
  @Text(TEXT_LIMITS.short)
  readonly name?: string;
}
