import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { endpointAccessOf, type EndpointAccess } from '@bluehelm/contracts';
import { httpMetricsMiddleware, httpRequestLogger, SERVICE_CONFIG, SERVICE_NAME, ServiceMetrics, type ServiceConfig } from '@bluehelm/service-kit';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { CallerRateLimit } from '../access/caller-rate-limit.js';
import { carryCredentials } from '../access/request-credentials.js';
import { RouteAccess } from '../access/route-access.js';
import { serveAheadOfFramework, type LaneRoute } from '../http-edge/ahead-of-framework.js';
import { correlationId } from '../http-edge/correlation-id.middleware.js';
import { securityHeaders } from '../http-edge/security-headers.middleware.js';
import { internalProblem } from '../problems/gateway-problems.js';
import { sendProblem } from '../problems/problem-exception.filter.js';
import { ProblemException } from '../problems/problem.exception.js';
import { IncidentReportForwarder } from './incident-report.forwarder.js';

const REPORT_PATH = '/v1/incidents';
const proceed = () => undefined;

/**
 * `POST /v1/incidents`, the route mission systems call at volume, served ahead of Express and
 * Nest's per-request machinery (router, guards, interceptors, observables), which cost the
 * gateway about twice the rest of a report's handling. The lane does what they would: the edge
 * headers and correlation id, the request's log line and metrics, the caller's token and roles
 * (RouteAccess) and rate limit (CallerRateLimit), the caller's credentials for the NATS request,
 * and problems for every failure, and hands the report to the same forwarder as the controller.
 */
@Injectable()
export class IncidentReportLane implements LaneRoute, OnApplicationBootstrap {
  private readonly logger = new Logger(IncidentReportLane.name);
  private readonly rule: EndpointAccess;
  private readonly logRequest: ReturnType<typeof httpRequestLogger>;
  private readonly timeRequest: ReturnType<typeof httpMetricsMiddleware>;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly routeAccess: RouteAccess,
    private readonly rateLimit: CallerRateLimit,
    private readonly forwarder: IncidentReportForwarder,
    metrics: ServiceMetrics,
    @Inject(SERVICE_NAME) serviceName: string,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    const rule = endpointAccessOf('POST', REPORT_PATH);
    if (rule === undefined) throw new Error(`ENDPOINT_ACCESS names no rule for POST ${REPORT_PATH}`);
    this.rule = rule;
    this.logRequest = httpRequestLogger(serviceName, config.LOG_LEVEL);
    this.timeRequest = httpMetricsMiddleware(metrics);
  }

  /** The HTTP server exists once the application is built, before it listens. */
  onApplicationBootstrap(): void {
    serveAheadOfFramework(this.adapterHost.httpAdapter.getHttpServer() as Server, this);
  }

  matches(request: IncomingMessage): boolean {
    return request.method === 'POST' && (request.url === REPORT_PATH || request.url?.startsWith(`${REPORT_PATH}?`) === true);
  }

  serve(request: IncomingMessage, response: ServerResponse): void {
    // The route's pattern, where the log line and the metrics look for it, as Express sets it.
    (request as IncomingMessage & { route?: { path: string } }).route = { path: REPORT_PATH };
    securityHeaders(request, response, proceed);
    correlationId(request, response, proceed);
    this.timeRequest(request, response, proceed);
    this.logRequest(request, response);
    carryCredentials(request, response, () => void this.answer(request, response));
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      const caller = await this.routeAccess.callerOf(request, response, this.rule);
      await this.rateLimit.count(caller, response);
      await this.forwarder.forward(request, response);
    } catch (error) {
      if (error instanceof ProblemException) return sendProblem(response, error.problem);
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      sendProblem(response, internalProblem());
    }
  }
}
