import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ACCESS_REASON_HEADER } from '@bluehelm/contracts';
import { CORRELATION_ID_HEADER } from '../http-edge/correlation-id.middleware.js';

/** What the gateway knows about who sent the HTTP request being handled. */
export interface RequestCredentials {
  /** The Authorization header as sent; forwarded to the services, which verify it again. */
  readonly authorization: string | undefined;
  /** The request's correlation id (set by the correlation-id middleware, which runs first). */
  readonly correlationId: string | undefined;
  /** Why the caller reads personal data (Bluehelm-Access-Reason), recorded in the access trail. */
  readonly accessReason: string | undefined;
}

const storage = new AsyncLocalStorage<RequestCredentials>();

/**
 * Express middleware: the rest of the request runs with its credentials at hand, so that every
 * request to a service carries the caller's token without each route passing it along.
 */
export function carryCredentials(request: IncomingMessage, _response: ServerResponse, next: () => void): void {
  storage.run(
    {
      authorization: textOf(request.headers.authorization),
      correlationId: textOf(request.headers[CORRELATION_ID_HEADER.toLowerCase()]),
      accessReason: textOf(request.headers[ACCESS_REASON_HEADER.toLowerCase()]),
    },
    next,
  );
}

/** The credentials of the HTTP request being handled, or undefined outside one. */
export function currentCredentials(): RequestCredentials | undefined {
  return storage.getStore();
}

function textOf(header: string | string[] | undefined): string | undefined {
  return typeof header === 'string' && header !== '' ? header : undefined;
}
