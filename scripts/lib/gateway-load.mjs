// A client of several gateways under a steady load, as mission systems behind a load balancer
// are: each request goes to the client's gateway and, when it fails on the wire or with a 5xx,
// is retried (with the same body, so idempotent by reportId or guarded by If-Match) on the next
// one. Everything is bounded in count and time.

/**
 * @typedef {{ status: number, body: any, attempts: number, at: number }} GatewayAnswer
 *   `status` 0 when no gateway answered at all; `at` when the last answer came (Date.now()).
 */

/**
 * Sends one request, retrying on failure through the gateways in turn, until a gateway gives an
 * answer below 500 (other than 429), `attempts` run out or `deadline` passes.
 *
 * @param {readonly string[]} gatewayUrls
 * @param {number} first index of the gateway to try first
 * @param {string} method
 * @param {string} path
 * @param {unknown} body
 * @param {{ headers?: Record<string, string>, attempts?: number, deadline?: number, timeoutMs?: number,
 *   retryOn?: (status: number) => boolean }} [options]
 * @returns {Promise<GatewayAnswer>}
 */
export async function sendWithRetry(gatewayUrls, first, method, path, body, options = {}) {
  const { headers = {}, attempts = 12, deadline = Date.now() + 60_000, timeoutMs = 15_000 } = options;
  const retryOn = options.retryOn ?? ((status) => status === 0 || status === 429 || status >= 500);
  /** @type {GatewayAnswer} */
  let answer = { status: 0, body: undefined, attempts: 0, at: Date.now() };
  for (let attempt = 0; attempt < attempts && Date.now() < deadline; attempt++) {
    const baseUrl = gatewayUrls[(first + attempt) % gatewayUrls.length];
    answer = { ...(await sendOnce(baseUrl, method, path, body, headers, timeoutMs)), attempts: attempt + 1 };
    if (!retryOn(answer.status)) return answer;
    await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** attempt, 1_000)));
  }
  return answer;
}

/** @returns {Promise<{ status: number, body: any, at: number }>} */
async function sendOnce(baseUrl, method, path, body, headers, timeoutMs) {
  try {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let parsed = text;
    try {
      parsed = text.length > 0 ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: the text is the body
    }
    return { status: response.status, body: parsed, at: Date.now() };
  } catch {
    return { status: 0, body: undefined, at: Date.now() };
  }
}

/**
 * Runs `clients` loops side by side; loop `index` calls `iteration(index, n)` until `durationMs`
 * has passed or it has run `maxIterations` times. Resolves when every loop has ended.
 *
 * @param {{ clients: number, durationMs: number, maxIterations: number,
 *   iteration: (client: number, n: number) => Promise<void> }} options
 */
export async function runClients({ clients, durationMs, maxIterations, iteration }) {
  const end = Date.now() + durationMs;
  const loop = async (client) => {
    for (let n = 0; n < maxIterations && Date.now() < end; n++) await iteration(client, n);
  };
  await Promise.all(Array.from({ length: clients }, (_, client) => loop(client)));
}
