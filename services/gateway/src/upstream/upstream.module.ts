import { Module } from '@nestjs/common';
import { CaseTrackingClient } from './case-tracking.client.js';
import { IntakeClient } from './intake.client.js';
import { servicesClientProvider } from './services-client.provider.js';

/** The gateway's clients of the services behind it. */
@Module({
  providers: [servicesClientProvider, IntakeClient, CaseTrackingClient],
  exports: [IntakeClient, CaseTrackingClient],
})
export class UpstreamModule {}
