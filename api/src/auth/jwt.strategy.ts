import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { AuthUser } from '../core/auth/access-scope';
import { APP_CONFIG, AppConfig } from '../core/config/app-config';
import { UsersRepository } from '../users/users.repository';

/** Claims of our access tokens: the user id and the token version it was issued under. */
export interface TokenClaims {
  sub: number;
  ver: number;
}

/**
 * Checks the bearer token's signature and expiry (passport-jwt), then the account: it must exist,
 * be enabled and still have the token's version (logout, password change and disable bump it).
 * Role and tenancy are read from the database, so an admin's change applies to the next request.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(UsersRepository) private readonly users: UsersRepository,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwtSecret,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(claims: Partial<TokenClaims>): Promise<AuthUser> {
    const ended = new UnauthorizedException({ code: 'SESSION_ENDED', message: 'this session has ended; sign in again' });
    if (typeof claims.sub !== 'number' || typeof claims.ver !== 'number') throw ended;
    const u = await this.users.getById(claims.sub);
    if (!u || u.disabled || u.tokenVersion !== claims.ver) throw ended;
    return { id: u.id, username: u.username, role: u.role, bankCode: u.bankCode, unitCode: u.unitCode };
  }
}
