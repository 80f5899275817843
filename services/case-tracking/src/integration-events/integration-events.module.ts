import { Module } from '@nestjs/common';
import { CaseOpener } from '../case-opening/case-opener.js';
import { IntegrationEventsService } from './integration-events.service.js';

/** JetStream: the relay of case events, and the consumer that opens cases from incident reports. */
@Module({
  providers: [CaseOpener, IntegrationEventsService],
})
export class IntegrationEventsModule {}
