import { describe, expect, it } from '@jest/globals';
import { resolveReportClocks } from './report-clocks.js';

const NOW = new Date('2024-05-01T14:03:22.123Z');

describe('the clocks of a report', () => {
  it('default to now: today for asOf, this instant for knownAt', () => {
    expect(resolveReportClocks({}, NOW)).toEqual({ asOf: '2024-05-01', knownAt: '2024-05-01T14:03:22.123Z' });
  });

  it('read a knownAt day as the end of that day in UTC', () => {
    expect(resolveReportClocks({ asOf: '2023-12-31', knownAt: '2024-01-15' }, NOW)).toEqual({
      asOf: '2023-12-31',
      knownAt: '2024-01-15T23:59:59.999Z',
    });
  });

  it('write a knownAt date-time in UTC with milliseconds, whatever zone it came in', () => {
    expect(resolveReportClocks({ knownAt: '2024-01-15T10:00+02:00' }, NOW).knownAt).toBe('2024-01-15T08:00:00.000Z');
  });
});
