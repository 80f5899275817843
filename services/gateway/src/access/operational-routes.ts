/**
 * The service kit's probes and metrics (/health/live, /health/ready, /metrics): the orchestrator
 * and Prometheus call them with no token, and a readiness probe that answered 401, 403 or 429
 * would take the gateway out of service. They carry no data of the API.
 */
const OPERATIONAL_ROUTES: ReadonlySet<string> = new Set(['/health/live', '/health/ready', '/metrics']);

/** Whether a route (as the router declares it) is one of the service kit's operational routes. */
export function isOperationalRoute(path: string | undefined): boolean {
  return path !== undefined && OPERATIONAL_ROUTES.has(path);
}
