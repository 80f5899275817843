import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ExecutionContext } from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import type { Params } from 'nestjs-pino';
import { pinoHttp, type HttpLogger, type Options } from 'pino-http';
import type { LogLevel } from '../config/service-config.js';

const REQUEST_ID_HEADER = 'x-request-id';
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
/** Probes and scrapes arrive every few seconds and say nothing about the system's use. */
const UNLOGGED_PATHS = ['/health/live', '/health/ready', '/metrics'];

type LoggedRequest = IncomingMessage & { id?: unknown; route?: { path?: unknown } };

/**
 * Structured JSON logs. A request is logged only as method, path (without its query string),
 * matched route, status, duration and request id: bodies, headers (authorization, cookies) and
 * query strings may hold personal data and never reach the log.
 */
export function loggingParams(serviceName: string, level: LogLevel): Params {
  return {
    pinoHttp: httpLoggingOptions(serviceName, level),
    microservice: {
      includePayload: false,
      autoLogging: { ignore: isPingMessage },
    },
  };
}

/**
 * The request logger of a route served ahead of the framework: the same options, so its lines
 * look like every other request's. Call it with the request and response as they arrive.
 */
export function httpRequestLogger(serviceName: string, level: LogLevel): HttpLogger {
  return pinoHttp(httpLoggingOptions(serviceName, level));
}

function httpLoggingOptions(serviceName: string, level: LogLevel): Options<LoggedRequest, ServerResponse> {
  return {
    level,
    base: { service: serviceName },
    messageKey: 'msg',
    genReqId: requestIdOf,
    serializers: {
      req: (request: LoggedRequest) => ({
        id: request.id,
        method: request.method,
        path: pathWithoutQuery(request.url),
      }),
      res: (response: ServerResponse) => ({ status: response.statusCode }),
    },
    customSuccessObject: withRoute,
    customErrorObject: (request, _response, _error, value) => withRoute(request, _response, value),
    autoLogging: { ignore: (request) => UNLOGGED_PATHS.includes(pathWithoutQuery(request.url)) },
    // A second line of defence should a field with one of these names be logged by hand.
    redact: {
      paths: ['body', 'headers', 'query', '*.body', '*.headers', '*.query', 'authorization', 'cookie'],
      remove: true,
    },
  };
}

function requestIdOf(request: IncomingMessage, response: ServerResponse): string {
  const offered = request.headers[REQUEST_ID_HEADER];
  const id = typeof offered === 'string' && ACCEPTABLE_REQUEST_ID.test(offered) ? offered : randomUUID();
  response.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

function withRoute(request: LoggedRequest, _response: ServerResponse, value: object): object {
  const pattern = request.route?.path;
  return typeof pattern === 'string' ? { ...value, route: pattern } : value;
}

function pathWithoutQuery(url: string | undefined): string {
  if (url === undefined) return '';
  const queryStart = url.indexOf('?');
  return queryStart === -1 ? url : url.slice(0, queryStart);
}

function isPingMessage(context: ExecutionContext): boolean {
  if (context.getType() !== 'rpc') return false;
  const subject = context.switchToRpc().getContext<NatsContext>()?.getSubject?.();
  return typeof subject === 'string' && subject.endsWith('.ping');
}
