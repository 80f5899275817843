// A container health check without curl or wget in the image: exits 0 when the URL answers
// 2xx within the time limit, 1 otherwise. Usage: node deploy/docker/http-probe.mjs <url>
const [url] = process.argv.slice(2);
const TIME_LIMIT_MS = 3_000;

if (!url) {
  process.stderr.write('http-probe: give the URL to check\n');
  process.exit(2);
}
try {
  const response = await fetch(url, { signal: AbortSignal.timeout(TIME_LIMIT_MS) });
  process.exit(response.ok ? 0 : 1);
} catch (error) {
  process.stderr.write(`http-probe: ${url}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
