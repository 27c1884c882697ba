import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

/**
 * The throttler guard with the standard `Retry-After` header (RFC 9110 §10.2.3) on every 429:
 * @nestjs/throttler names it `Retry-After-<throttler>` for named throttlers (ours are `api`,
 * `login`, `login_ip`), which no client understands. The X-RateLimit-* headers keep their names.
 */
@Injectable()
export class AppThrottlerGuard extends ThrottlerGuard {
  override setResponseHeader(res: unknown, name: string, value: string | number): void {
    super.setResponseHeader(res as never, /^Retry-After\b/i.test(name) ? 'Retry-After' : name, value);
  }
}
