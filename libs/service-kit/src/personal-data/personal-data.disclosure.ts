import { hasClearance, type Principal } from '@bluehelm/contracts';
import { holdsSealedValues, PersonalDataCipher } from '@bluehelm/personal-data';
import { Injectable } from '@nestjs/common';
import { AccessTrail, type ReadOfPersonalData } from '../access/access-trail.js';

/**
 * An answer as its reader may see it: sealed personal fields opened for readers with the
 * `personal-data` clearance (once the read is recorded in the access trail: a read that cannot
 * be recorded is not answered), `[redacted]` for everyone else.
 */
@Injectable()
export class PersonalDataDisclosure {
  constructor(
    private readonly cipher: PersonalDataCipher,
    private readonly trail: AccessTrail,
  ) {}

  async disclose<T>(principal: Principal, answer: T, read: ReadOfPersonalData, correlationId?: string): Promise<T> {
    if (!hasClearance(principal, 'personal-data')) return this.cipher.revealFields(answer, 'redact');
    if (!holdsSealedValues(answer)) return answer;
    await this.trail.recordRead(principal, read, correlationId);
    return this.cipher.revealFields(answer, 'clear');
  }
}
