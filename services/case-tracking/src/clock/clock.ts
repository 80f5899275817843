import type { IsoDay } from '@bluehelm/contracts';

/** Injection token of the clock: the one place the service reads the time, so tests can fix it. */
export const CLOCK = Symbol('CLOCK');

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The calendar day of an instant in UTC, the `today` of commands and validation. */
export function utcDayOf(instant: Date): IsoDay {
  return instant.toISOString().slice(0, 10);
}
