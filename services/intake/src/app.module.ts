import { Module } from '@nestjs/common';

/** The intake service: accepts incident reports and appends them to incident streams. Health, metrics and ping come from the service kit. */
@Module({})
export class AppModule {}
