/** A task that did not finish within its time limit. */
export class TimeLimitExceededError extends Error {
  override readonly name = 'TimeLimitExceededError';
}

/** Resolves or rejects like `work`, or rejects with TimeLimitExceededError after `limitMs`. */
export async function withTimeLimit<T>(work: Promise<T>, limitMs: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeLimitExceededError(message)), limitMs);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}
