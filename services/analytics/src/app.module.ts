import { Module } from '@nestjs/common';

/** The analytics service: projections from the event log: indicators, reports, as-of replays. Health, metrics and ping come from the service kit. */
@Module({})
export class AppModule {}
