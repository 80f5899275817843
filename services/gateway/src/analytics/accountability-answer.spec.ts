import { ACCOUNTABILITY_CSV_CONTENT_TYPE } from '@bluehelm/contracts';
import { describe, expect, it } from '@jest/globals';
import { ProblemException } from '../problems/problem.exception.js';
import { accountabilityAnswerOf } from './accountability-answer.js';

const csvReply = { contentType: ACCOUNTABILITY_CSV_CONTENT_TYPE, filename: 'accountability-asof-2023-12-31.csv', body: 'asOf\r\n2023-12-31\r\n' };

function statusOfFailure(answer: () => unknown): number | undefined {
  try {
    answer();
  } catch (error) {
    if (error instanceof ProblemException) return error.problem.status;
    throw error;
  }
  return undefined;
}

describe('accountabilityAnswerOf', () => {
  it('writes a JSON report with the keys in the order analytics gave them', () => {
    const report = { knownAt: '2024-01-15T00:00:00.000Z', asOf: '2023-12-31', hostStates: [{ stalled: 1, hostState: 'MLI' }] };
    expect(accountabilityAnswerOf(report, 'json')).toEqual({
      contentType: 'application/json; charset=utf-8',
      body: '{"knownAt":"2024-01-15T00:00:00.000Z","asOf":"2023-12-31","hostStates":[{"stalled":1,"hostState":"MLI"}]}',
    });
  });

  it('answers a report analytics sent as text byte for byte', () => {
    const text = '{ "asOf": "2023-12-31", "knownAt": "2024-01-15T00:00:00.000Z", "hostStates": [] }\n';
    expect(accountabilityAnswerOf(text, 'json').body).toBe(text);
  });

  it('hands on a problem analytics sent as text', () => {
    const problem = { type: 'https://bluehelm.example/problems/validation', title: 'invalid', status: 422, detail: 'invalid.' };
    expect(statusOfFailure(() => accountabilityAnswerOf(JSON.stringify(problem), 'json'))).toBe(422);
  });

  it('answers CSV with its content type, body and file name', () => {
    expect(accountabilityAnswerOf(csvReply, 'csv')).toEqual(csvReply);
  });

  it('leaves out a file name that could break the Content-Disposition header', () => {
    expect(accountabilityAnswerOf({ ...csvReply, filename: 'report".csv\r\nSet-Cookie: a=b' }, 'csv')).not.toHaveProperty('filename');
  });

  it.each([
    ['a CSV reply for JSON', csvReply, 'json'],
    ['a JSON report for CSV', { asOf: '2023-12-31', knownAt: '2024-01-15', hostStates: [] }, 'csv'],
    ['text that is no JSON', 'asOf,knownAt', 'json'],
    ['CSV under another content type', { ...csvReply, contentType: 'text/html' }, 'csv'],
  ] as const)('is a 502 for %s', (_what, reply, format) => {
    expect(statusOfFailure(() => accountabilityAnswerOf(reply, format))).toBe(502);
  });
});
