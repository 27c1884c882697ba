import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@sci/shared';

/**
 * The caller's scope, set on the request by the global auth guard and passed by services to
 * repositories, which filter every query with it (authorization lives in the query layer).
 *  - regulator, admin: all units (admin has no business actions: enforced by @Roles)
 *  - bank_hq: the units with bank_code = bankCode
 *  - branch: unitCode and its descendants (institution_closure)
 */
export interface AuthUser {
  id: number;
  username: string;
  role: Role;
  bankCode: string | null;
  unitCode: string | null;
}

export interface AccessScope {
  user: AuthUser;
  /** true for regulator and admin */
  all: boolean;
  /** bank_hq: its bank; branch: the bank of its unit */
  bankCode: string | null;
  /** branch: the root of its subtree */
  unitCode: string | null;
  /** the client address, for the audit log */
  ip: string;
}

export const ROLES_KEY = 'roles';
export const PUBLIC_KEY = 'public';

/** Restricts a handler (or controller) to these roles. Without it, any signed-in role may call it. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/** Marks a handler as callable without a token (login, health). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

/** Injects the caller's AccessScope (set by the guard). */
export const CurrentScope = createParamDecorator((_data: unknown, ctx: ExecutionContext): AccessScope => {
  const req = ctx.switchToHttp().getRequest<{ scope?: AccessScope }>();
  if (!req.scope) throw new Error('CurrentScope used on a route without the auth guard');
  return req.scope;
});
