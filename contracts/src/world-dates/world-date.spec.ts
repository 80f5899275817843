import { describe, expect, it } from '@jest/globals';
import { firstDayOf, isAfterDay, isCalendarDay, isWorldDate, precisionOf, worldDatePattern } from './world-date.js';

/** The calendar by arithmetic, to check the patterns against. */
function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

describe('world dates', () => {
  it('accept exactly the real calendar days of 1900 to 2999, leap days included', () => {
    const disagreements: string[] = [];
    const years = [1899, 1900, 1904, 1999, 2000, 2001, 2020, 2021, 2024, 2100, 2400, 2800, 2900, 2999, 3000];
    for (const year of years) {
      for (let month = 0; month <= 13; month += 1) {
        for (let day = 0; day <= 32; day += 1) {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          const expected = year >= 1900 && year <= 2999 && month >= 1 && month <= 12 && isRealDay(year, month, day);
          if (isCalendarDay(text) !== expected) disagreements.push(text);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('reject 29 February 2021 and accept 29 February 2024 and 2000, but not 1900', () => {
    expect(isCalendarDay('2021-02-29')).toBe(false);
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2000-02-29')).toBe(true);
    expect(isCalendarDay('1900-02-29')).toBe(false);
  });

  it('take a year or a month when those precisions are allowed', () => {
    expect(isWorldDate('2021')).toBe(true);
    expect(isWorldDate('2021-02')).toBe(true);
    expect(isWorldDate('2021-13')).toBe(false);
    expect(isWorldDate('2021', ['day'])).toBe(false);
    expect(isWorldDate('2021-02', ['year', 'day'])).toBe(false);
  });

  it('refuse timestamps, padding and other spellings', () => {
    for (const text of ['2021-02-10T00:00:00Z', ' 2021', '2021-2-1', '21-02-10', '20210210', '2021/02/10']) {
      expect(isWorldDate(text)).toBe(false);
    }
    expect(isWorldDate(2021)).toBe(false);
  });

  it('read the precision from the text', () => {
    expect([precisionOf('2021'), precisionOf('2021-02'), precisionOf('2021-02-10')]).toEqual(['year', 'month', 'day']);
    expect([firstDayOf('2021'), firstDayOf('2021-02'), firstDayOf('2021-02-10')]).toEqual(['2021-01-01', '2021-02-01', '2021-02-10']);
  });

  it('count a period as in the future only when it has not begun by today', () => {
    const today = '2026-11-23';
    expect(isAfterDay('2026', today)).toBe(false);
    expect(isAfterDay('2026-11', today)).toBe(false);
    expect(isAfterDay('2026-11-23', today)).toBe(false);
    expect(isAfterDay('2026-11-24', today)).toBe(true);
    expect(isAfterDay('2026-12', today)).toBe(true);
    expect(isAfterDay('2027', today)).toBe(true);
  });

  it('publish one anchored pattern per set of precisions', () => {
    const pattern = new RegExp(worldDatePattern(['year', 'month']));
    expect(pattern.test('2021')).toBe(true);
    expect(pattern.test('2021-02')).toBe(true);
    expect(pattern.test('2021-02-10')).toBe(false);
    expect(pattern.test('x2021')).toBe(false);
  });
});
