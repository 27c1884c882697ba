import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { AuthUser } from '../core/auth/access-scope';
import { APP_CONFIG, AppConfig } from '../core/config/app-config';
import { JWT_SIGNING_KEY } from '../core/auth/jwt-key';
import { UsersRepository } from '../users/users.repository';
import { expirySeconds } from './token-expiry';

const CLOCK_SKEW_SEC = 60;

/** Claims of our access tokens: the user id and the token version it was issued under. */
export interface TokenClaims {
  sub: number;
  ver: number;
}

/** What a verified token must carry besides our claims: jsonwebtoken only checks `exp` when present. */
interface RegisteredClaims {
  iat?: unknown;
  exp?: unknown;
}

/**
 * Checks the bearer token's signature and expiry (passport-jwt), then the account: it must exist,
 * be enabled and still have the token's version (logout, password change and disable bump it).
 * Role and tenancy are read from the database, so an admin's change applies to the next request.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(JWT_SIGNING_KEY) key: string,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(UsersRepository) private readonly users: UsersRepository,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: key,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(claims: Partial<TokenClaims> & RegisteredClaims): Promise<AuthUser> {
    // A token without exp would be valid forever, one without iat cannot be dated: both refused,
    // as is one that claims to be issued in the future or to live longer than we issue.
    const now = Math.floor(Date.now() / 1000);
    const { iat, exp } = claims;
    if (typeof iat !== 'number' || typeof exp !== 'number' || iat > now + CLOCK_SKEW_SEC || exp - iat > expirySeconds(this.config.jwtExpiresIn)) {
      throw new UnauthorizedException({ code: 'INVALID_TOKEN', message: 'the token is invalid; sign in again' });
    }
    const ended = new UnauthorizedException({ code: 'SESSION_ENDED', message: 'this session has ended; sign in again' });
    if (typeof claims.sub !== 'number' || typeof claims.ver !== 'number') throw ended;
    const u = await this.users.getById(claims.sub);
    if (!u || u.disabled || u.tokenVersion !== claims.ver) throw ended;
    return { id: u.id, username: u.username, role: u.role, bankCode: u.bankCode, unitCode: u.unitCode };
  }
}
