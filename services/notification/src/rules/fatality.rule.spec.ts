import { describe, expect, it } from '@jest/globals';
import { fatalityNotificationOf } from './fatality.rule.js';
import { caseEvent, CASE_ID, INCIDENT_ID, incidentReported } from './rule-events.fixtures.js';

describe('the fatality rule', () => {
  it('notifies a report with a casualty killed to the focal points of its mission and to subscribers for the dead', () => {
    const notification = fatalityNotificationOf(incidentReported());

    expect(notification).toEqual({
      eventId: '11111111-1111-4111-8111-111111111111',
      eventType: 'IncidentReported',
      kind: 'fatality',
      timestamp: '2020-03-15T08:00:00.000Z',
      payload: {
        eventId: '11111111-1111-4111-8111-111111111111',
        eventType: 'IncidentReported',
        incidentId: INCIDENT_ID,
        caseId: CASE_ID,
        mission: 'MINUSMA',
        hostState: 'MLI',
        occurredOn: '2020-03-14',
        category: 'malicious-act',
        type: 'ied',
        fatalities: 2,
        fatalitiesByNationality: { SEN: 1, TCD: 1 },
        fatalitiesByPersonnelType: { military: 2 },
      },
      audience: {
        focalPointsOf: 'MINUSMA',
        subscribers: { eventType: 'IncidentReported', mission: 'MINUSMA', hostState: 'MLI', nationalities: ['SEN', 'TCD'], caseId: CASE_ID },
      },
    });
  });

  it('leaves the names of the dead out of what it tells', () => {
    expect(JSON.stringify(fatalityNotificationOf(incidentReported()))).not.toContain('A. Soldier');
  });

  it('notifies nothing for a report where nobody was killed', () => {
    const injuredOnly = incidentReported({ casualties: [{ personnelType: 'police', nationality: 'SEN', outcome: 'injured' }] });
    expect(fatalityNotificationOf(injuredOnly)).toBeNull();
    expect(fatalityNotificationOf(incidentReported({ casualties: [] }))).toBeNull();
  });

  it('ignores events that are not incident reports', () => {
    expect(fatalityNotificationOf(caseEvent('CaseReferred', { on: '2020-04-01', authority: 'Prosecutor' }))).toBeNull();
  });
});
