import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { correlationId } from './correlation-id.middleware.js';
import { securityHeaders } from './security-headers.middleware.js';

/*
 * Nest adds its JSON and form body parsers when the application starts, unless middleware of
 * those names is already in place. The gateway reads bodies itself (JsonBodyInterceptor for
 * whole bodies with the gateway's limits and problems, the batch route as a stream), so these
 * two stand in for Nest's and let the body through untouched.
 */
function jsonParser(_request: unknown, _response: unknown, next: () => void): void {
  next();
}
function urlencodedParser(_request: unknown, _response: unknown, next: () => void): void {
  next();
}

/**
 * Puts the gateway's own Express middleware first in the chain, ahead of the logger and of any
 * route: security headers, the correlation id, and no body parsing. It has to run while the
 * application is being built, before it starts (which is when Nest would add its parsers), so
 * it does its work when it is constructed.
 */
@Injectable()
export class HttpEdgeInstaller {
  constructor(adapterHost: HttpAdapterHost) {
    const http = adapterHost.httpAdapter;
    http.use(securityHeaders);
    http.use(correlationId);
    http.use(jsonParser);
    http.use(urlencodedParser);
  }
}
