import type { IncomingMessage } from 'node:http';
import type { Principal } from '@bluehelm/contracts';
import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { ProblemException } from '../problems/problem.exception.js';
import { rateLimitedProblem, rateLimitKey, subjectTracker } from './caller-rate-limit.js';
import { isOperationalRoute } from './operational-routes.js';

type GuardedRequest = IncomingMessage & { principal?: Principal; ip?: string; route?: { path?: string } };

/**
 * Requests per caller per minute (RATE_LIMIT_PER_MINUTE) across all routes: counted per token
 * subject once the AccessGuard has verified it, per client address on the public routes. Answers
 * 429 problem+json with Retry-After. Counts are per gateway replica.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  /** Probes and metrics are never counted, so that no caller's requests can make a probe fail. */
  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return Promise.resolve(false);
    return Promise.resolve(isOperationalRoute(context.switchToHttp().getRequest<GuardedRequest>().route?.path));
  }

  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const guarded = request as unknown as GuardedRequest;
    const tracker = guarded.principal !== undefined ? subjectTracker(guarded.principal) : `ip:${guarded.ip ?? guarded.socket.remoteAddress ?? ''}`;
    return Promise.resolve(tracker);
  }

  /** One budget per caller for the whole API, not one per route. */
  protected override generateKey(_context: ExecutionContext, tracker: string): string {
    return rateLimitKey(tracker);
  }

  protected override throwThrottlingException(_context: ExecutionContext, limit: ThrottlerLimitDetail): Promise<void> {
    throw new ProblemException(rateLimitedProblem(limit.limit, limit.ttl, limit.timeToBlockExpire));
  }
}
