import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const CORRELATION_ID_HEADER = 'Bluehelm-Correlation-Id';
const REQUEST_ID_HEADER = 'x-request-id';
/** The same rule as the logger's request ids: a plain token, so that it is safe in logs and headers. */
const ACCEPTABLE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Gives every request one correlation id: the caller's `Bluehelm-Correlation-Id` (or
 * `X-Request-Id`) when it is a plain token, else a new UUID. It is written back on the request
 * headers, where the logger takes its request id and the routes take what they pass to the
 * services, and sent back on the answer.
 */
export function correlationId(request: IncomingMessage, response: ServerResponse, next: () => void): void {
  const id =
    acceptable(request.headers[CORRELATION_ID_HEADER.toLowerCase()]) ??
    acceptable(request.headers[REQUEST_ID_HEADER]) ??
    randomUUID();
  request.headers[CORRELATION_ID_HEADER.toLowerCase()] = id;
  request.headers[REQUEST_ID_HEADER] = id;
  response.setHeader(CORRELATION_ID_HEADER, id);
  next();
}

function acceptable(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && ACCEPTABLE_ID.test(value) ? value : undefined;
}

/** The id correlationId gave the request. */
export function correlationIdOf(request: IncomingMessage): string {
  return acceptable(request.headers[CORRELATION_ID_HEADER.toLowerCase()]) ?? randomUUID();
}
