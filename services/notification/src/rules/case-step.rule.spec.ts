import { describe, expect, it } from '@jest/globals';
import { caseIdOfStream, caseStepNotificationOf, type CaseFacts } from './case-step.rule.js';
import { caseEvent, CASE_ID, incidentReported } from './rule-events.fixtures.js';

const facts: CaseFacts = { caseId: CASE_ID, mission: 'MINUSMA', hostState: 'MLI', nationalities: ['SEN', 'TCD'] };

describe('the case step rule', () => {
  it('notifies any case event to the subscribers of the case, its mission, host state and victims, not to focal points', () => {
    const notification = caseStepNotificationOf(
      caseEvent('AccusedConvicted', { on: '2021-01-08', personId: 'p-1', court: 'Cour d’assises de Bamako' }, 7),
      facts,
    );

    expect(notification).toEqual({
      eventId: '22222222-2222-4222-8222-222222222222',
      eventType: 'AccusedConvicted',
      kind: 'case-step',
      timestamp: '2021-01-10T09:30:00.000Z',
      payload: {
        eventId: '22222222-2222-4222-8222-222222222222',
        eventType: 'AccusedConvicted',
        caseId: CASE_ID,
        revision: 7,
        on: '2021-01-08',
        mission: 'MINUSMA',
        hostState: 'MLI',
        personId: 'p-1',
      },
      audience: {
        focalPointsOf: null,
        subscribers: { eventType: 'AccusedConvicted', mission: 'MINUSMA', hostState: 'MLI', nationalities: ['SEN', 'TCD'], caseId: CASE_ID },
      },
    });
  });

  it('dates CaseOpened by the day the case was opened', () => {
    const opened = caseEvent('CaseOpened', { caseId: CASE_ID, mission: 'MINUSMA', hostState: 'MLI', openedOn: '2020-03-14' }, 0);
    expect(caseStepNotificationOf(opened, facts)?.payload['on']).toBe('2020-03-14');
  });

  it('ignores events of other streams and types', () => {
    expect(caseStepNotificationOf(incidentReported(), facts)).toBeNull();
    expect(caseStepNotificationOf({ ...caseEvent('SomethingElse', {}), type: 'SomethingElse' }, facts)).toBeNull();
  });

  it('reads the case id from the stream name', () => {
    expect(caseIdOfStream(`case-${CASE_ID.toUpperCase()}`)).toBe(CASE_ID);
    expect(caseIdOfStream('incident-1')).toBeNull();
  });
});
