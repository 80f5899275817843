import type { IncomingMessage, ServerResponse } from 'node:http';
import { endpointAccessOf, problemOf, type EndpointAccess } from '@bluehelm/contracts';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ProblemException } from '../problems/problem.exception.js';
import { RouteAccess } from './route-access.js';

type RoutedRequest = IncomingMessage & { route?: { path?: string }; principal?: unknown };

/** Swagger UI and the OpenAPI document are served under /docs, all public. */
const PUBLIC_PREFIX = '/docs';

/**
 * Every HTTP route passes here first: the token is verified (401 otherwise) and the route's
 * rule in ENDPOINT_ACCESS must allow one of its roles (403 otherwise). A route the table does not
 * name is refused, so that a new route cannot be reached before someone decides who may.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly routeAccess: RouteAccess) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const http = context.switchToHttp();
    const request = http.getRequest<RoutedRequest>();
    const rule = ruleOf(request);
    if (rule === 'public') return true;
    if (rule === undefined) throw new ProblemException(problemOf('forbidden', 'No one may call this route.'));
    request.principal = await this.routeAccess.callerOf(request, http.getResponse<ServerResponse>(), rule);
    return true;
  }
}

function ruleOf(request: RoutedRequest): EndpointAccess | 'public' | undefined {
  const path = request.route?.path;
  if (typeof path !== 'string') return undefined;
  if (path === PUBLIC_PREFIX || path.startsWith(`${PUBLIC_PREFIX}/`)) return 'public';
  const rule = endpointAccessOf(request.method ?? 'GET', path);
  return rule?.roles === 'public' ? 'public' : rule;
}
