import { BadRequestException, Inject, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AuthUserResponse, LoginResponse } from '@sci/shared';
import { AuditService } from '../audit/audit.service';
import type { AccessScope } from '../core/auth/access-scope';
import { AUTH_CONFIG, AuthConfig } from '../core/auth/auth-config';
import { APP_CONFIG, AppConfig } from '../core/config/app-config';
import { PasswordHasher } from '../users/password-hasher';
import { toAuthUserResponse } from '../users/user-response';
import type { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { assertPassword } from '../users/users.service';
import { ChangePasswordDto, LoginDto } from './dto/login.dto';
import type { TokenClaims } from './jwt.strategy';

/** `8h` / `30m` / `45s` / `2d` -> seconds (the format AppConfig validated). */
export function expirySeconds(spec: string): number {
  const m = /^(\d+)([smhd])$/.exec(spec);
  if (!m) throw new Error(`bad expiry "${spec}"`);
  return Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[m[2] as 's' | 'm' | 'h' | 'd'];
}

const BAD_CREDENTIALS = { code: 'INVALID_CREDENTIALS', message: 'wrong username or password' };

/**
 * Sign-in and sessions. Revocation is a per-user token version: tokens carry the version they
 * were issued under, and logout / password change / reset / disable increment it, which ends
 * every session of that user at once (no deny-list to store and expire).
 */
@Injectable()
export class AuthService {
  private readonly expiresIn: number;

  constructor(
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(PasswordHasher) private readonly hasher: PasswordHasher,
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(AUTH_CONFIG) private readonly authConfig: AuthConfig,
    @Inject(APP_CONFIG) appConfig: AppConfig,
  ) {
    this.expiresIn = expirySeconds(appConfig.jwtExpiresIn);
  }

  async login(dto: LoginDto, ip: string): Promise<LoginResponse> {
    const now = new Date();
    const user = await this.users.getByUsername(dto.username);
    const fail = async (reason: string, extra: Record<string, unknown> = {}): Promise<void> =>
      this.audit.record({
        actor: dto.username,
        role: user?.role ?? null,
        ip,
        action: 'auth.login_failed',
        target: user ? `user:${user.id}` : null,
        detail: { reason, ...extra },
        outcome: 'failure',
      });
    if (!user) {
      await this.hasher.burn(dto.password);
      await fail('unknown_user');
      throw new UnauthorizedException(BAD_CREDENTIALS);
    }
    if (user.lockedUntil && user.lockedUntil.getTime() > now.getTime()) {
      await fail('locked');
      throw new UnauthorizedException(lockedError(user.lockedUntil));
    }
    if (!(await this.hasher.verify(dto.password, user.passwordHash))) {
      const lockUntil = new Date(now.getTime() + this.authConfig.lockoutMs);
      const { locked } = await this.users.recordFailedLogin(user.id, this.authConfig.lockoutThreshold, lockUntil, now);
      await fail('wrong_password', locked ? { locked: true } : {});
      throw new UnauthorizedException(locked ? lockedError(lockUntil) : BAD_CREDENTIALS);
    }
    // Checked after the password so that a guess does not learn the account state.
    if (user.disabled) {
      await fail('disabled');
      throw new UnauthorizedException({ code: 'ACCOUNT_DISABLED', message: 'this account is disabled; ask an administrator' });
    }
    await this.users.recordSuccessfulLogin(user.id, now);
    await this.audit.record({ actor: user.username, role: user.role, ip, action: 'auth.login', target: `user:${user.id}` });
    return this.issue(user);
  }

  async logout(scope: AccessScope): Promise<void> {
    await this.users.bumpTokenVersion(scope.user.id, new Date());
    await this.audit.record({ scope, action: 'auth.logout', target: `user:${scope.user.id}` });
  }

  async me(scope: AccessScope): Promise<AuthUserResponse> {
    return toAuthUserResponse(await this.current(scope));
  }

  /** Changes the caller's password, ends its other sessions and returns a fresh token. */
  async changePassword(scope: AccessScope, dto: ChangePasswordDto): Promise<LoginResponse> {
    const user = await this.current(scope);
    if (!(await this.hasher.verify(dto.currentPassword, user.passwordHash))) {
      await this.audit.record({ scope, action: 'auth.password_changed', target: `user:${user.id}`, detail: { reason: 'wrong_password' }, outcome: 'failure' });
      throw new BadRequestException({ code: 'WRONG_PASSWORD', message: 'the current password is wrong' });
    }
    assertPassword(dto.newPassword, user.username);
    if (dto.newPassword === dto.currentPassword) {
      throw new BadRequestException({ code: 'WEAK_PASSWORD', message: 'the new password must differ from the current one' });
    }
    await this.users.setPassword(user.id, await this.hasher.hash(dto.newPassword), new Date());
    await this.audit.record({ scope, action: 'auth.password_changed', target: `user:${user.id}` });
    return this.issue(await this.current(scope));
  }

  private async current(scope: AccessScope): Promise<UserEntity> {
    const user = await this.users.getById(scope.user.id);
    if (!user) throw new NotFoundException({ code: 'USER_NOT_FOUND', message: 'your account no longer exists' });
    return user;
  }

  private async issue(user: UserEntity): Promise<LoginResponse> {
    const claims: TokenClaims = { sub: user.id, ver: user.tokenVersion };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.expiresIn, algorithm: 'HS256' });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.expiresIn, user: toAuthUserResponse(user) };
  }
}

function lockedError(until: Date): { code: string; message: string; lockedUntil: string } {
  return {
    code: 'ACCOUNT_LOCKED',
    message: `too many failed logins: this account is locked until ${until.toISOString()}`,
    lockedUntil: until.toISOString(),
  };
}
