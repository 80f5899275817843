import type { Principal, Role } from '@bluehelm/contracts';
import { Injectable, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { NatsContext } from '@nestjs/microservices';
import { of, type Observable } from 'rxjs';
import { CallerAccess } from './caller-access.js';

const ALLOWED_ROLES = 'bluehelm:allowed-roles';

/**
 * On a NATS handler: only callers whose verified token carries one of `roles` reach it; others
 * get the 401/403 problem as the reply. The handler reads the caller with callerOf(context).
 */
export const AllowedRoles = (...roles: Role[]): MethodDecorator => SetMetadata(ALLOWED_ROLES, roles);

const callers = new WeakMap<object, Principal>();

/** The caller that AllowedRoles verified for this request. */
export function callerOf(context: NatsContext): Principal {
  const principal = callers.get(context);
  if (principal === undefined) throw new Error('callerOf is for handlers marked with @AllowedRoles');
  return principal;
}

/** Enforces @AllowedRoles on every NATS handler of the service (registered by the service kit). */
@Injectable()
export class AllowedRolesInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: CallerAccess,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'rpc') return next.handle();
    const roles = this.reflector.get<Role[] | undefined>(ALLOWED_ROLES, context.getHandler());
    if (roles === undefined) return next.handle();
    const natsContext = context.switchToRpc().getContext<NatsContext>();
    const caller = await this.access.authorize(natsContext, roles);
    if (!caller.ok) return of(caller.problem);
    callers.set(natsContext, caller.principal);
    return next.handle();
  }
}
