import { Module } from '@nestjs/common';
import { AnalyticsClient } from './analytics.client.js';
import { CaseTrackingClient } from './case-tracking.client.js';
import { IndicatorFeed } from './indicator.feed.js';
import { IntakeClient } from './intake.client.js';
import { NotificationClient } from './notification.client.js';
import { servicesClientProvider } from './services-client.provider.js';

/** The gateway's clients of the services behind it, and the analytics indicator feed. */
@Module({
  providers: [servicesClientProvider, IntakeClient, CaseTrackingClient, AnalyticsClient, NotificationClient, IndicatorFeed],
  exports: [IntakeClient, CaseTrackingClient, AnalyticsClient, NotificationClient, IndicatorFeed],
})
export class UpstreamModule {}
