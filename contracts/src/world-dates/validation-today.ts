import { isCalendarDay } from './world-date.js';
import { AsynchronousValidationError, InvalidTodayError } from './world-date.errors.js';

/**
 * "Not in the future" needs a today. Validators cannot take arguments per call, so a caller sets
 * one for the span of a synchronous validation with `withValidationToday` (tests pin it this
 * way); otherwise the clock gives it.
 */
let pinnedToday: string | undefined;

/** Runs a synchronous validation with `today` (`YYYY-MM-DD`) as the date of today. */
export function withValidationToday<T>(today: string, validate: () => T): T {
  if (!isCalendarDay(today)) throw new InvalidTodayError(today);
  const previous = pinnedToday;
  pinnedToday = today;
  try {
    const result = validate();
    // An asynchronous validation would outlive the pin and read the clock instead, silently.
    if (result instanceof Promise) throw new AsynchronousValidationError();
    return result;
  } finally {
    pinnedToday = previous;
  }
}

/** The pinned today, or the latest date anywhere on Earth now. */
export function validationToday(): string {
  return pinnedToday ?? latestDateOnEarth(new Date());
}

/**
 * The calendar date in the time zone furthest ahead (UTC+14). A report written just after
 * midnight in a mission east of Greenwich is dated a day ahead of UTC, and must not be taken for
 * a report from the future.
 */
export function latestDateOnEarth(now: Date): string {
  const fourteenHours = 14 * 60 * 60 * 1000;
  return new Date(now.getTime() + fourteenHours).toISOString().slice(0, 10);
}
