import { Module } from '@nestjs/common';
import { ServicesHealthController } from './health/services-health.controller.js';
import { ServicesProbe } from './health/services.probe.js';

/**
 * The gateway: the one HTTP origin for people and mission systems. For now it reports whether
 * the whole system is ready; routes to the services come with the domain work.
 */
@Module({
  controllers: [ServicesHealthController],
  providers: [ServicesProbe],
})
export class AppModule {}
