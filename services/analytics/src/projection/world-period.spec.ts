import { describe, expect, it } from '@jest/globals';
import { epochDayOf, periodOf } from './world-period.js';

describe('world periods', () => {
  it('cover the whole year or month a date names', () => {
    expect(periodOf('2020')).toEqual({ precision: 'year', firstDay: '2020-01-01', lastDay: '2020-12-31' });
    expect(periodOf('2020-02')).toEqual({ precision: 'month', firstDay: '2020-02-01', lastDay: '2020-02-29' });
    expect(periodOf('2021-02')).toEqual({ precision: 'month', firstDay: '2021-02-01', lastDay: '2021-02-28' });
    expect(periodOf('2021-02-13')).toEqual({ precision: 'day', firstDay: '2021-02-13', lastDay: '2021-02-13' });
  });

  it('number days as the calendar does, across leap years and centuries', () => {
    for (const day of ['1900-01-01', '1900-03-01', '1970-01-01', '2000-02-29', '2000-03-01', '2024-12-31', '2100-03-01', '2999-12-31']) {
      expect(epochDayOf(day)).toBe(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
    }
  });
});
