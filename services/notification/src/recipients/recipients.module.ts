import { Module } from '@nestjs/common';
import { FocalPointsHandler } from './focal-points.handler.js';
import { RecipientDirectory } from './recipient-directory.js';
import { SubscriptionSecretStore } from './subscription-secret.store.js';
import { SubscriptionsHandler } from './subscriptions.handler.js';

/** Focal points and subscriptions: written to the event log, followed in memory. */
@Module({
  controllers: [FocalPointsHandler, SubscriptionsHandler],
  providers: [RecipientDirectory, SubscriptionSecretStore],
  exports: [RecipientDirectory, SubscriptionSecretStore],
})
export class RecipientsModule {}
