import { SERVICE_CONFIG, withTimeLimit } from '@bluehelm/service-kit';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import type { NotificationConfig } from '../config/notification-config.js';
import { emailMessageIdOf } from './delivery-id.js';
import type { ClaimedDelivery } from './delivery.records.js';
import { emailContentOf } from './email-message.js';
import { messageOf, type DeliverySender, type SendOutcome } from './delivery-sender.js';

export const NO_SMTP_SERVER = 'no SMTP server is configured (SMTP_URL is empty); redeliver once one is set';

/**
 * Sends a delivery's e-mail through the SMTP server of SMTP_URL. The Message-ID is derived from
 * the delivery id, so a copy sent again after a crash can be recognised by the mail system or
 * the reader. Without SMTP_URL every e-mail is a permanent failure (a dead letter saying why).
 */
@Injectable()
export class EmailSender implements DeliverySender, OnApplicationShutdown {
  private readonly transport: Transporter | undefined;

  constructor(@Inject(SERVICE_CONFIG) private readonly config: NotificationConfig) {
    const timeout = config.DELIVERY_TIMEOUT_MS;
    this.transport =
      config.SMTP_URL === ''
        ? undefined
        : nodemailer.createTransport({ url: config.SMTP_URL, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout });
  }

  async send(delivery: ClaimedDelivery): Promise<SendOutcome> {
    if (!this.transport) return { delivered: false, permanent: true, error: NO_SMTP_SERVER };
    const { subject, text } = emailContentOf(delivery.kind, delivery.body);
    try {
      const info = (await withTimeLimit(
        this.transport.sendMail({
          from: this.config.SMTP_FROM,
          to: delivery.address,
          subject,
          text,
          messageId: emailMessageIdOf(delivery.deliveryId),
          headers: { 'X-Bluehelm-Notification-Id': delivery.deliveryId },
        }),
        this.config.DELIVERY_TIMEOUT_MS,
        'the SMTP server did not accept the message in time',
      )) as { response?: string };
      return { delivered: true, ...(info.response === undefined ? {} : { smtpResponse: info.response }) };
    } catch (error) {
      const response = (error as { response?: unknown }).response;
      return {
        delivered: false,
        permanent: false,
        error: messageOf(error),
        ...(typeof response === 'string' ? { smtpResponse: response } : {}),
      };
    }
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
