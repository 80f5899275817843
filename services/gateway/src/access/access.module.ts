import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { SERVICE_CONFIG } from '@bluehelm/service-kit';
import type { GatewayConfig } from '../config/gateway-config.js';
import { AccessGuard } from './access.guard.js';
import { FailedAuthentications } from './failed-authentications.js';
import { RateLimitGuard } from './rate-limit.guard.js';

/** Who may call what (AccessGuard, then RateLimitGuard, in that order on every route). */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      // Named `default`: the throttler appends any other name to its headers (Retry-After-<name>),
      // and clients read the standard Retry-After.
      useFactory: (config: GatewayConfig) => ({ throttlers: [{ name: 'default', ttl: 60_000, limit: config.RATE_LIMIT_PER_MINUTE }] }),
    }),
  ],
  providers: [
    FailedAuthentications,
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
})
export class AccessModule {}
