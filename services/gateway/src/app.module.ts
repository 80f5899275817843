import { Module } from '@nestjs/common';
import { AccessModule } from './access/access.module.js';
import { AnalyticsModule } from './analytics/analytics.module.js';
import { CasesModule } from './cases/cases.module.js';
import { DocsModule } from './docs/docs.module.js';
import { ServicesHealthController } from './health/services-health.controller.js';
import { ServicesProbe } from './health/services.probe.js';
import { HttpEdgeModule } from './http-edge/http-edge.module.js';
import { IncidentsModule } from './incidents/incidents.module.js';
import { NotificationModule } from './notification/notification.module.js';

/**
 * The gateway: the one HTTP origin for people and mission systems. It checks every request at
 * the edge against the contracts and hands it to a service over NATS; `/v1/health` says
 * whether the whole system is ready, `/docs` describes the API.
 */
@Module({
  imports: [HttpEdgeModule, AccessModule, IncidentsModule, CasesModule, AnalyticsModule, NotificationModule, DocsModule],
  controllers: [ServicesHealthController],
  providers: [ServicesProbe],
})
export class AppModule {}
