import { PersonalDataModule } from '@bluehelm/service-kit';
import { Module } from '@nestjs/common';
import { IntakeNatsModule } from '../nats/intake-nats.module.js';
import { ReportIncidentHandler } from './report-incident.handler.js';
import { ReportIncidentSubscription } from './report-incident.subscription.js';

@Module({ imports: [IntakeNatsModule, PersonalDataModule], providers: [ReportIncidentHandler, ReportIncidentSubscription] })
export class ReportingModule {}
