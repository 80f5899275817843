// Events of the log as the access trail reads them, with the metadata the event-sourcing kit writes.
import { randomUUID } from 'node:crypto';
import type { PersonalDataReadData } from '@bluehelm/contracts';
import type { LogEvent } from '../projection/log-event.js';

export interface Recorded {
  readonly actor?: string;
  readonly recordedAt: string;
  readonly correlationId?: string;
}

/** An event at `position`; metadata fields left out of `recorded` are left out of the metadata. */
export function logEvent(position: number, streamName: string, type: string, data: unknown, recorded: Recorded): LogEvent {
  return {
    id: randomUUID(),
    streamName,
    type,
    data,
    metadata: {
      recordedAt: recorded.recordedAt,
      ...(recorded.actor !== undefined && { actor: recorded.actor }),
      ...(recorded.correlationId !== undefined && { correlationId: recorded.correlationId }),
    },
    position,
    createdAt: recorded.recordedAt,
  };
}

export function personalDataRead(
  position: number,
  read: Pick<PersonalDataReadData, 'resource' | 'resourceId'> & { readonly reason?: string },
  recorded: Recorded,
): LogEvent {
  const data: PersonalDataReadData = {
    view: read.resource,
    roles: ['case-officer'],
    clearances: ['personal-data'],
    ...read,
  };
  return logEvent(position, `access-${read.resourceId}`, 'PersonalDataRead', data, recorded);
}

export function personalDataErased(position: number, caseId: string, reason: string, recorded: Recorded): LogEvent {
  return logEvent(position, `case-${caseId}`, 'PersonalDataErased', { on: '2024-05-03', reason, keysDestroyed: 2 }, recorded);
}
