import { setTimeout as sleep } from 'node:timers/promises';

/** Exponential backoff: `initialDelayMs`, doubled per attempt, never above `maxDelayMs`. */
export interface RetryBackoff {
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_BACKOFF: RetryBackoff = { initialDelayMs: 200, maxDelayMs: 10_000 };

/**
 * The delay before retry number `attempt` (0-based), with up to 20% random jitter so that
 * replicas failing together do not retry in lockstep.
 */
export function backoffDelayMs(backoff: RetryBackoff, attempt: number): number {
  const exponential = backoff.initialDelayMs * 2 ** Math.min(attempt, 30);
  const capped = Math.min(exponential, backoff.maxDelayMs);
  return Math.round(capped * (0.8 + Math.random() * 0.2));
}

/** Waits `ms`, or less when `signal` aborts; never rejects. */
export async function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return;
  try {
    await sleep(ms, undefined, { signal });
  } catch {
    // Aborted: the caller is stopping and checks its own state.
  }
}
