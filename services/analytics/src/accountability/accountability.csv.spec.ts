import { describe, expect, it } from '@jest/globals';
import { CASE_HISTORY, indexOf } from './accountability.fixtures.js';
import { accountabilityCsv } from './accountability.csv.js';
import { accountabilityReport } from './accountability.report.js';

const report = accountabilityReport(indexOf(CASE_HISTORY).cases(), {
  asOf: '2022-01-01',
  knownAt: '2022-01-01T23:59:59.999Z',
  stallDays: 180,
});

describe('the accountability report as CSV', () => {
  const csv = accountabilityCsv(report);

  it('has a header naming each figure by its path in the JSON report, and one line per host state', () => {
    const lines = csv.body.split('\r\n');

    expect(lines[0]).toBe(
      'asOf,knownAt,hostState,' +
        'cases.reported,cases.referred,cases.investigationOpened,cases.suspectIdentified,cases.charged,cases.tried,cases.convicted,cases.closed,' +
        'persons.identified,persons.warrantIssued,persons.arrested,persons.charged,persons.tried,persons.convicted,persons.acquitted,' +
        'persons.chargesDismissed,persons.sentenced,persons.appealed,persons.released,stalled,' +
        'supportActions.forensic,supportActions.technical,supportActions.logistics,supportActions.court-security,' +
        'supportActions.witness-protection,supportActions.training,supportActions.other,medianDaysToFirstConviction',
    );
    expect(lines.slice(1)).toEqual([
      '2022-01-01,2022-01-01T23:59:59.999Z,CAF,1,0,0,0,0,0,0,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,',
      '2022-01-01,2022-01-01T23:59:59.999Z,MLI,4,2,1,2,2,2,2,2,3,1,1,3,3,2,1,0,1,0,0,1,1,0,0,0,0,1,0,410.5',
      '',
    ]);
  });

  it('names its content type and a file name made of both clocks', () => {
    expect(csv.contentType).toBe('text/csv; charset=utf-8; header=present');
    expect(csv.filename).toBe('accountability-asof-2022-01-01-knownat-2022-01-01T235959999Z.csv');
  });
});
