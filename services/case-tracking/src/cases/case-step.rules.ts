/**
 * The rules every step of a case obeys, whatever the step: the case must be open, and the step
 * must be dated on a real day that is neither in the future nor before the incident.
 */
import { firstDayOf, isCalendarDay, isSealedValue, type IsoDay, type PersonalText } from '@bluehelm/contracts';
import {
  CaseClosedError,
  CaseNotOpenedError,
  InvalidDateError,
  MissingDetailError,
  StepBeforeIncidentError,
  StepDatedInFutureError,
} from './case.errors.js';
import type { CaseState, OpenCaseState } from './case.state.js';

export function requireOpenCase(state: CaseState): OpenCaseState {
  switch (state.status) {
    case 'none':
      throw new CaseNotOpenedError();
    case 'closed':
      throw new CaseClosedError(state.closure.on);
    case 'open':
      return state;
    default: {
      const unhandled: never = state;
      throw new Error(`unhandled case state ${JSON.stringify(unhandled)}`);
    }
  }
}

export function requireIsoDay(value: unknown, field: string): IsoDay {
  if (!isCalendarDay(value)) throw new InvalidDateError(field, value);
  return value;
}

export function requireNotInFuture(on: IsoDay, today: unknown): void {
  if (on > requireIsoDay(today, 'today')) throw new StepDatedInFutureError(on, String(today));
}

/** Checks the step's own date; the checks against earlier steps belong to each command. */
export function requireStepDate(state: OpenCaseState, on: unknown, today: unknown): IsoDay {
  const day = requireIsoDay(on, 'on');
  requireNotInFuture(day, today);
  // An incident known only to the month or year may have happened on its first day.
  if (day < firstDayOf(state.incidentOccurredOn)) {
    throw new StepBeforeIncidentError(day, state.incidentOccurredOn);
  }
  return day;
}

/** A required free-text detail, refused when absent or blank. */
export function requireDetail(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new MissingDetailError(field);
  return value;
}

/** A personal field: sealed by the handler (the usual case), or plaintext from an older caller. */
export function requirePersonalText(value: unknown, field: string): PersonalText {
  if (isSealedValue(value)) return value;
  return requireDetail(value, field);
}

/** Copies only the optional details that were given, so that events carry no undefined fields. */
export function givenDetails<Details extends Readonly<Record<string, unknown>>>(details: Details): Partial<Details> {
  return Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined)) as Partial<Details>;
}
