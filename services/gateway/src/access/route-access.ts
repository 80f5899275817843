import type { IncomingMessage, ServerResponse } from 'node:http';
import { mayCall, problemOf, type EndpointAccess, type Principal } from '@bluehelm/contracts';
import { CallerAccess } from '@bluehelm/service-kit';
import { Injectable } from '@nestjs/common';
import { ProblemException } from '../problems/problem.exception.js';
import { FailedAuthentications } from './failed-authentications.js';

/**
 * Who calls a route that ENDPOINT_ACCESS names: the token is verified (401 with the RFC 6750
 * challenge otherwise, counted against the client address) and one of its roles must be one the
 * rule allows (403 otherwise). Used by the AccessGuard for every Nest route and by the incident
 * report lane, so both refuse the same callers the same way.
 */
@Injectable()
export class RouteAccess {
  constructor(
    private readonly access: CallerAccess,
    private readonly failures: FailedAuthentications,
  ) {}

  async callerOf(request: IncomingMessage, response: ServerResponse, rule: EndpointAccess): Promise<Principal> {
    const caller = await this.access.authenticate(request.headers.authorization);
    if (!caller.ok) {
      await this.failures.count(request, response);
      // A request that sent no credentials gets the challenge without an error code.
      const challenge = request.headers.authorization === undefined ? 'Bearer realm="bluehelm"' : 'Bearer realm="bluehelm", error="invalid_token"';
      response.setHeader('WWW-Authenticate', challenge);
      throw new ProblemException(caller.problem);
    }
    if (!mayCall(rule, caller.principal.roles)) {
      throw new ProblemException(problemOf('forbidden', `${rule.method} ${rule.path} needs one of the roles ${(rule.roles as string[]).join(', ')}.`));
    }
    return caller.principal;
  }
}
