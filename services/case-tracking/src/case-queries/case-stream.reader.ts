import type { CaseOpenedData } from '@bluehelm/contracts';
import { StreamNotFoundError, type EventStore, type RecordedEvent } from '@bluehelm/event-store';
import { EVENT_STORE } from '@bluehelm/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { caseStream } from '../cases/case.stream.js';

/** Openings kept in memory: they never change, and every request about a case needs its own. */
const OPENINGS_KEPT = 50_000;

/** Reads case streams for the queries and access checks; a case that does not exist has no events. */
@Injectable()
export class CaseStreamReader {
  private readonly openings = new Map<string, CaseOpenedData>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The data of the case's CaseOpened (its first event), or undefined for no case. */
  async openingOf(caseId: string): Promise<CaseOpenedData | undefined> {
    const known = this.openings.get(caseId);
    if (known !== undefined) return known;
    const [first] = await this.eventsOf(caseId, { maxCount: 1 });
    if (first?.type !== 'CaseOpened') return undefined;
    const opening = first.data as CaseOpenedData;
    if (this.openings.size >= OPENINGS_KEPT) this.openings.delete(this.openings.keys().next().value as string);
    this.openings.set(caseId, opening);
    return opening;
  }

  async eventsOf(caseId: string, options: { readonly maxCount?: number } = {}): Promise<RecordedEvent[]> {
    try {
      return await this.store.readStream(caseStream(caseId), options);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }
}
