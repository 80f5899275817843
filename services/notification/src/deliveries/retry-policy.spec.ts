import { describe, expect, it } from '@jest/globals';
import { afterFailure, retryDelayMs, type RetryPolicy } from './retry-policy.js';

const policy: RetryPolicy = { maxAttempts: 5, initialDelayMs: 1_000, maxDelayMs: 6_000 };

describe('the retry policy', () => {
  it('doubles the delay after each failure, within half and all of the exponential value', () => {
    expect(retryDelayMs(policy, 1, () => 0)).toBe(500);
    expect(retryDelayMs(policy, 1, () => 0.999999)).toBe(1_000);
    expect(retryDelayMs(policy, 2, () => 0)).toBe(1_000);
    expect(retryDelayMs(policy, 3, () => 0.5)).toBe(3_000);
  });

  it('never waits longer than the maximum delay', () => {
    expect(retryDelayMs(policy, 4, () => 0.999999)).toBe(6_000);
    expect(retryDelayMs(policy, 30, () => 0.999999)).toBe(6_000);
  });

  it('spreads retries with jitter', () => {
    const delays = new Set([0.1, 0.4, 0.7].map((random) => retryDelayMs(policy, 3, () => random)));
    expect(delays.size).toBe(3);
  });

  it('retries until the last allowed attempt has failed, then makes a dead letter', () => {
    expect(afterFailure(policy, 4, () => 0)).toEqual({ kind: 'retry', delayMs: 3_000 });
    expect(afterFailure(policy, 5, () => 0)).toEqual({ kind: 'dead' });
  });
});
