import type { IncomingMessage } from 'node:http';
import type { Principal } from '@bluehelm/contracts';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { correlationIdOf } from '../http-edge/correlation-id.middleware.js';

/** Who asks, as the services record it in the events' metadata: the verified token's subject. */
export interface Requester {
  readonly actor: string;
  readonly correlationId: string;
}

/** The AccessGuard has verified the token of every route that reads a Requester. */
export function requesterOf(request: IncomingMessage & { principal?: Principal }): Requester {
  if (request.principal === undefined) throw new Error('a Requester is read only on routes behind the AccessGuard');
  return { actor: request.principal.sub, correlationId: correlationIdOf(request) };
}

/** Route parameter: the Requester of the request. */
export const RequestedBy = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Requester => requesterOf(context.switchToHttp().getRequest<IncomingMessage>()),
);
