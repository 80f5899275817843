import { PROBLEM_TYPE_BASE, problemOf, type Problem, type ProblemFieldError } from '@bluehelm/contracts';

/*
 * The problems only the gateway gives: about the HTTP request itself (size, media type, headers,
 * path) and about a service that did not answer. Services' own problems are passed on unchanged.
 */

export function payloadTooLargeProblem(detail: string): Problem {
  return { type: `${PROBLEM_TYPE_BASE}payload-too-large`, title: 'The request body is too large', status: 413, detail };
}

export function unsupportedMediaTypeProblem(detail: string): Problem {
  return problemOf('unsupported-media-type', detail);
}

/** A header or path parameter that cannot be read (an If-Match that is no revision, an id that is no UUID). */
export function badRequestProblem(detail: string, errors: readonly ProblemFieldError[]): Problem {
  return { type: `${PROBLEM_TYPE_BASE}bad-request`, title: 'The request cannot be read', status: 400, detail, errors };
}

export function serviceUnavailableProblem(service: string): Problem {
  return problemOf('unavailable', `The ${service} service is not running; try again later.`);
}

/** The gateway's own NATS connection cannot be made: no service can be reached either. */
export function messagingUnavailableProblem(): Problem {
  return problemOf('unavailable', 'The gateway cannot reach NATS now; try again later.');
}

export function gatewayStoppingProblem(): Problem {
  return problemOf('unavailable', 'This gateway is stopping; try again, another one will answer.');
}

export function serviceTimeoutProblem(service: string, timeoutMs: number): Problem {
  return {
    type: `${PROBLEM_TYPE_BASE}service-timeout`,
    title: 'A service did not answer in time',
    status: 504,
    detail: `The ${service} service did not answer within ${timeoutMs} ms; the request may or may not have been carried out.`,
  };
}

export function badServiceReplyProblem(service: string): Problem {
  return {
    type: `${PROBLEM_TYPE_BASE}bad-service-reply`,
    title: 'A service answered with an error',
    status: 502,
    detail: `The ${service} service could not handle the request.`,
  };
}

export function routeNotFoundProblem(method: string, path: string): Problem {
  return problemOf('not-found', `There is no ${method} ${path}.`);
}

export function internalProblem(): Problem {
  return problemOf('internal', 'The gateway could not handle the request.');
}
