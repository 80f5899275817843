import { randomUUID } from 'node:crypto';
import { accessStreamOf, PERSONAL_DATA_READ, type PersonalDataReadData, type Principal } from '@bluehelm/contracts';
import { handleCommand, type Decider, type DomainEvent } from '@bluehelm/event-sourcing';
import type { EventStore } from '@bluehelm/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '../event-store/open-event-store.js';

type PersonalDataRead = DomainEvent<typeof PERSONAL_DATA_READ, PersonalDataReadData>;
type RecordRead = { readonly type: 'RecordRead'; readonly data: PersonalDataReadData };

/** Every read is recorded; the stream keeps no state beyond its hash chain. */
const accessDecider: Decider<RecordRead, PersonalDataRead, null> = {
  decide: (command) => [{ type: PERSONAL_DATA_READ, data: command.data }],
  evolve: (state) => state,
  initialState: () => null,
};

export interface ReadOfPersonalData {
  readonly resource: PersonalDataReadData['resource'];
  readonly resourceId: string;
  readonly view: PersonalDataReadData['view'];
  readonly reason?: string | undefined;
}

/**
 * Appends a PersonalDataRead, hash-chained like every stream, to `access-<resource id>` before
 * a cleared reader gets plaintext: a read that cannot be recorded is not answered.
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
    await handleCommand(this.store, {
      streamName: accessStreamOf(read.resourceId),
      decider: accessDecider,
      command: { type: 'RecordRead', data },
      context: { actor: principal.sub, correlationId: correlationId ?? randomUUID(), now: new Date(), newEventId: randomUUID },
    });
  }
}
