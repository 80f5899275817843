import { Module } from '@nestjs/common';
import { ConsumptionModule } from './consumption/consumption.module.js';
import { NotificationDatabaseModule } from './database/notification-database.module.js';
import { DeliveriesModule } from './deliveries/deliveries.module.js';
import { RecipientsModule } from './recipients/recipients.module.js';

/**
 * The notification service: focal points and subscriptions (event log), rules applied to the
 * integration events of JetStream, and webhook and e-mail delivery with retries and a delivery
 * log (its own database). Health, metrics and ping come from the service kit.
 */
@Module({
  imports: [NotificationDatabaseModule, RecipientsModule, DeliveriesModule, ConsumptionModule],
})
export class AppModule {}
