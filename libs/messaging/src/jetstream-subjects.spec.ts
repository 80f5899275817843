import { describe, expect, it } from '@jest/globals';
import { InvalidMessagingNameError } from './errors.js';
import {
  deadLetterSubject,
  integrationEventsFilter,
  integrationEventSubject,
} from './jetstream-subjects.js';

describe('JetStream subjects', () => {
  it('names an event subject by category and event type', () => {
    expect(integrationEventSubject('bluehelm', 'case', 'AccusedConvicted')).toBe(
      'bluehelm.events.case.AccusedConvicted',
    );
  });

  it('keeps dots and wildcards of a type name from adding subject tokens', () => {
    expect(integrationEventSubject('bluehelm', 'case', 'case.opened v2>*')).toBe(
      'bluehelm.events.case.case_opened_v2__',
    );
  });

  it('filters all events or the events of one category', () => {
    expect(integrationEventsFilter('bluehelm')).toBe('bluehelm.events.>');
    expect(integrationEventsFilter('bluehelm', 'incident')).toBe('bluehelm.events.incident.>');
  });

  it('sends dead letters to a subject per durable consumer', () => {
    expect(deadLetterSubject('bluehelm', 'notification-cases')).toBe('bluehelm.dead-letters.notification-cases');
  });

  it('rejects a durable name that would break the subject', () => {
    expect(() => deadLetterSubject('bluehelm', 'notify.cases')).toThrow(InvalidMessagingNameError);
  });

  it('rejects a subject prefix with a wildcard', () => {
    expect(() => integrationEventsFilter('bluehelm.*')).toThrow(InvalidMessagingNameError);
  });
});
