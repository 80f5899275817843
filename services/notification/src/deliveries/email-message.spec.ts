import { describe, expect, it } from '@jest/globals';
import { emailContentOf } from './email-message.js';

describe('notification e-mails', () => {
  it('say in the subject what happened and list the notified facts in the text', () => {
    const body = JSON.stringify({
      type: 'fatality.reported',
      timestamp: '2026-01-01T00:00:00.000Z',
      data: { mission: 'MINUSMA', occurredOn: '2020-03-14', fatalities: 2, fatalitiesByNationality: { SEN: 1, TCD: 1 } },
    });

    const content = emailContentOf('fatality', body);

    expect(content.subject).toBe('[Bluehelm] Fatality: 2 killed, MINUSMA, 2020-03-14');
    expect(content.text).toContain('fatalitiesByNationality: {"SEN":1,"TCD":1}');
  });

  it('name the stalled case and its latest step in a reminder', () => {
    const body = JSON.stringify({ type: 'case.stalled', data: { caseId: 'c-1', lastStepOn: '2024-01-01' } });
    expect(emailContentOf('stall-reminder', body).subject).toBe('[Bluehelm] Case c-1 has had no step since 2024-01-01');
  });
});
