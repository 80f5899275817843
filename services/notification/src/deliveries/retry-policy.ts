/** When a failed delivery is tried again, and when it becomes a dead letter. */
export interface RetryPolicy {
  /** Attempts in one round (from creation, or from a redelivery) before the delivery is dead. */
  readonly maxAttempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

export type AfterFailure = { readonly kind: 'retry'; readonly delayMs: number } | { readonly kind: 'dead' };

/**
 * The delay after failed attempt number `failedAttempts` (1-based in the round): the initial
 * delay doubled per earlier failure, capped, then "equal jitter" (half of it fixed, half random)
 * so that receivers failing together are not retried in lockstep and the delay never collapses
 * to nothing. `random` is in [0, 1).
 */
export function retryDelayMs(policy: RetryPolicy, failedAttempts: number, random: () => number): number {
  const exponential = policy.initialDelayMs * 2 ** Math.min(Math.max(failedAttempts - 1, 0), 40);
  const capped = Math.min(exponential, policy.maxDelayMs);
  return Math.round(capped / 2 + (capped / 2) * random());
}

/** What follows failed attempt number `failedAttempts` of the round. */
export function afterFailure(policy: RetryPolicy, failedAttempts: number, random: () => number): AfterFailure {
  if (failedAttempts >= policy.maxAttempts) return { kind: 'dead' };
  return { kind: 'retry', delayMs: retryDelayMs(policy, failedAttempts, random) };
}
