import { Module } from '@nestjs/common';
import { CaseListModule } from './case-list/case-list.module.js';
import { CaseQueriesModule } from './case-queries/case-queries.module.js';
import { CasesModule } from './cases/cases.module.js';
import { ClockModule } from './clock/clock.module.js';
import { IntegrationEventsModule } from './integration-events/integration-events.module.js';

/**
 * The case-tracking service: opens a case for every malicious act, records each judicial step,
 * and answers case queries. Health, metrics and ping come from the service kit.
 */
@Module({
  imports: [ClockModule, CasesModule, CaseQueriesModule, CaseListModule, IntegrationEventsModule],
})
export class AppModule {}
