/**
 * A case as it stood on a day in the world: only the events whose day is on or before it are
 * folded. This cuts by world dates, not by when facts were recorded (that cut is made on the
 * stored events' metadata before they reach here), so a step recorded late still lands on the
 * day it happened.
 */
import { firstDayOf, type IsoDay } from '@bluehelm/contracts';
import type { CaseEvent } from './case.events.js';
import { evolveCase, initialCaseState, type CaseState } from './case.state.js';
import { requireIsoDay } from './case-step.rules.js';

/**
 * The day an event happened in the world. A case counts from its incident, not from the day it
 * was opened: the report counts crimes from the day they were committed. An incident known only
 * to the month or year counts from its first day.
 */
export function worldDayOf(event: CaseEvent): IsoDay {
  return event.type === 'CaseOpened' ? firstDayOf(event.data.incidentOccurredOn) : event.data.on;
}

export function caseAsOf(events: Iterable<CaseEvent>, asOf: IsoDay): CaseState {
  const lastDay = requireIsoDay(asOf, 'asOf');
  let state = initialCaseState();
  for (const event of events) {
    if (worldDayOf(event) <= lastDay) state = evolveCase(state, event);
  }
  return state;
}
