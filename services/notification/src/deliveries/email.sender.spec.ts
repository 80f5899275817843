import { describe, expect, it } from '@jest/globals';
import { NotificationConfig } from '../config/notification-config.js';
import type { ClaimedDelivery } from './delivery.records.js';
import { EmailSender, NO_SMTP_SERVER } from './email.sender.js';

const delivery: ClaimedDelivery = {
  deliveryId: 'a1635ea9-b108-5688-9428-d77a69af6b85',
  eventId: '5b0e4f1a-9c2d-4e3f-8a1b-2c3d4e5f6a7b',
  eventType: 'IncidentReported',
  kind: 'fatality',
  channel: 'email',
  address: 'awa@un.example',
  subscriptionId: null,
  body: JSON.stringify({ type: 'fatality.reported', data: { fatalities: 1 } }),
  attemptNumber: 1,
  roundAttempt: 1,
};

describe('the e-mail sender', () => {
  it('without an SMTP server makes each e-mail a permanent failure that says why', async () => {
    const sender = new EmailSender(Object.assign(new NotificationConfig(), { SMTP_URL: '' }));

    expect(await sender.send(delivery)).toEqual({ delivered: false, permanent: true, error: NO_SMTP_SERVER });
  });

  it('with an SMTP server that cannot be reached reports a failure worth retrying', async () => {
    const sender = new EmailSender(Object.assign(new NotificationConfig(), { SMTP_URL: 'smtp://127.0.0.1:1', DELIVERY_TIMEOUT_MS: 2_000 }));

    const outcome = await sender.send(delivery);
    sender.onApplicationShutdown();

    expect(outcome).toMatchObject({ delivered: false, permanent: false });
  });
});
