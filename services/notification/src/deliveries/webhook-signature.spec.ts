import { createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { newWebhookSecret } from '../recipients/subscription-secret.store.js';
import { signedWebhookHeaders } from './webhook.sender.js';

const body = JSON.stringify({ type: 'fatality.reported', timestamp: '2026-01-01T00:00:00.000Z', data: { fatalities: 2 } });

describe('webhook signatures', () => {
  it('are verified by the Standard Webhooks library with the secret shown at creation', () => {
    const secret = newWebhookSecret();
    const headers = signedWebhookHeaders(secret, 'a1635ea9-b108-5688-9428-d77a69af6b85', body, new Date());

    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('are HMAC-SHA256 of "id.timestamp.body" under the base64 key after whsec_', () => {
    const secret = newWebhookSecret();
    const headers = signedWebhookHeaders(secret, 'msg-1', body, new Date('2026-01-01T00:00:05.678Z'));

    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const expected = createHmac('sha256', key).update(`msg-1.1767225605.${body}`).digest('base64');
    expect(headers).toEqual({ 'webhook-id': 'msg-1', 'webhook-timestamp': '1767225605', 'webhook-signature': `v1,${expected}` });
  });

  it('fail verification when the body was altered or another secret is used', () => {
    const secret = newWebhookSecret();
    const headers = signedWebhookHeaders(secret, 'msg-2', body, new Date());

    expect(() => new Webhook(secret).verify(body.replace('2', '3'), headers)).toThrow(WebhookVerificationError);
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow(WebhookVerificationError);
  });
});
