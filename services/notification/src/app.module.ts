import { Module } from '@nestjs/common';

/** The notification service: rules, focal points, webhook and e-mail delivery. Health, metrics and ping come from the service kit. */
@Module({})
export class AppModule {}
