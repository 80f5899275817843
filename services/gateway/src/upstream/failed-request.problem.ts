import { NatsRequestTimeoutError } from '@bluehelm/messaging';
import type { Problem } from '@bluehelm/contracts';
import {
  ClosedConnectionError,
  ConnectionError,
  DrainingConnectionError,
  NoRespondersError,
  RequestError,
  TimeoutError,
} from '@nats-io/transport-node';
// Not re-exported from the package's index: what its NATS client throws when no one subscribed.
import { EmptyResponseException } from '@nestjs/microservices/errors/empty-response.exception.js';
import { badServiceReplyProblem, serviceTimeoutProblem, serviceUnavailableProblem } from '../problems/gateway-problems.js';

export type RequestFailure = 'timeout' | 'unavailable' | 'failed';

/**
 * Why a request to a service got no usable answer. Nobody subscribed (NATS answers "no
 * responders" at once, and the NestJS client sees it as an empty response) or no connection to
 * NATS: the service is unavailable. No answer in time: a timeout, and the request may still be
 * carried out. Anything else: the service failed.
 */
export function requestFailureOf(error: unknown): RequestFailure {
  if (error instanceof NatsRequestTimeoutError || error instanceof TimeoutError) return 'timeout';
  if (error instanceof EmptyResponseException || error instanceof NoRespondersError) return 'unavailable';
  if (error instanceof RequestError && (error.isNoResponders() || error.cause instanceof ConnectionError)) return 'unavailable';
  if (error instanceof ClosedConnectionError || error instanceof DrainingConnectionError || error instanceof ConnectionError) {
    return 'unavailable';
  }
  // The NestJS client rejects with this text while it waits to reconnect.
  if (typeof error === 'string' && error.includes('Connection lost')) return 'unavailable';
  return 'failed';
}

export function problemForFailedRequest(error: unknown, service: string, timeoutMs: number): Problem {
  const failure = requestFailureOf(error);
  switch (failure) {
    case 'timeout':
      return serviceTimeoutProblem(service, timeoutMs);
    case 'unavailable':
      return serviceUnavailableProblem(service);
    case 'failed':
      return badServiceReplyProblem(service);
    default: {
      const unexpected: never = failure;
      throw new Error(`unknown request failure ${String(unexpected)}`);
    }
  }
}
