import { describe, expect, it } from '@jest/globals';
import { latestDateOnEarth, validationToday, withValidationToday } from './validation-today.js';
import { AsynchronousValidationError, InvalidTodayError } from './world-date.errors.js';

describe('the today of validation', () => {
  it('is the pinned day inside withValidationToday and the clock again after it', () => {
    const clockToday = latestDateOnEarth(new Date());
    expect(withValidationToday('2021-02-10', () => validationToday())).toBe('2021-02-10');
    expect(validationToday()).toBe(clockToday);
  });

  it('is restored when the validation throws', () => {
    expect(() =>
      withValidationToday('2021-02-10', () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(validationToday()).toBe(latestDateOnEarth(new Date()));
  });

  it('nests, the inner pin winning until it ends', () => {
    const seen = withValidationToday('2021-01-01', () => [
      withValidationToday('2022-02-02', () => validationToday()),
      validationToday(),
    ]);
    expect(seen).toEqual(['2022-02-02', '2021-01-01']);
  });

  it('cannot be pinned to something that is not a calendar day', () => {
    expect(() => withValidationToday('2021-02-30', () => true)).toThrow(InvalidTodayError);
  });

  it('refuses an asynchronous validation, which would outlive the pin', () => {
    expect(() => withValidationToday('2021-02-10', () => Promise.resolve([]))).toThrow(AsynchronousValidationError);
  });

  it('from the clock is the date of the time zone furthest ahead, UTC+14', () => {
    expect(latestDateOnEarth(new Date('2026-11-23T09:59:59Z'))).toBe('2026-11-23');
    expect(latestDateOnEarth(new Date('2026-11-23T10:00:00Z'))).toBe('2026-11-24');
  });
});
