import { ExecutionContext, SetMetadata } from '@nestjs/common';
import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { AuthConfig } from '../core/auth/auth-config';

const LOGIN_THROTTLED = 'auth:loginThrottled';

/** Puts a handler under the tighter per-address login limit (password guessing). */
export const LoginThrottled = (): MethodDecorator => SetMetadata(LOGIN_THROTTLED, true);

/**
 * Two limits per client address: `api` on every route (API_RATE_LIMIT a minute, 0 = off) and
 * `login` on @LoginThrottled handlers only (AUTH_LOGIN_LIMIT per AUTH_LOGIN_WINDOW_SEC).
 */
export function throttlerOptions(c: AuthConfig): ThrottlerModuleOptions {
  return {
    errorMessage: 'too many requests from this address; wait a minute and try again',
    throttlers: [
      { name: 'api', ttl: 60000, limit: Math.max(c.apiRateLimit, 1), skipIf: () => c.apiRateLimit === 0 },
      {
        name: 'login',
        ttl: c.loginWindowMs,
        limit: c.loginLimit,
        skipIf: (ctx: ExecutionContext) => Reflect.getMetadata(LOGIN_THROTTLED, ctx.getHandler()) !== true,
      },
    ],
  };
}
