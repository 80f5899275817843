/**
 * Polls `url` until it answers with a status `isReady` accepts, and resolves with that
 * response's status and text. Rejects after `timeoutMs`, or as soon as `giveUp()` returns a
 * reason (for example: the process that should answer has exited).
 *
 * @param {string} url
 * @param {{ timeoutMs?: number, intervalMs?: number, isReady?: (status: number) => boolean,
 *   giveUp?: () => string | undefined }} [options]
 * @returns {Promise<{ status: number, body: string }>}
 */
export async function waitForHttp(url, { timeoutMs = 60_000, intervalMs = 250, isReady = (status) => status === 200, giveUp = () => undefined } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    const reason = giveUp();
    if (reason) throw new Error(`gave up waiting for ${url}: ${reason}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(Math.max(intervalMs, 2_000)) });
      const body = await response.text();
      if (isReady(response.status)) return { status: response.status, body };
      last = `${response.status} ${body}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`${url} was not ready within ${timeoutMs / 1000} s (last answer: ${last})`);
}
