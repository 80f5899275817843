import {
  isUuid,
  problemOf,
  validationProblem,
  type IncidentReportedData,
  type IncidentView,
  type Problem,
} from '@bluehelm/contracts';
import { StreamNotFoundError, type EventStore, type RecordedEvent } from '@bluehelm/event-store';
import { EVENT_STORE } from '@bluehelm/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { INCIDENT_REPORTED } from '../incidents/incident.events.js';
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
    const reported = isUuid(incidentId) ? await this.reportedEventOf(incidentId) : undefined;
    if (!reported) return problemOf('not-found', `There is no incident ${incidentId}.`);
    const recordedAt = reported.metadata['recordedAt'];
    return {
      ...(reported.data as IncidentReportedData),
      recordedAt: typeof recordedAt === 'string' ? recordedAt : reported.createdAt,
    };
  }

  private async reportedEventOf(incidentId: string): Promise<RecordedEvent | undefined> {
    try {
      const events = await this.store.readStream(incidentStream(incidentId));
      return events.find((event) => event.type === INCIDENT_REPORTED);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
  }
}
