import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { PROBLEM_CONTENT_TYPE, type ProblemReply } from '@bluehelm/contracts';
import { Catch, HttpException, Logger, NotFoundException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { BaseRpcExceptionFilter } from '@nestjs/microservices';
import { internalProblem, routeNotFoundProblem } from './gateway-problems.js';
import { ProblemException } from './problem.exception.js';

/**
 * The one place where an HTTP request that failed becomes an RFC 9457 problem: the gateway's
 * ProblemExceptions as they are, Nest's HTTP exceptions (an unknown route) by their status, and
 * anything else as a 500 whose cause goes to the log, never to the client. NATS messages the
 * gateway answers itself (its ping) keep Nest's own RPC handling.
 */
@Catch()
export class ProblemExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemExceptionFilter.name);
  private readonly rpcFilter = new BaseRpcExceptionFilter();

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType() !== 'http') return this.rpcFilter.catch(exception, host);
    const http = host.switchToHttp();
    sendProblem(http.getResponse<ServerResponse>(), this.problemOf(exception, http.getRequest<IncomingMessage>()));
    return undefined;
  }

  private problemOf(exception: unknown, request: IncomingMessage): ProblemReply {
    if (exception instanceof ProblemException) return exception.problem;
    if (exception instanceof NotFoundException) {
      return routeNotFoundProblem(request.method ?? 'GET', pathOf(request.url));
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, detail: exception.message };
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return internalProblem();
  }
}

export function sendProblem(response: ServerResponse, problem: ProblemReply): void {
  // Once a streamed answer has begun, its status is sent: all that is left is to cut it short.
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.statusCode = problem.status;
  response.setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
  response.setHeader('Cache-Control', 'no-store');
  response.end(JSON.stringify(problem));
}

function pathOf(url: string | undefined): string {
  const path = url ?? '/';
  const queryStart = path.indexOf('?');
  return queryStart === -1 ? path : path.slice(0, queryStart);
}
