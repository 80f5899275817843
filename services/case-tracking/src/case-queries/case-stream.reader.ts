import { StreamNotFoundError, type EventStore, type RecordedEvent } from '@bluehelm/event-store';
import { EVENT_STORE } from '@bluehelm/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { caseStream } from '../cases/case.stream.js';

/** Reads a whole case stream for the queries; a case that does not exist has no events. */
@Injectable()
export class CaseStreamReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async eventsOf(caseId: string): Promise<RecordedEvent[]> {
    try {
      return await this.store.readStream(caseStream(caseId));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }
}
