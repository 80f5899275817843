import { CASE_STREAM_CATEGORY, isCaseEventType } from '@bluehelm/contracts';
import type { RecordedEvent } from '@bluehelm/event-store';
import { Injectable } from '@nestjs/common';
import { upcastCaseEvent } from '../cases/case.events.js';
import { evolveCaseListEntry, type CaseListEntry } from './case-list.projection.js';

const CASE_STREAM_PREFIX = `${CASE_STREAM_CATEGORY}-`;

/**
 * The case list in process memory, rebuilt from the log at every start. Persistent read models
 * replace it when the log grows past what a start can replay.
 */
@Injectable()
export class CaseListStore {
  private readonly entries = new Map<string, CaseListEntry>();
  private position: number | undefined;

  /** The log position of the last event seen: where a reopened subscription resumes. */
  get lastPosition(): number | undefined {
    return this.position;
  }

  /** Applies one event of a case stream; `ignored` for a type this service does not know. */
  apply(recorded: RecordedEvent): 'applied' | 'ignored' {
    this.position = Math.max(this.position ?? recorded.position, recorded.position);
    if (!recorded.streamName.startsWith(CASE_STREAM_PREFIX) || !isCaseEventType(recorded.type)) return 'ignored';
    const caseId = recorded.streamName.slice(CASE_STREAM_PREFIX.length);
    const entry = evolveCaseListEntry(this.entries.get(caseId) ?? null, {
      caseId,
      revision: recorded.revision,
      position: recorded.position,
      event: upcastCaseEvent(recorded),
    });
    this.entries.set(caseId, entry);
    return 'applied';
  }

  cases(): Iterable<CaseListEntry> {
    return this.entries.values();
  }
}
