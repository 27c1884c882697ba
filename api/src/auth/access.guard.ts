import { ExecutionContext, ForbiddenException, HttpException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Role } from '@sci/shared';
import type { Request } from 'express';
import { type AccessScope, type AuthUser, PUBLIC_KEY, ROLES_KEY } from '../core/auth/access-scope';
import { scopeOf } from '../core/auth/scope';

/**
 * The one global guard (APP_GUARD): every route needs a valid bearer token unless marked
 * @Public(); @Roles() restricts it further; on success the caller's AccessScope is put on
 * `req.scope` for @CurrentScope(), and services pass it to repositories.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(@Inject(Reflector) private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    await super.canActivate(ctx);
    const req = ctx.switchToHttp().getRequest<Request & { user?: AuthUser; scope?: AccessScope }>();
    const user = req.user as AuthUser;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles?.length && !roles.includes(user.role)) {
      throw new ForbiddenException({ code: 'ROLE_FORBIDDEN', message: `this action is not available to the ${user.role} role` });
    }
    req.scope = scopeOf(user, req.ip ?? '');
    return true;
  }

  override handleRequest<TUser = AuthUser>(err: unknown, user: TUser | false, info: unknown): TUser {
    if (err instanceof HttpException) throw err;
    // anything else (the user lookup failed: database down) is not "sign in first": the error
    // filter answers it, 503 DATABASE_DOWN, so a client does not sign its user out
    if (err) throw err;
    if (user) return user;
    const name = (info as { name?: string } | undefined)?.name;
    if (name === 'TokenExpiredError') {
      throw new UnauthorizedException({ code: 'TOKEN_EXPIRED', message: 'the session has expired; sign in again' });
    }
    if (name === 'JsonWebTokenError' || name === 'NotBeforeError') {
      throw new UnauthorizedException({ code: 'INVALID_TOKEN', message: 'the access token is not valid; sign in again' });
    }
    throw new UnauthorizedException({ code: 'UNAUTHENTICATED', message: 'sign in first (Authorization: Bearer <token>)' });
  }
}
