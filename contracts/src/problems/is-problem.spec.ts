import { describe, expect, it } from '@jest/globals';
import { isProblemReply } from './is-problem.js';
import { problemOf } from './problem.js';

describe('isProblemReply', () => {
  it('accepts a validation problem with its field errors', () => {
    expect(isProblemReply(problemOf('validation', 'bad', [{ path: 'casualties[0].nationality', message: 'no' }]))).toBe(true);
  });

  it('accepts a rule violation that names its rule', () => {
    expect(isProblemReply({ ...problemOf('rule-violation', 'closed'), code: 'case-closed' })).toBe(true);
  });

  it('refuses a success reply', () => {
    expect(isProblemReply({ incidentId: 'x', caseId: null, status: 'accepted' })).toBe(false);
    expect(isProblemReply({ caseId: 'x', revision: 3 })).toBe(false);
  });

  it('refuses a problem whose status is not an HTTP error status', () => {
    expect(isProblemReply({ ...problemOf('validation', 'bad'), status: 200 })).toBe(false);
    expect(isProblemReply({ ...problemOf('validation', 'bad'), status: 422.5 })).toBe(false);
    expect(isProblemReply({ ...problemOf('validation', 'bad'), status: 600 })).toBe(false);
  });

  it('refuses malformed field errors and codes', () => {
    expect(isProblemReply({ ...problemOf('validation', 'bad'), errors: [{ path: 1, message: 'x' }] })).toBe(false);
    expect(isProblemReply({ ...problemOf('validation', 'bad'), errors: 'x' })).toBe(false);
    expect(isProblemReply({ ...problemOf('rule-violation', 'x'), code: 42 })).toBe(false);
  });
});
