import { Module } from '@nestjs/common';
import { RecipientsModule } from '../recipients/recipients.module.js';
import { DeliveryLogQuery } from './delivery-log.query.js';
import { DeliveryWorker } from './delivery-worker.js';
import { DeliveryStore } from './delivery.store.js';
import { EmailSender } from './email.sender.js';
import { NotificationsHandler } from './notifications.handler.js';
import { WebhookSender } from './webhook.sender.js';

/** Delivery records, the sender that works through them, and the delivery log. */
@Module({
  imports: [RecipientsModule],
  controllers: [NotificationsHandler],
  providers: [DeliveryStore, DeliveryLogQuery, DeliveryWorker, WebhookSender, EmailSender],
  exports: [DeliveryStore, DeliveryWorker],
})
export class DeliveriesModule {}
