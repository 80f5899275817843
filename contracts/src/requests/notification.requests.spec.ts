import { describe, expect, it } from '@jest/globals';
import { validateRequest } from '../problems/validate-request.js';
import { CreateFocalPointRequest, CreateSubscriptionRequest, NotificationListQuery } from './notification.requests.js';

function failingPaths(outcome: ReturnType<typeof validateRequest>): string[] {
  return outcome.ok ? [] : (outcome.problem.errors ?? []).map((error) => `${error.path}: ${error.message}`);
}

describe('notification requests', () => {
  it('accept a focal point of a known mission with an e-mail address', () => {
    const outcome = validateRequest(CreateFocalPointRequest, { mission: 'MINUSCA', name: 'Awa', email: 'awa@un.example', role: 'focal point' });
    expect(outcome.ok).toBe(true);
  });

  it('reject a focal point of an unknown mission, without an e-mail address or a role', () => {
    expect(failingPaths(validateRequest(CreateFocalPointRequest, { mission: 'NOPE', name: 'Awa', email: 'awa' }))).toEqual([
      'mission: mission must be the acronym of a known mission, such as MINUSMA',
      'email: email must be an e-mail address',
      'role: role is required',
    ]);
  });

  it('accept a webhook subscription with filters', () => {
    const outcome = validateRequest(CreateSubscriptionRequest, {
      channel: 'webhook',
      url: 'http://127.0.0.1:9000/hooks',
      filters: { missions: ['MINUSMA'], nationalities: ['SEN', 'TCD'], eventTypes: ['IncidentReported', 'AccusedConvicted'] },
    });
    expect(outcome.ok).toBe(true);
  });

  it('require the url of a webhook and the address of an e-mail subscription, and refuse the other', () => {
    expect(failingPaths(validateRequest(CreateSubscriptionRequest, { channel: 'webhook', email: 'a@b.example' }))).toEqual([
      'url: url is required',
      'email: email may only be given when channel is email',
    ]);
    expect(failingPaths(validateRequest(CreateSubscriptionRequest, { channel: 'email' }))).toEqual(['email: email is required']);
  });

  it('name each filter item that is not a known value', () => {
    const outcome = validateRequest(CreateSubscriptionRequest, {
      channel: 'email',
      email: 'desk@un.example',
      filters: { missions: ['MINUSMA', 'XX'], nationalities: ['sen'], caseIds: ['nope'], eventTypes: ['Whatever'] },
    });
    expect(failingPaths(outcome).map((failure) => failure.split(':')[0])).toEqual([
      'filters.missions',
      'filters.nationalities',
      'filters.caseIds',
      'filters.eventTypes',
    ]);
  });

  it('refuse a webhook URL that is not http or https', () => {
    expect(failingPaths(validateRequest(CreateSubscriptionRequest, { channel: 'webhook', url: 'ftp://x.example/h' }))).toEqual([
      'url: url must be an http or https URL',
    ]);
  });

  it('read a delivery log query with its defaults, and refuse an unknown status', () => {
    const outcome = validateRequest(NotificationListQuery, { status: 'dead' });
    expect(outcome).toMatchObject({ ok: true, value: { status: 'dead', limit: 50, offset: 0 } });
    expect(failingPaths(validateRequest(NotificationListQuery, { status: 'lost' }))).toHaveLength(1);
  });
});
