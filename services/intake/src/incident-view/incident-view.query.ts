import {
  isUuid,
  problemOf,
  validationProblem,
  type IncidentPersonalDataErasedData,
  type IncidentReportedData,
  type IncidentView,
  type Problem,
} from '@bluehelm/contracts';
import { StreamNotFoundError, type EventStore, type RecordedEvent } from '@bluehelm/event-store';
import { EVENT_STORE } from '@bluehelm/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { INCIDENT_PERSONAL_DATA_ERASED, INCIDENT_REPORTED } from '../incidents/incident.events.js';
import { incidentStream } from '../incidents/incident.stream.js';

/** An incident as accepted: the IncidentReported data and when it was recorded. */
@Injectable()
export class IncidentViewQuery {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Answers a GetIncidentMessage: the view, 404 for an unknown incident, 422 for a bad message. */
  async viewOf(message: unknown): Promise<IncidentView | Problem> {
    const incidentId = (message as { incidentId?: unknown } | null)?.incidentId;
    if (typeof incidentId !== 'string') {
      return validationProblem([{ path: 'incidentId', message: 'incidentId must be a UUID' }]);
    }
    const events = isUuid(incidentId) ? await this.eventsOf(incidentId) : [];
    const reported = events.find((event) => event.type === INCIDENT_REPORTED);
    if (!reported) return problemOf('not-found', `There is no incident ${incidentId}.`);
    const recordedAt = reported.metadata['recordedAt'];
    const erasure = events.findLast((event) => event.type === INCIDENT_PERSONAL_DATA_ERASED)?.data as
      | IncidentPersonalDataErasedData
      | undefined;
    return {
      ...(reported.data as IncidentReportedData),
      recordedAt: typeof recordedAt === 'string' ? recordedAt : reported.createdAt,
      personalDataErasure: erasure === undefined ? null : { on: erasure.on, reason: erasure.reason },
    };
  }

  /** The incident stream's events; none for an incident nobody reported. */
  private async eventsOf(incidentId: string): Promise<RecordedEvent[]> {
    try {
      return await this.store.readStream(incidentStream(incidentId));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }
}
