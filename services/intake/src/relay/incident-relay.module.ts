import { Module } from '@nestjs/common';
import { IntakeNatsModule } from '../nats/intake-nats.module.js';
import { IncidentRelayService } from './incident-relay.service.js';

@Module({ imports: [IntakeNatsModule], providers: [IncidentRelayService] })
export class IncidentRelayModule {}
