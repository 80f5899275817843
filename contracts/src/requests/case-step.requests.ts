import { IsBoolean, IsIn, Matches } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { UUID_PATTERN } from '../identity/uuid-text.js';
import {
  ACCUSED_KINDS,
  PERSON_STEPS,
  SUPPORT_KINDS,
  type AccusedKind,
  type PersonStep,
  type SupportKind,
} from '../vocabularies.js';
import { OptionalField, Required } from './decorators/presence.decorators.js';
import { StepDate } from './decorators/step-date.decorator.js';
import { Text } from './decorators/text.decorator.js';
import { TEXT_LIMITS } from './request.limits.js';

/*
 * Bodies of the case step requests (`POST /v1/cases/:id/...`). Each carries `on`, the day the
 * step happened in the world, which may lie well before the day it is recorded.
 */

/** `POST /v1/cases/:id/referral`: the case was referred to the host state's justice system. */
@JSONSchema({ title: 'Referral to the host state' })
export class ReferralRequest {
  @StepDate()
  readonly on!: string;

  @Required()
  @Text(TEXT_LIMITS.short)
  @JSONSchema({ description: 'The authority the case was referred to, such as a public prosecutor.' })
  readonly authority!: string;
}

/** `POST /v1/cases/:id/investigation`: an investigation was opened. */
@JSONSchema({ title: 'Investigation opened' })
export class InvestigationRequest {
  @StepDate()
  readonly on!: string;

  @Required()
  @Text(TEXT_LIMITS.short)
  readonly authority!: string;
}

/** `POST /v1/cases/:id/accused`: a suspect was identified; the answer carries the new `personId`. */
@JSONSchema({ title: 'Accused person identified' })
export class AddAccusedRequest {
  @StepDate()
  readonly on!: string;

  /** Personal data when kind is individual. */
  @Required()
  @Text(TEXT_LIMITS.short)
  readonly name!: string;

  @Required()
  @IsIn(ACCUSED_KINDS)
  readonly kind!: AccusedKind;

  @OptionalField()
  @Text(TEXT_LIMITS.short)
  readonly affiliation?: string;
}

/** `POST /v1/cases/:id/accused/:personId/steps`: a step in the proceedings against one accused. */
@JSONSchema({ title: 'Step of an accused person' })
export class AccusedStepRequest {
  @StepDate()
  readonly on!: string;

  @Required()
  @IsIn(PERSON_STEPS)
  readonly stage!: PersonStep;

  @OptionalField()
  @IsBoolean()
  @JSONSchema({ description: 'The accused was tried, convicted or sentenced without being present.' })
  readonly inAbsentia?: boolean;

  @OptionalField()
  @Text(TEXT_LIMITS.short)
  readonly court?: string;

  @OptionalField()
  @Text(TEXT_LIMITS.short)
  @JSONSchema({ description: 'The sentence as pronounced, such as "10 years" or "life imprisonment".' })
  readonly sentence?: string;

  @OptionalField()
  @Text(TEXT_LIMITS.long)
  readonly note?: string;
}

/** `POST /v1/cases/:id/support`: UN capacity-building support given to the host state for the case. */
@JSONSchema({ title: 'Support action' })
export class SupportActionRequest {
  @StepDate()
  readonly on!: string;

  @Required()
  @IsIn(SUPPORT_KINDS)
  readonly kind!: SupportKind;

  @Required()
  @Text(TEXT_LIMITS.short)
  @JSONSchema({ description: 'Who gave the support, such as a mission section or a UN agency.' })
  readonly provider!: string;

  @OptionalField()
  @Text(TEXT_LIMITS.long)
  readonly description?: string;
}

/** `POST /v1/cases/:id/incidents`: another incident is tried in the same case. */
@JSONSchema({ title: 'Incident linked to a case' })
export class LinkIncidentRequest {
  @StepDate()
  readonly on!: string;

  @Required()
  @Matches(new RegExp(UUID_PATTERN), { message: '$property must be a UUID' })
  readonly incidentId!: string;
}

/** `POST /v1/cases/:id/closure`. */
@JSONSchema({ title: 'Case closed' })
export class ClosureRequest {
  @StepDate()
  readonly on!: string;

  @Required()
  @Text(TEXT_LIMITS.long)
  readonly reason!: string;
}

/** `POST /v1/cases/:id/erase-personal-data` (admin): why the case's personal data is destroyed. */
@JSONSchema({ title: 'Erasure of a case\'s personal data' })
export class ErasePersonalDataRequest {
  @Required()
  @Text(TEXT_LIMITS.long)
  @JSONSchema({ description: 'Why, as the access trail and the case history will say (a court order, a retention rule...).' })
  readonly reason!: string;
}
