import { Module } from '@nestjs/common';
import { IncidentViewModule } from './incident-view/incident-view.module.js';
import { IncidentRelayModule } from './relay/incident-relay.module.js';
import { ReportingModule } from './reporting/reporting.module.js';

/**
 * The intake service: accepts incident reports on NATS, appends them to incident streams,
 * answers incident views, and relays incident events to JetStream. Health, metrics and ping
 * come from the service kit.
 */
@Module({ imports: [ReportingModule, IncidentViewModule, IncidentRelayModule] })
export class AppModule {}
