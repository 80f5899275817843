import { hasRole, problemOf, type Principal, type ProblemReply, type Role } from '@bluehelm/contracts';
import { InvalidTokenError, VerificationUnavailableError, type TokenVerifier } from '@bluehelm/access';
import type { NatsContext } from '@nestjs/microservices';

/** The NATS header that carries the caller's token from the gateway (or a mission system) to a service. */
export const AUTHORIZATION_HEADER = 'Authorization';

export type CallerCheck = { readonly ok: true; readonly principal: Principal } | { readonly ok: false; readonly problem: ProblemReply };

/**
 * Who sent a NATS request, from the token in its Authorization header. Every service verifies
 * the token itself rather than trusting the gateway, so that a request that reaches a service by
 * another way (a mission system over NATS, a compromised peer) meets the same rules.
 */
export class CallerAccess {
  constructor(private readonly verifier: TokenVerifier) {}

  async authenticate(authorization: string | undefined): Promise<CallerCheck> {
    try {
      return { ok: true, principal: await this.verifier.principalOfAuthorization(authorization) };
    } catch (error) {
      if (error instanceof InvalidTokenError) return { ok: false, problem: problemOf('unauthenticated', error.reason) };
      // The identity provider's keys cannot be fetched: nobody can be verified, try again later.
      if (error instanceof VerificationUnavailableError) return { ok: false, problem: problemOf('unavailable', 'Tokens cannot be verified now; try again later.') };
      throw error;
    }
  }

  /** authenticate() and then one of `roles`: the common first lines of a handler. */
  async authorize(context: NatsContext | undefined, roles: readonly Role[]): Promise<CallerCheck> {
    const caller = await this.authenticate(authorizationOf(context));
    if (!caller.ok) return caller;
    if (!hasRole(caller.principal, ...roles)) return { ok: false, problem: forbiddenProblem(`this needs one of the roles ${roles.join(', ')}`) };
    return caller;
  }
}

export function authorizationOf(context: NatsContext | undefined): string | undefined {
  return headerOf(context, AUTHORIZATION_HEADER);
}

/** A header of a NATS request received through the NestJS transport; undefined when absent or empty. */
export function headerOf(context: NatsContext | undefined, name: string): string | undefined {
  const headers = context?.getHeaders() as { get(name: string): string } | undefined;
  const value = headers?.get(name);
  return value === undefined || value === '' ? undefined : value;
}

export function forbiddenProblem(detail: string): ProblemReply {
  return problemOf('forbidden', detail);
}
