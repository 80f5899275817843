import type { ServerResponse } from 'node:http';
import { problemOf, type Principal, type Problem } from '@bluehelm/contracts';
import { SERVICE_CONFIG } from '@bluehelm/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { getStorageToken, ThrottlerStorage } from '@nestjs/throttler';
import type { GatewayConfig } from '../config/gateway-config.js';
import { ProblemException } from '../problems/problem.exception.js';

/** The one budget every caller has: RATE_LIMIT_PER_MINUTE requests per this window. */
export const RATE_LIMIT_WINDOW_MS = 60_000;
/**
 * The throttler's name. `default`, because the throttler appends any other name to its headers
 * (Retry-After-<name>) and clients read the standard Retry-After.
 */
export const RATE_LIMIT_THROTTLER = 'default';

/** Where a caller's count is kept: one key per caller for the whole API, not one per route. */
export function rateLimitKey(tracker: string): string {
  return `${RATE_LIMIT_THROTTLER}:${tracker}`;
}

/** The tracker of a verified caller: its token's subject. */
export function subjectTracker(principal: Principal): string {
  return `sub:${principal.sub}`;
}

export function rateLimitedProblem(limit: number, windowMs: number, retryAfterSeconds: number): Problem {
  return problemOf('rate-limited', `More than ${limit} requests in ${windowMs / 1000} s; try again in ${Math.ceil(retryAfterSeconds)} s.`);
}

/**
 * Counts a verified caller's request against its budget, as the RateLimitGuard does for the Nest
 * routes (same storage, same key, same headers), for the routes served ahead of the framework.
 */
@Injectable()
export class CallerRateLimit {
  constructor(
    @Inject(getStorageToken()) private readonly storage: ThrottlerStorage,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** 429 as a ProblemException, with Retry-After, once the caller is past its budget. */
  async count(principal: Principal, response: ServerResponse): Promise<void> {
    const limit = this.config.RATE_LIMIT_PER_MINUTE;
    const key = rateLimitKey(subjectTracker(principal));
    const record = await this.storage.increment(key, RATE_LIMIT_WINDOW_MS, limit, RATE_LIMIT_WINDOW_MS, RATE_LIMIT_THROTTLER);
    if (record.isBlocked) {
      response.setHeader('Retry-After', String(record.timeToBlockExpire));
      throw new ProblemException(rateLimitedProblem(limit, RATE_LIMIT_WINDOW_MS, record.timeToBlockExpire));
    }
    response.setHeader('X-RateLimit-Limit', String(limit));
    response.setHeader('X-RateLimit-Remaining', String(Math.max(0, limit - record.totalHits)));
    response.setHeader('X-RateLimit-Reset', String(record.timeToExpire));
  }
}
