import { describe, expect, it } from '@jest/globals';
import { caseAsOf, worldDayOf } from './case.as-of.js';
import { InvalidDateError } from './case.errors.js';
import type { CaseEvent } from './case.events.js';
import {
  accusedIdentified,
  accusedStep,
  caseClosed,
  caseOpened,
  caseReferred,
  investigationOpened,
  supportRecorded,
} from './case.fixtures.js';
import { caseFunnelStages, currentCaseStage, personFunnelStages } from './case.stage.js';
import type { CaseState, OpenedCaseState } from './case.state.js';

function opened(state: CaseState): OpenedCaseState {
  if (state.status === 'none') throw new Error(`expected an opened case, got ${state.status}`);
  return state;
}

// In recorded order, which is not the order of the days: the forensic support was entered late.
const history: CaseEvent[] = [
  caseOpened(),
  caseReferred('2021-03-20'),
  accusedIdentified('p1', '2021-05-01'),
  accusedStep('charged', 'p1', '2021-06-01'),
  accusedStep('tried', 'p1', '2022-02-01'),
  accusedStep('convicted', 'p1', '2022-02-20'),
  supportRecorded('forensics-1', '2021-04-05'),
  accusedStep('sentenced', 'p1', '2022-03-15'),
  caseClosed('2023-06-30'),
];

describe('a case as it stood on a day', () => {
  it('does not exist before the first day its incident could have happened', () => {
    expect(caseAsOf(history, '2021-02-28')).toEqual({ status: 'none' });
  });

  it('exists from the first day of an incident known only to the month', () => {
    const state = opened(caseAsOf(history, '2021-03-01'));

    expect(state).toMatchObject({ status: 'open', referral: null, accused: [], supportActions: [] });
    expect(currentCaseStage(state)).toBe('reported');
  });

  it('dates the opening by the incident, so a case counts from the day of the crime', () => {
    expect(worldDayOf(caseOpened({ incidentOccurredOn: '2019' }))).toBe('2019-01-01');
    expect(worldDayOf(caseReferred('2021-03-20'))).toBe('2021-03-20');
  });

  it('includes a step recorded late on the day it happened', () => {
    const state = opened(caseAsOf(history, '2021-04-05'));

    expect(state.supportActions.map((action) => action.supportId)).toEqual(['forensics-1']);
    expect(state.accused).toEqual([]);
  });

  it('leaves out every step dated after the day, whenever it was recorded', () => {
    const state = opened(caseAsOf(history, '2021-04-04'));

    expect(state.supportActions).toEqual([]);
    expect(state.referral).toEqual({ on: '2021-03-20', authority: 'Pôle judiciaire spécialisé, Bamako' });
  });

  it('shows a person convicted but not yet sentenced between the two days', () => {
    const state = opened(caseAsOf(history, '2022-03-14'));
    const [person] = state.accused;

    expect(person?.standing.trial).toMatchObject({ verdict: 'convicted', sentenced: false });
    expect(personFunnelStages(person!)).toEqual(['identified', 'charged', 'tried', 'convicted']);
    expect(currentCaseStage(state)).toBe('verdict');
  });

  it('shows a case closed later as open on the day before its closure', () => {
    expect(caseAsOf(history, '2023-06-29').status).toBe('open');
    expect(caseAsOf(history, '2023-06-30').status).toBe('closed');
  });

  it('folds everything when the day is after the last step', () => {
    const state = opened(caseAsOf(history, '2024-01-01'));

    expect(state).toMatchObject({ status: 'closed', lastStepOn: '2023-06-30' });
    expect(state.accused[0]?.standing.trial?.sentenced).toBe(true);
  });

  it('rejects a day that is no calendar day', () => {
    expect(() => caseAsOf(history, '2022-02-30')).toThrow(InvalidDateError);
  });
});

describe('stages reached', () => {
  it('counts an investigation that no referral preceded without counting a referral', () => {
    const state = opened(caseAsOf([caseOpened(), investigationOpened('2021-04-01')], '2021-12-31'));

    expect(caseFunnelStages(state)).toEqual(['reported', 'investigationOpened']);
    expect(currentCaseStage(state)).toBe('investigation');
  });

  it('keeps a conviction counted after the verdict is appealed and the retrial acquits', () => {
    const retried = [
      ...history.slice(0, 6),
      accusedStep('appealed', 'p1', '2022-03-01'),
      accusedStep('tried', 'p1', '2023-01-10'),
      accusedStep('acquitted', 'p1', '2023-02-01'),
    ];
    const state = opened(caseAsOf(retried, '2023-12-31'));

    expect(caseFunnelStages(state)).toContain('convicted');
    expect(personFunnelStages(state.accused[0]!)).toEqual(['identified', 'charged', 'tried', 'convicted', 'acquitted', 'appealed']);
  });
});
