import { SERVICE_CONFIG } from '@bluehelm/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { Webhook } from 'standardwebhooks';
import type { NotificationConfig } from '../config/notification-config.js';
import { SubscriptionSecretStore } from '../recipients/subscription-secret.store.js';
import type { ClaimedDelivery } from './delivery.records.js';
import { messageOf, type DeliverySender, type SendOutcome } from './delivery-sender.js';

/** The Standard Webhooks headers of one attempt: the same id every time, a fresh timestamp and signature. */
export function signedWebhookHeaders(secret: string, webhookId: string, body: string, now: Date): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  // Signs "<id>.<timestamp>.<body>" with HMAC-SHA256 under the base64 key after `whsec_`.
  const signature = new Webhook(secret).sign(webhookId, new Date(timestamp * 1000), body);
  return {
    'webhook-id': webhookId,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signature,
  };
}

/**
 * POSTs the stored body to the subscription's URL, signed per the Standard Webhooks
 * specification with the subscription's secret. Any 2xx answer is a delivery.
 */
@Injectable()
export class WebhookSender implements DeliverySender {
  constructor(
    private readonly secrets: SubscriptionSecretStore,
    @Inject(SERVICE_CONFIG) private readonly config: NotificationConfig,
  ) {}

  async send(delivery: ClaimedDelivery): Promise<SendOutcome> {
    const secret = delivery.subscriptionId === null ? undefined : await this.secrets.secretOf(delivery.subscriptionId);
    if (secret === undefined) {
      return { delivered: false, permanent: true, error: 'the subscription was cancelled: it has no signing secret any more' };
    }
    const headers = signedWebhookHeaders(secret, delivery.deliveryId, delivery.body, new Date());
    try {
      const response = await fetch(delivery.address, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Bluehelm-Notification/1', ...headers },
        body: delivery.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.DELIVERY_TIMEOUT_MS),
      });
      await response.body?.cancel().catch(() => undefined);
      if (response.status >= 200 && response.status < 300) return { delivered: true, statusCode: response.status };
      return { delivered: false, permanent: false, statusCode: response.status, error: `the receiver answered ${response.status}` };
    } catch (error) {
      return { delivered: false, permanent: false, error: describeFetchFailure(error) };
    }
  }
}

function describeFetchFailure(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'the receiver did not answer in time';
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${messageOf(error)}${cause}`;
}
