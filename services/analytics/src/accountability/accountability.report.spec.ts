import { describe, expect, it } from '@jest/globals';
import type { AccountabilityReport, HostStateAccountability } from '@bluehelm/contracts';
import { CASE_HISTORY, indexOf } from './accountability.fixtures.js';
import { accountabilityReport, type AccountabilityQuestion } from './accountability.report.js';
import { resolveReportClocks } from './report-clocks.js';

const everything = indexOf(CASE_HISTORY);
const STALL_DAYS = 180;

function report(question: Partial<AccountabilityQuestion> & Pick<AccountabilityQuestion, 'asOf' | 'knownAt'>): AccountabilityReport {
  return accountabilityReport(everything.cases(), { stallDays: STALL_DAYS, ...question });
}

function hostState(answer: AccountabilityReport, code: string): HostStateAccountability {
  const row = answer.hostStates.find((candidate) => candidate.hostState === code);
  if (!row) throw new Error(`no ${code} in ${JSON.stringify(answer)}`);
  return row;
}

const NO_SUPPORT = { forensic: 0, technical: 0, logistics: 0, 'court-security': 0, 'witness-protection': 0, training: 0, other: 0 };

describe('the accountability report', () => {
  it('counts the cases and persons that reached each stage, per host state in code order', () => {
    const answer = report({ asOf: '2022-01-01', knownAt: '2022-01-01T23:59:59.999Z' });

    expect(answer).toEqual({
      asOf: '2022-01-01',
      knownAt: '2022-01-01T23:59:59.999Z',
      hostStates: [
        {
          hostState: 'CAF',
          cases: { reported: 1, referred: 0, investigationOpened: 0, suspectIdentified: 0, charged: 0, tried: 0, convicted: 0, closed: 1 },
          persons: {
            identified: 0,
            warrantIssued: 0,
            arrested: 0,
            charged: 0,
            tried: 0,
            convicted: 0,
            acquitted: 0,
            chargesDismissed: 0,
            sentenced: 0,
            appealed: 0,
            released: 0,
          },
          stalled: 0,
          supportActions: NO_SUPPORT,
          medianDaysToFirstConviction: null,
        },
        {
          hostState: 'MLI',
          cases: { reported: 4, referred: 2, investigationOpened: 1, suspectIdentified: 2, charged: 2, tried: 2, convicted: 2, closed: 2 },
          persons: {
            identified: 3,
            warrantIssued: 1,
            arrested: 1,
            charged: 3,
            tried: 3,
            convicted: 2,
            acquitted: 1,
            chargesDismissed: 0,
            sentenced: 1,
            appealed: 0,
            released: 0,
          },
          stalled: 1,
          supportActions: { ...NO_SUPPORT, forensic: 1, training: 1 },
          // 639 days for A (2019-06-01 to 2021-03-01), 182 for E (2020-01-01 to 2020-07-01).
          medianDaysToFirstConviction: 410.5,
        },
      ],
    });
  });

  it('does not count a verdict before it was recorded, and counts it once it was', () => {
    const before = hostState(report({ asOf: '2021-03-31', knownAt: '2021-03-03T00:00:00.000Z' }), 'MLI');
    const after = hostState(report({ asOf: '2021-03-31', knownAt: '2021-03-06T00:00:00.000Z' }), 'MLI');

    expect([before.cases.convicted, before.persons.convicted, before.persons.acquitted]).toEqual([1, 1, 0]);
    expect([after.cases.convicted, after.persons.convicted, after.persons.acquitted]).toEqual([2, 2, 1]);
    expect(before.medianDaysToFirstConviction).toBe(182);
    expect(after.medianDaysToFirstConviction).toBe(410.5);
  });

  it('does not count a verdict dated after asOf, however long ago it was recorded', () => {
    const answer = hostState(report({ asOf: '2021-02-28', knownAt: '2030-01-01T00:00:00.000Z' }), 'MLI');

    expect(answer.cases.convicted).toBe(1);
    expect(answer.cases.reported).toBe(3);
    expect(answer.cases.closed).toBe(1);
  });

  it('counts a case from its incident date, an incident known to the year from the first day of that year', () => {
    const lateIn2019 = report({ asOf: '2019-12-31', knownAt: '2030-01-01T00:00:00.000Z' });
    const newYear2020 = report({ asOf: '2020-01-01', knownAt: '2030-01-01T00:00:00.000Z' });

    expect(hostState(lateIn2019, 'MLI').cases.reported).toBe(1);
    expect(hostState(newYear2020, 'MLI').cases.reported).toBe(3);
  });

  it('counts an open case as stalled once its last step is more than the stall period behind asOf', () => {
    // B's only date is 2020-01-01; A's last step before 2020-07-01 is 2020-05-01, E was closed.
    expect(hostState(report({ asOf: '2020-06-29', knownAt: '2030-01-01T00:00:00.000Z' }), 'MLI').stalled).toBe(0);
    expect(hostState(report({ asOf: '2020-06-30', knownAt: '2030-01-01T00:00:00.000Z' }), 'MLI').stalled).toBe(1);
    expect(hostState(report({ asOf: '2020-06-30', knownAt: '2030-01-01T00:00:00.000Z', stallDays: 365 }), 'MLI').stalled).toBe(0);
  });

  it('narrows to one host state or one mission', () => {
    const byHostState = report({ asOf: '2022-01-01', knownAt: '2022-01-01T00:00:00.000Z', hostState: 'CAF' });
    const byMission = report({ asOf: '2022-01-01', knownAt: '2022-01-01T00:00:00.000Z', mission: 'MINUSMA' });
    const nothing = report({ asOf: '2022-01-01', knownAt: '2022-01-01T00:00:00.000Z', hostState: 'SSD' });

    expect(byHostState.hostStates.map((row) => row.hostState)).toEqual(['CAF']);
    expect(byMission.hostStates.map((row) => row.hostState)).toEqual(['MLI']);
    expect(nothing.hostStates).toEqual([]);
  });

  it('gives the same bytes for the same question', () => {
    const question = { asOf: '2021-12-31', knownAt: '2021-12-31T23:59:59.999Z' };

    expect(JSON.stringify(report(question))).toBe(JSON.stringify(indexOfReversedCases(question)));
  });

  it('reproduces, byte for byte, a report produced on an earlier day from what was known that day', () => {
    const publishedAt = new Date('2021-03-03T15:30:00.000Z');
    const knownThen = indexOf(CASE_HISTORY.filter((event) => event.recordedAt <= publishedAt.toISOString()));
    const published = accountabilityReport(knownThen.cases(), { ...resolveReportClocks({}, publishedAt), stallDays: STALL_DAYS });

    const reproduced = accountabilityReport(everything.cases(), {
      ...resolveReportClocks({ asOf: published.asOf, knownAt: published.knownAt }, new Date('2025-01-01T00:00:00.000Z')),
      stallDays: STALL_DAYS,
    });

    expect(JSON.stringify(reproduced)).toBe(JSON.stringify(published));
    expect(hostState(published, 'MLI').cases.convicted).toBe(1);
  });
});

/** The same facts, with the cases met in the opposite order. */
function indexOfReversedCases(question: { asOf: string; knownAt: string }): AccountabilityReport {
  return accountabilityReport([...everything.cases()].reverse(), { stallDays: STALL_DAYS, ...question });
}
