import { describe, expect, it } from '@jest/globals';
import { reportFormatForAccept } from './report-format.negotiation.js';

describe('reportFormatForAccept', () => {
  it.each([
    ['text/csv', 'csv'],
    ['text/csv; charset=utf-8', 'csv'],
    ['application/json;q=0.5, text/csv', 'csv'],
    ['text/*', 'csv'],
    ['TEXT/CSV', 'csv'],
  ])('answers CSV for %s', (accept, format) => {
    expect(reportFormatForAccept(accept)).toBe(format);
  });

  it.each([
    [undefined, 'no header'],
    ['', 'an empty header'],
    ['application/json', 'JSON asked for'],
    ['*/*', 'anything'],
    ['text/csv, application/json', 'a tie'],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'what a browser sends'],
    ['text/csv;q=0, */*', 'CSV refused'],
    ['application/xml', 'neither listed'],
    ['text/csv;q=2', 'a quality out of range'],
  ])('answers JSON for %s (%s)', (accept) => {
    expect(reportFormatForAccept(accept)).toBe('json');
  });
});
