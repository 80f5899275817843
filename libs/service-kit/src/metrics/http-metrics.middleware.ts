import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServiceMetrics } from './service-metrics.js';

/** Express sets `route` on the request once a route matched; its `path` is the pattern. */
type RoutedRequest = IncomingMessage & { route?: { path?: unknown } };

/**
 * Times every HTTP request. The route label is the matched pattern (`/v1/cases/:id`), never the
 * raw URL, so that ids and query strings neither leak into metrics nor explode their cardinality.
 */
export function httpMetricsMiddleware(metrics: ServiceMetrics) {
  return (request: RoutedRequest, response: ServerResponse, next: () => void): void => {
    const stopTimer = metrics.httpRequestDuration.startTimer();
    response.once('finish', () => {
      const pattern = request.route?.path;
      stopTimer({
        method: request.method ?? 'UNKNOWN',
        route: typeof pattern === 'string' ? pattern : 'unmatched',
        status: String(response.statusCode),
      });
    });
    next();
  };
}
