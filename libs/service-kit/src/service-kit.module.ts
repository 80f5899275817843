import type { EventStore } from '@bluehelm/event-store';
import type { ServiceName } from '@bluehelm/contracts';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type { ClientProxy } from '@nestjs/microservices';
import { LoggerModule } from 'nestjs-pino';
import { AccessTrail } from './access/access-trail.js';
import { AllowedRolesInterceptor } from './access/allowed-roles.js';
import { CallerAccess } from './access/caller-access.js';
import type { ServiceConfig } from './config/service-config.js';
import { EVENT_STORE } from './event-store/open-event-store.js';
import { HealthController } from './health/health.controller.js';
import { ReadinessProbe } from './health/readiness.probe.js';
import { loggingParams } from './logging/logging-params.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { ServiceMetrics } from './metrics/service-metrics.js';
import { pingControllerFor } from './ping/ping.controller.js';
import { NATS_CLIENT, SERVICE_CONFIG, SERVICE_NAME } from './service-kit.tokens.js';
import { InFlightWork } from './shutdown/in-flight-work.js';
import { WorkSources } from './shutdown/work-sources.js';
import { WorkTrackingInterceptor } from './shutdown/work-tracking.interceptor.js';

/** What bootstrapService opened before Nest starts, handed to the module as ready instances. */
export interface ServiceRuntime {
  readonly name: ServiceName;
  readonly config: ServiceConfig;
  readonly eventStore: EventStore;
  readonly natsClient: ClientProxy;
  readonly inFlight: InFlightWork;
  readonly workSources: WorkSources;
  readonly metrics: ServiceMetrics;
  readonly readiness: ReadinessProbe;
  readonly callerAccess: CallerAccess;
}

/**
 * The part every service shares: logging, health, metrics, ping, in-flight tracking, and the
 * injectable EVENT_STORE, SERVICE_CONFIG, SERVICE_NAME, NATS_CLIENT, InFlightWork, WorkSources,
 * ServiceMetrics, CallerAccess and AccessTrail. Global, so that a service's modules inject them without importing this.
 */
@Module({})
export class ServiceKitModule {
  static forRuntime(runtime: ServiceRuntime): DynamicModule {
    const shared = [
      { provide: SERVICE_NAME, useValue: runtime.name },
      { provide: SERVICE_CONFIG, useValue: runtime.config },
      { provide: EVENT_STORE, useValue: runtime.eventStore },
      { provide: NATS_CLIENT, useValue: runtime.natsClient },
      { provide: InFlightWork, useValue: runtime.inFlight },
      { provide: WorkSources, useValue: runtime.workSources },
      { provide: ServiceMetrics, useValue: runtime.metrics },
      { provide: ReadinessProbe, useValue: runtime.readiness },
      { provide: CallerAccess, useValue: runtime.callerAccess },
    ];
    return {
      module: ServiceKitModule,
      global: true,
      imports: [LoggerModule.forRoot(loggingParams(runtime.name, runtime.config.LOG_LEVEL))],
      controllers: [HealthController, MetricsController, pingControllerFor(runtime.name)],
      providers: [
        ...shared,
        AccessTrail,
        { provide: APP_INTERCEPTOR, useClass: WorkTrackingInterceptor },
        { provide: APP_INTERCEPTOR, useClass: AllowedRolesInterceptor },
      ],
      exports: [...shared.map((provider) => provider.provide), AccessTrail],
    };
  }
}
