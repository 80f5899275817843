import { randomUUID } from 'node:crypto';
import { accessStreamOf, PERSONAL_DATA_READ, type PersonalDataReadData, type Principal } from '@bluehelm/contracts';
import { appendToChain, type DomainEvent } from '@bluehelm/event-sourcing';
import type { EventStore } from '@bluehelm/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '../event-store/open-event-store.js';

type PersonalDataRead = DomainEvent<typeof PERSONAL_DATA_READ, PersonalDataReadData>;

export interface ReadOfPersonalData {
  readonly resource: PersonalDataReadData['resource'];
  readonly resourceId: string;
  readonly view: PersonalDataReadData['view'];
  readonly reason?: string | undefined;
}

/**
 * Appends a PersonalDataRead, hash-chained like every stream (reading only its last event), to
 * `access-<resource id>` before a cleared reader gets plaintext: a read that cannot be recorded
 * is not answered.
 */
@Injectable()
export class AccessTrail {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async recordRead(principal: Principal, read: ReadOfPersonalData, correlationId?: string): Promise<void> {
    const data: PersonalDataReadData = {
      resource: read.resource,
      resourceId: read.resourceId,
      view: read.view,
      roles: principal.roles,
      clearances: principal.clearances,
      ...(read.reason !== undefined && read.reason.trim() !== '' && { reason: read.reason.trim().slice(0, 500) }),
    };
    const event: PersonalDataRead = { type: PERSONAL_DATA_READ, data };
    await appendToChain(this.store, accessStreamOf(read.resourceId), [event], {
      actor: principal.sub,
      correlationId: correlationId ?? randomUUID(),
      now: new Date(),
      newEventId: randomUUID,
    });
  }
}
