import { describe, expect, it } from '@jest/globals';
import { ruleViolationProblem } from './problem.js';

describe('ruleViolationProblem', () => {
  it('is a 409 that names the rule by its code, with the rule’s clause as a sentence', () => {
    expect(ruleViolationProblem('the case was closed on 2024-06-30', 'case-closed')).toEqual({
      type: 'https://bluehelm.example/problems/rule-violation',
      title: 'The request breaks a rule of the case',
      status: 409,
      detail: 'The case was closed on 2024-06-30.',
      code: 'case-closed',
    });
  });
});
