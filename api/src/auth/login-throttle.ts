import { ExecutionContext, SetMetadata } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { AuthConfig } from '../core/auth/auth-config';

const LOGIN_THROTTLED = 'auth:loginThrottled';

/** Puts a handler under the tighter login limits (password guessing). */
export const LoginThrottled = (): MethodDecorator => SetMetadata(LOGIN_THROTTLED, true);

interface TrackedRequest {
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
  body?: { username?: unknown };
}

const isLogin = (ctx: ExecutionContext): boolean => Reflect.getMetadata(LOGIN_THROTTLED, ctx.getHandler()) === true;

/**
 * Three limits:
 *  - `api`: API_RATE_LIMIT requests a minute per signed-in user (a verified token), else per
 *    address; one budget across all routes; 0 = off. Per user because a bank's staff often
 *    share one NAT address.
 *  - `login`: AUTH_LOGIN_LIMIT attempts per AUTH_LOGIN_WINDOW_SEC per (address, username) on
 *    @LoginThrottled handlers: guessing one account's password (with the lockout behind it).
 *  - `login_ip`: AUTH_LOGIN_IP_LIMIT attempts per window per address across usernames: trying
 *    one password on many accounts, which the per-account lockout does not see.
 */
export function throttlerOptions(c: AuthConfig, jwtSecret: string): ThrottlerModuleOptions {
  const jwt = new JwtService({ secret: jwtSecret });
  const ip = (req: TrackedRequest): string => req.ip ?? 'unknown';
  const caller = (req: TrackedRequest): string => {
    const auth = req.headers['authorization'];
    const m = typeof auth === 'string' ? /^Bearer (.+)$/i.exec(auth) : null;
    if (m) {
      try {
        const claims = jwt.verify<{ sub?: unknown }>(m[1], { algorithms: ['HS256'] });
        if (typeof claims.sub === 'number') return `user:${claims.sub}`;
      } catch {
        // an invalid token is counted against the address; the auth guard answers 401
      }
    }
    return `ip:${ip(req)}`;
  };
  // the account under attack: the username of a login, the signed-in user of a password change
  const account = (req: TrackedRequest): string => {
    const u = req.body?.username;
    return typeof u === 'string' ? `name:${u.slice(0, 64).toLowerCase()}` : caller(req);
  };
  return {
    errorMessage: 'too many requests; wait a minute and try again',
    throttlers: [
      {
        name: 'api',
        ttl: 60000,
        limit: Math.max(c.apiRateLimit, 1),
        skipIf: () => c.apiRateLimit === 0,
        getTracker: (req) => caller(req as TrackedRequest),
        generateKey: (_ctx, tracker) => `api|${tracker}`,
      },
      {
        name: 'login',
        ttl: c.loginWindowMs,
        limit: c.loginLimit,
        skipIf: (ctx) => !isLogin(ctx),
        getTracker: (req) => `${ip(req as TrackedRequest)}|${account(req as TrackedRequest)}`,
      },
      {
        name: 'login_ip',
        ttl: c.loginWindowMs,
        limit: c.loginIpLimit,
        skipIf: (ctx) => !isLogin(ctx),
        getTracker: (req) => ip(req as TrackedRequest),
        generateKey: (_ctx, tracker) => `login_ip|${tracker}`,
      },
    ],
  };
}
