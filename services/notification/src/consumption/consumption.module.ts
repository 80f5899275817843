import { Module } from '@nestjs/common';
import { CaseDirectoryStore } from '../cases/case-directory.store.js';
import { DeliveriesModule } from '../deliveries/deliveries.module.js';
import { RecipientsModule } from '../recipients/recipients.module.js';
import { StallCheckService } from '../stall/stall-check.service.js';
import { EventConsumerService } from './event-consumer.service.js';
import { NotifiableEventHandler } from './notifiable-event.handler.js';
import { ProcessedEventStore } from './processed-event.store.js';

/** Where notifications come from: integration events from JetStream, and the periodic stall check. */
@Module({
  imports: [RecipientsModule, DeliveriesModule],
  providers: [CaseDirectoryStore, ProcessedEventStore, NotifiableEventHandler, EventConsumerService, StallCheckService],
})
export class ConsumptionModule {}
