import { describe, it } from '@jest/globals';
import { projectionSpec } from '@bluehelm/event-sourcing/testing';
import { emptyRecipientDirectory, evolveRecipientDirectory, type DirectoryEvent } from './recipient-directory.projection.js';

const focalPoint = { focalPointId: 'fp1', mission: 'MINUSMA', name: 'Awa', email: 'awa@un.example', role: 'focal point' };
const filters = { missions: [], hostStates: [], nationalities: ['SEN'], caseIds: [], eventTypes: [] };
const subscription = { subscriptionId: 's1', channel: 'webhook', url: 'https://r.example/hook', filters };

function event(position: number, type: string, data: unknown): DirectoryEvent {
  return { position, type, data, metadata: { recordedAt: `2024-01-0${position}T00:00:00.000Z`, actor: 'admin' } };
}

describe('the recipient directory', () => {
  it('holds registered focal points and created subscriptions with who recorded them and when', () => {
    projectionSpec(evolveRecipientDirectory, emptyRecipientDirectory())
      .given([event(1, 'FocalPointRegistered', focalPoint), event(2, 'SubscriptionCreated', subscription)])
      .then({
        position: 2,
        focalPoints: { fp1: { ...focalPoint, registeredAt: '2024-01-01T00:00:00.000Z', registeredBy: 'admin' } },
        subscriptions: { s1: { ...subscription, createdAt: '2024-01-02T00:00:00.000Z', createdBy: 'admin' } },
      });
  });

  it('drops removed focal points and cancelled subscriptions', () => {
    projectionSpec(evolveRecipientDirectory, emptyRecipientDirectory())
      .given([
        event(1, 'FocalPointRegistered', focalPoint),
        event(2, 'SubscriptionCreated', subscription),
        event(3, 'FocalPointRemoved', { focalPointId: 'fp1' }),
        event(4, 'SubscriptionCancelled', { subscriptionId: 's1' }),
      ])
      .then({ position: 4, focalPoints: {}, subscriptions: {} });
  });

  it('skips events of other types but remembers their position', () => {
    projectionSpec(evolveRecipientDirectory, emptyRecipientDirectory())
      .given([event(5, 'SomethingNew', {})])
      .then({ position: 5, focalPoints: {}, subscriptions: {} });
  });
});
