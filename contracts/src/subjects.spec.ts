import { describe, expect, it } from '@jest/globals';
import {
  CASE_TRACKING_SUBJECTS,
  caseTrackingSubjectOf,
  eventSubjectFilter,
  eventSubjectOf,
  INTAKE_SUBJECTS,
  InvalidSubjectTokenError,
  PING_SUBJECTS,
} from './subjects.js';

describe('NATS subjects', () => {
  it('are the published request subjects of intake', () => {
    expect(INTAKE_SUBJECTS).toEqual({
      reportIncident: 'bluehelm.intake.incidents.report',
      getIncident: 'bluehelm.intake.incidents.get',
      erasePersonalData: 'bluehelm.intake.incidents.erase-personal-data',
    });
  });

  it('name each case-tracking operation under bluehelm.case-tracking.cases', () => {
    expect(caseTrackingSubjectOf('accused-step')).toBe('bluehelm.case-tracking.cases.accused-step');
    expect(Object.values(CASE_TRACKING_SUBJECTS).sort()).toEqual(
      ['referral', 'investigation', 'accused', 'accused-step', 'support', 'link-incident', 'closure', 'erase-personal-data', 'get', 'history', 'verify', 'list']
        .map((operation) => `bluehelm.case-tracking.cases.${operation}`)
        .sort(),
    );
  });

  it('are all distinct', () => {
    const all = [...Object.values(PING_SUBJECTS), ...Object.values(INTAKE_SUBJECTS), ...Object.values(CASE_TRACKING_SUBJECTS)];
    expect(new Set(all).size).toBe(all.length);
  });

  it('give each event type its own subject under bluehelm.events', () => {
    expect(eventSubjectOf('incident', 'IncidentReported')).toBe('bluehelm.events.incident.IncidentReported');
    expect(eventSubjectFilter()).toBe('bluehelm.events.>');
    expect(eventSubjectFilter('case')).toBe('bluehelm.events.case.>');
  });

  it('refuse tokens that would add or break subject tokens', () => {
    for (const category of ['a.b', '*', '>', 'with space', '']) {
      expect(() => eventSubjectOf(category, 'IncidentReported')).toThrow(InvalidSubjectTokenError);
    }
  });
});
