import { Module } from '@nestjs/common';

/** The case-tracking service: opens a case for every malicious act and records each judicial step. Health, metrics and ping come from the service kit. */
@Module({})
export class AppModule {}
