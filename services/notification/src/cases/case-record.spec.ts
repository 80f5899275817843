import { describe, expect, it } from '@jest/globals';
import { caseEvent, CASE_ID, incidentReported } from '../rules/rule-events.fixtures.js';
import { applyCaseChange, caseChangeOf, emptyCaseRecord, type CaseRecord } from './case-record.js';

function fold(events: Parameters<typeof caseChangeOf>[0][]): CaseRecord {
  return events.reduce((record, event) => {
    const change = caseChangeOf(event);
    return change === null ? record : applyCaseChange(record, change);
  }, emptyCaseRecord(CASE_ID));
}

const reported = incidentReported();
const opened = caseEvent('CaseOpened', { caseId: CASE_ID, mission: 'MINUSMA', hostState: 'MLI', openedOn: '2020-03-14' }, 0);
const referred = caseEvent('CaseReferred', { on: '2020-05-02', authority: 'Pôle judiciaire spécialisé' }, 1);
const closed = caseEvent('CaseClosed', { on: '2023-02-01', reason: 'all accused tried' }, 2);

describe('what the service keeps of a case', () => {
  it('takes mission, host state and victims from the report and the latest step date from the steps', () => {
    expect(fold([reported, opened, referred])).toEqual({
      caseId: CASE_ID,
      mission: 'MINUSMA',
      hostState: 'MLI',
      nationalities: ['SEN', 'TCD'],
      lastStepOn: '2020-05-02',
      closedOn: null,
    });
  });

  it('comes out the same whatever the order and however often events arrive', () => {
    const inOrder = fold([reported, opened, referred, closed]);
    expect(fold([closed, referred, referred, opened, reported, opened])).toEqual(inOrder);
    expect(inOrder.closedOn).toBe('2023-02-01');
  });

  it('learns nothing from a report that opened no case', () => {
    expect(caseChangeOf(incidentReported({ caseId: null, category: 'accident' }))).toBeNull();
  });
});
