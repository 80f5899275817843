import type { ThrottlerStorage } from '@nestjs/throttler';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

type ThrottlerRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * The throttler's counts, kept per caller and window by rate-limiter-flexible: one counter per
 * key. The throttler's own in-memory storage keeps a timestamp for every request in the window
 * and filters them all on every request, so a mission system sending its reports at a few
 * hundred a second made each request cost as much as the tens of thousands before it. Windows
 * are fixed (they start with a caller's first request) rather than sliding.
 */
export class WindowThrottlerStorage implements ThrottlerStorage {
  private readonly limiters = new Map<string, RateLimiterMemory>();

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerRecord> {
    try {
      const counted = await this.limiterFor(throttlerName, ttl, limit, blockDuration).consume(key);
      return { totalHits: counted.consumedPoints, timeToExpire: seconds(counted.msBeforeNext), isBlocked: false, timeToBlockExpire: 0 };
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const wait = Math.max(1, seconds(refusal.msBeforeNext));
      return { totalHits: refusal.consumedPoints, timeToExpire: wait, isBlocked: true, timeToBlockExpire: wait };
    }
  }

  /** One limiter per throttler and budget: the throttler passes its budget with every count. */
  private limiterFor(throttlerName: string, ttl: number, limit: number, blockDuration: number): RateLimiterMemory {
    const id = `${throttlerName}:${ttl}:${limit}:${blockDuration}`;
    let limiter = this.limiters.get(id);
    if (limiter === undefined) {
      limiter = new RateLimiterMemory({ keyPrefix: id, points: limit, duration: ttl / 1000, blockDuration: blockDuration / 1000 });
      this.limiters.set(id, limiter);
    }
    return limiter;
  }
}

function seconds(milliseconds: number): number {
  return Math.ceil(milliseconds / 1000);
}
