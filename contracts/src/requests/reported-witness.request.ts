import { OptionalField, Required } from './decorators/presence.decorators.js';
import { Text } from './decorators/text.decorator.js';
import { TEXT_LIMITS } from './request.limits.js';

/**
 * Someone who saw the incident. Both fields are personal data: stored encrypted, shown only to
 * readers with the `personal-data` clearance, and destroyed with the case's key on erasure.
 */
export class ReportedWitness {
  @Required()
  @Text(TEXT_LIMITS.short)
  readonly name!: string;

  /** How to reach the witness (a phone number, an address, a unit). */
  @OptionalField()
  @Text(TEXT_LIMITS.short)
  readonly contact?: string;
}
