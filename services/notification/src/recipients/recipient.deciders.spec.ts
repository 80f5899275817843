import { describe, it } from '@jest/globals';
import { deciderSpec } from '@bluehelm/event-sourcing/testing';
import { focalPointDecider } from './focal-point.decider.js';
import type { FocalPointDetails } from './focal-point.events.js';
import { RecipientIdTakenError, RecipientNotFoundError } from './recipient.errors.js';
import { subscriptionDecider } from './subscription.decider.js';
import type { SubscriptionDetails } from './subscription.events.js';

const focalPoint: FocalPointDetails = { focalPointId: 'fp1', mission: 'MINUSMA', name: 'Awa', email: 'awa@un.example', role: 'focal point' };
const subscription: SubscriptionDetails = {
  subscriptionId: 's1',
  channel: 'webhook',
  url: 'https://r.example/hook',
  filters: { missions: [], hostStates: [], nationalities: ['SEN'], caseIds: [], eventTypes: [] },
};

describe('a focal point', () => {
  const spec = deciderSpec(focalPointDecider);

  it('is registered once', () => {
    spec.given([]).when({ type: 'RegisterFocalPoint', data: focalPoint }).then([{ type: 'FocalPointRegistered', data: focalPoint }]);
  });

  it('registered again with the same details records nothing more', () => {
    spec.given([{ type: 'FocalPointRegistered', data: focalPoint }]).when({ type: 'RegisterFocalPoint', data: focalPoint }).then([]);
  });

  it('cannot be registered under an id already taken by someone else', () => {
    spec
      .given([{ type: 'FocalPointRegistered', data: focalPoint }])
      .when({ type: 'RegisterFocalPoint', data: { ...focalPoint, name: 'Other' } })
      .thenThrows(RecipientIdTakenError);
  });

  it('is removed', () => {
    spec
      .given([{ type: 'FocalPointRegistered', data: focalPoint }])
      .when({ type: 'RemoveFocalPoint', data: { focalPointId: 'fp1' } })
      .then([{ type: 'FocalPointRemoved', data: { focalPointId: 'fp1' } }]);
  });

  it('that does not exist, or was removed, cannot be removed', () => {
    spec.given([]).when({ type: 'RemoveFocalPoint', data: { focalPointId: 'fp1' } }).thenThrows(RecipientNotFoundError);
    spec
      .given([{ type: 'FocalPointRegistered', data: focalPoint }, { type: 'FocalPointRemoved', data: { focalPointId: 'fp1' } }])
      .when({ type: 'RemoveFocalPoint', data: { focalPointId: 'fp1' } })
      .thenThrows(RecipientNotFoundError);
  });
});

describe('a subscription', () => {
  const spec = deciderSpec(subscriptionDecider);

  it('is created, and created again identically records nothing more', () => {
    spec.given([]).when({ type: 'CreateSubscription', data: subscription }).then([{ type: 'SubscriptionCreated', data: subscription }]);
    spec.given([{ type: 'SubscriptionCreated', data: subscription }]).when({ type: 'CreateSubscription', data: subscription }).then([]);
  });

  it('cannot take an id already taken by another subscription', () => {
    spec
      .given([{ type: 'SubscriptionCreated', data: subscription }])
      .when({ type: 'CreateSubscription', data: { ...subscription, url: 'https://elsewhere.example' } })
      .thenThrows(RecipientIdTakenError);
  });

  it('is cancelled once', () => {
    spec
      .given([{ type: 'SubscriptionCreated', data: subscription }])
      .when({ type: 'CancelSubscription', data: { subscriptionId: 's1' } })
      .then([{ type: 'SubscriptionCancelled', data: { subscriptionId: 's1' } }]);
    spec
      .given([{ type: 'SubscriptionCreated', data: subscription }, { type: 'SubscriptionCancelled', data: { subscriptionId: 's1' } }])
      .when({ type: 'CancelSubscription', data: { subscriptionId: 's1' } })
      .thenThrows(RecipientNotFoundError);
  });
});
