import { describe, expect, it } from '@jest/globals';
import { ProblemException } from '../problems/problem.exception.js';
import { etagOf, expectedRevisionOf } from './revision-header.js';

describe('expectedRevisionOf', () => {
  it.each([
    ['5', 5],
    ['"5"', 5],
    ['W/"5"', 5],
    [' 12 ', 12],
    ['"0"', 0],
  ])('reads If-Match %s as revision %d', (header, revision) => {
    expect(expectedRevisionOf(header)).toBe(revision);
  });

  it('is undefined without the header', () => {
    expect(expectedRevisionOf(undefined)).toBeUndefined();
  });

  it.each(['*', '"5', 'W/5', '-1', '5.0', '"a"', '"5", "6"', '99999999999999999999'])('refuses %s with a 400 problem', (header) => {
    let thrown: unknown;
    try {
      expectedRevisionOf(header);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ProblemException);
    expect((thrown as ProblemException).problem.status).toBe(400);
  });

  it('writes the ETag a client hands back', () => {
    expect(expectedRevisionOf(etagOf(7))).toBe(7);
  });
});
