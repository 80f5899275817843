import { describe, expect, it } from '@jest/globals';
import { CASE_ID, INCIDENT_ID, incidentReported } from '../case-tracking.fixtures.js';
import { MalformedIncidentReportedError, openCaseFor } from './incident-opening.js';

describe('the case a reported incident opens', () => {
  it('opens the case derived from the incident id for a malicious act, on the first day of its date', () => {
    expect(openCaseFor(incidentReported({ occurredOn: '2021-03' }), '2024-06-30')).toEqual({
      type: 'OpenCase',
      data: {
        caseId: CASE_ID,
        incidentId: INCIDENT_ID,
        mission: 'MINUSMA',
        hostState: 'MLI',
        incidentOccurredOn: '2021-03',
        openedOn: '2021-03-01',
        victimNationalities: ['TCD', 'SEN'],
        today: '2024-06-30',
      },
    });
  });

  it('names no victims for a report without casualties', () => {
    const event = { ...incidentReported(), data: { ...(incidentReported().data as object), casualties: [] } };

    expect(openCaseFor(event, '2024-06-30')?.data.victimNationalities).toEqual([]);
  });

  it('opens the case on the first of January for an incident known only to the year', () => {
    expect(openCaseFor(incidentReported({ occurredOn: '2019' }), '2024-06-30')?.data.openedOn).toBe('2019-01-01');
  });

  it('opens nothing for an accident or any other category', () => {
    expect(openCaseFor(incidentReported({ category: 'accident' }), '2024-06-30')).toBeNull();
    expect(openCaseFor(incidentReported({ category: 'illness' }), '2024-06-30')).toBeNull();
  });

  it('opens nothing for another event type', () => {
    expect(openCaseFor({ ...incidentReported(), type: 'IncidentCorrected' }, '2024-06-30')).toBeNull();
  });

  it('names the missing field of an IncidentReported it cannot open a case from', () => {
    const event = { ...incidentReported(), data: { ...(incidentReported().data as object), occurredOn: 'March 2021' } };

    expect(() => openCaseFor(event, '2024-06-30')).toThrow(MalformedIncidentReportedError);
    expect(() => openCaseFor(event, '2024-06-30')).toThrow(/occurredOn/);
  });
});
