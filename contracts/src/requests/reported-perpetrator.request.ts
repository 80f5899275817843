import { IsIn } from 'class-validator';
import { PERPETRATOR_KINDS, type PerpetratorKind } from '../vocabularies.js';
import { OptionalField, Required } from './decorators/presence.decorators.js';
import { Text } from './decorators/text.decorator.js';
import { TEXT_LIMITS } from './request.limits.js';

/** An alleged perpetrator: a person or a group, named when known. */
export class ReportedPerpetrator {
  @OptionalField()
  @Text(TEXT_LIMITS.short)
  readonly name?: string;

  @Required()
  @IsIn(PERPETRATOR_KINDS)
  readonly kind!: PerpetratorKind;

  @OptionalField()
  @Text(TEXT_LIMITS.short)
  readonly affiliation?: string;
}
