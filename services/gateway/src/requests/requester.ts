import type { IncomingMessage } from 'node:http';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { correlationIdOf } from '../http-edge/correlation-id.middleware.js';

/** Until authentication exists, whoever sends `X-Actor`; otherwise `anonymous`. */
export const ANONYMOUS_ACTOR = 'anonymous';

/** Who asks, as the services record it in the events' metadata. */
export interface Requester {
  readonly actor: string;
  readonly correlationId: string;
}

export function requesterOf(request: IncomingMessage): Requester {
  const header = request.headers['x-actor'];
  const actor = typeof header === 'string' && header.trim() !== '' ? header.trim() : ANONYMOUS_ACTOR;
  return { actor, correlationId: correlationIdOf(request) };
}

/** Route parameter: the Requester of the request. */
export const RequestedBy = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Requester => requesterOf(context.switchToHttp().getRequest<IncomingMessage>()),
);
