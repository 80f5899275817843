import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { SERVICE_CONFIG } from '@bluehelm/service-kit';
import type { GatewayConfig } from '../config/gateway-config.js';
import { AccessGuard } from './access.guard.js';
import { CallerRateLimit, RATE_LIMIT_THROTTLER, RATE_LIMIT_WINDOW_MS } from './caller-rate-limit.js';
import { FailedAuthentications } from './failed-authentications.js';
import { RateLimitGuard } from './rate-limit.guard.js';
import { RouteAccess } from './route-access.js';
import { WindowThrottlerStorage } from './window-throttler-storage.js';

/**
 * Who may call what (AccessGuard, then RateLimitGuard, in that order on every Nest route;
 * RouteAccess and CallerRateLimit for a route served ahead of the framework).
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: GatewayConfig) => ({
        throttlers: [{ name: RATE_LIMIT_THROTTLER, ttl: RATE_LIMIT_WINDOW_MS, limit: config.RATE_LIMIT_PER_MINUTE }],
        storage: new WindowThrottlerStorage(),
      }),
    }),
  ],
  providers: [
    FailedAuthentications,
    RouteAccess,
    CallerRateLimit,
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
  exports: [RouteAccess, CallerRateLimit],
})
export class AccessModule {}
