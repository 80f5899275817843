import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { carryCredentials } from '../access/request-credentials.js';
import { correlationId } from './correlation-id.middleware.js';
import { securityHeaders } from './security-headers.middleware.js';

/**
 * Puts the gateway's own Express middleware first in the chain, ahead of the logger and of any
 * route: security headers, the correlation id and the caller's credentials. It has to run while the application is being
 * built, before any route is registered, so it does its work when it is constructed.
 */
@Injectable()
export class HttpEdgeInstaller {
  constructor(adapterHost: HttpAdapterHost) {
    const http = adapterHost.httpAdapter;
    http.use(securityHeaders);
    http.use(correlationId);
    http.use(carryCredentials);
  }
}
