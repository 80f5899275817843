import { describe, expect, it } from '@jest/globals';
import type { RecipientDirectoryState, SubscriptionEntry } from '../recipients/recipient-directory.projection.js';
import type { SubscriptionFilters } from '../recipients/subscription.events.js';
import type { Notification, SubscriberFacts } from './notification.js';
import { filtersMatch, recipientsOf } from './recipient-resolution.js';

const noFilters: SubscriptionFilters = { missions: [], hostStates: [], nationalities: [], caseIds: [], eventTypes: [] };
const facts: SubscriberFacts = { eventType: 'IncidentReported', mission: 'MINUSMA', hostState: 'MLI', nationalities: ['SEN', 'TCD'], caseId: 'case-1' };

function subscription(id: string, filters: Partial<SubscriptionFilters>, channel: 'webhook' | 'email' = 'webhook'): SubscriptionEntry {
  return {
    subscriptionId: id,
    channel,
    ...(channel === 'webhook' ? { url: `https://receiver.example/${id}` } : { email: `${id}@example.org` }),
    filters: { ...noFilters, ...filters },
    createdAt: '2024-01-01T00:00:00.000Z',
    createdBy: 'admin',
  };
}

const fatality: Notification = {
  eventId: 'e-1',
  eventType: 'IncidentReported',
  kind: 'fatality',
  timestamp: '2024-01-01T00:00:00.000Z',
  payload: {},
  audience: { focalPointsOf: 'MINUSMA', subscribers: facts },
};

describe('subscription filters', () => {
  it('match everything when every list is empty', () => {
    expect(filtersMatch(noFilters, facts)).toBe(true);
  });

  it('match a victim nationality among several', () => {
    expect(filtersMatch({ ...noFilters, nationalities: ['SEN'] }, facts)).toBe(true);
    expect(filtersMatch({ ...noFilters, nationalities: ['BGD'] }, facts)).toBe(false);
  });

  it('need every non-empty list to match', () => {
    expect(filtersMatch({ ...noFilters, missions: ['MINUSMA'], nationalities: ['SEN'] }, facts)).toBe(true);
    expect(filtersMatch({ ...noFilters, missions: ['MINUSMA'], nationalities: ['BGD'] }, facts)).toBe(false);
    expect(filtersMatch({ ...noFilters, hostStates: ['COD'] }, facts)).toBe(false);
    expect(filtersMatch({ ...noFilters, eventTypes: ['AccusedConvicted'] }, facts)).toBe(false);
  });

  it('do not match a case filter when the event names no case', () => {
    expect(filtersMatch({ ...noFilters, caseIds: ['case-1'] }, facts)).toBe(true);
    expect(filtersMatch({ ...noFilters, caseIds: ['case-1'] }, { ...facts, caseId: null })).toBe(false);
  });
});

describe('recipients of a notification', () => {
  const directory: RecipientDirectoryState = {
    position: 9,
    focalPoints: {
      fp1: { focalPointId: 'fp1', mission: 'MINUSMA', name: 'Awa', email: 'Awa@UN.example', role: 'focal point', registeredAt: '', registeredBy: '' },
      fp2: { focalPointId: 'fp2', mission: 'MONUSCO', name: 'Jean', email: 'jean@un.example', role: 'focal point', registeredAt: '', registeredBy: '' },
    },
    subscriptions: {
      sen: subscription('sen', { nationalities: ['SEN'] }),
      bgd: subscription('bgd', { nationalities: ['BGD'] }),
      awa: { ...subscription('awa', { missions: ['MINUSMA'] }, 'email'), email: 'awa@un.example' },
    },
  };

  it('are the focal points of the mission and the matching subscriptions, one delivery per address', () => {
    expect(recipientsOf(fatality, directory)).toEqual([
      {
        key: 'email:awa@un.example',
        channel: 'email',
        address: 'Awa@UN.example',
        subscriptionId: null,
        sources: [
          { kind: 'subscription', id: 'awa' },
          { kind: 'focal-point', id: 'fp1' },
        ],
      },
      { key: 'webhook:sen', channel: 'webhook', address: 'https://receiver.example/sen', subscriptionId: 'sen', sources: [{ kind: 'subscription', id: 'sen' }] },
    ]);
  });

  it('leave focal points out when the notification is for subscribers only', () => {
    const step: Notification = { ...fatality, kind: 'case-step', audience: { focalPointsOf: null, subscribers: facts } };
    expect(recipientsOf(step, directory).map((recipient) => recipient.key)).toEqual(['email:awa@un.example', 'webhook:sen']);
    expect(recipientsOf(step, directory)[0]?.sources).toEqual([{ kind: 'subscription', id: 'awa' }]);
  });
});
