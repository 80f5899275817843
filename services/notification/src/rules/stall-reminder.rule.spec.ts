import { describe, expect, it } from '@jest/globals';
import { stallReminderId, stallReminderOf, type OpenCase } from './stall-reminder.rule.js';

const openCase: OpenCase = { caseId: 'c0ffee00-0000-4000-8000-000000000001', mission: 'MINUSCA', hostState: 'CAF', lastStepOn: '2024-01-01' };

describe('the stall reminder rule', () => {
  it('reminds nobody while the latest step is younger than the stall period', () => {
    expect(stallReminderOf(openCase, '2024-06-28', 180)).toBeNull();
  });

  it('reminds the focal points of the mission once the case has had no step for the stall period', () => {
    const reminder = stallReminderOf(openCase, '2024-06-29', 180);

    expect(reminder).toMatchObject({
      eventType: 'CaseStalled',
      kind: 'stall-reminder',
      timestamp: '2024-06-29T00:00:00.000Z',
      payload: { caseId: openCase.caseId, mission: 'MINUSCA', lastStepOn: '2024-01-01', stallDays: 180, period: 1, periodStartedOn: '2024-06-29' },
      audience: { focalPointsOf: 'MINUSCA', subscribers: null },
    });
  });

  it('gives every check within one period the same reminder id, and the next period another', () => {
    const first = stallReminderOf(openCase, '2024-06-29', 180);
    const laterInPeriod = stallReminderOf(openCase, '2024-12-25', 180);
    const nextPeriod = stallReminderOf(openCase, '2024-12-26', 180);

    expect(laterInPeriod?.eventId).toBe(first?.eventId);
    expect(first?.eventId).toBe(stallReminderId(openCase.caseId, '2024-01-01', 1));
    expect(nextPeriod?.eventId).toBe(stallReminderId(openCase.caseId, '2024-01-01', 2));
    expect(nextPeriod?.eventId).not.toBe(first?.eventId);
  });

  it('starts a new series after a new step', () => {
    const afterStep = stallReminderOf({ ...openCase, lastStepOn: '2024-03-01' }, '2024-08-28', 180);
    expect(afterStep?.eventId).toBe(stallReminderId(openCase.caseId, '2024-03-01', 1));
  });

  it('reminds nobody for a case whose mission is unknown', () => {
    expect(stallReminderOf({ ...openCase, mission: null }, '2030-01-01', 180)).toBeNull();
  });
});
