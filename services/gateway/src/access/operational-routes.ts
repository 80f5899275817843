/**
 * The service kit's probes and metrics (/health/live, /health/ready, /metrics), public in
 * ENDPOINT_ACCESS: the orchestrator and Prometheus call them every few seconds, and a readiness
 * probe answered 429 would take the gateway out of service, so the rate limit never counts them.
 */
const OPERATIONAL_ROUTES: ReadonlySet<string> = new Set(['/health/live', '/health/ready', '/metrics']);

/** Whether a route (as the router declares it) is one of the service kit's operational routes. */
export function isOperationalRoute(path: string | undefined): boolean {
  return path !== undefined && OPERATIONAL_ROUTES.has(path);
}
