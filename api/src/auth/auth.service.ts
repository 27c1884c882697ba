import { BadRequestException, Inject, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AuthUserResponse, LoginResponse } from '@sci/shared';
import { AuditService } from '../audit/audit.service';
import type { AccessScope } from '../core/auth/access-scope';
import { AUTH_CONFIG, AuthConfig } from '../core/auth/auth-config';
import { APP_CONFIG, AppConfig } from '../core/config/app-config';
import { LockoutPolicy, lockoutAccount, LoginLockoutRepository } from '../users/login-lockout.repository';
import { PasswordHasher } from '../users/password-hasher';
import { toAuthUserResponse } from '../users/user-response';
import type { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { PasswordPolicy } from '../users/password-policy';
import { ChangePasswordDto, LoginDto } from './dto/login.dto';
import type { TokenClaims } from './jwt.strategy';
import { expirySeconds } from './token-expiry';


const BAD_CREDENTIALS = { code: 'INVALID_CREDENTIALS', message: 'wrong username or password' };
const DAY_MS = 24 * 3600 * 1000;

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
    @Inject(LoginLockoutRepository) private readonly lockouts: LoginLockoutRepository,
    @Inject(PasswordHasher) private readonly hasher: PasswordHasher,
    @Inject(PasswordPolicy) private readonly passwords: PasswordPolicy,
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(AUTH_CONFIG) private readonly authConfig: AuthConfig,
    @Inject(APP_CONFIG) appConfig: AppConfig,
  ) {
    this.expiresIn = expirySeconds(appConfig.jwtExpiresIn);
  }

  /**
   * Four failures answer the same 401 INVALID_CREDENTIALS after one bcrypt comparison each:
   * unknown name, wrong password, and a locked (name, address) pair — a locked pair compares
   * against a dummy hash and does not even look at the password, so neither the code nor the
   * timing tells a guesser that the account exists or is locked. The lock is per address, so
   * a guesser elsewhere cannot lock the owner out. Only a correct password learns "disabled".
   */
  async login(dto: LoginDto, ip: string): Promise<LoginResponse> {
    const now = new Date();
    const account = lockoutAccount(dto.username);
    const address = ip.slice(0, 64) || 'unknown';
    const [user, lockedUntil] = await Promise.all([this.users.getByUsername(dto.username), this.lockouts.lockedUntil(account, address, now)]);
    const fail = async (reason: string, extra: Record<string, unknown> = {}): Promise<never> => {
      await this.audit.record({
        actor: dto.username,
        role: user?.role ?? null,
        ip,
        action: 'auth.login_failed',
        target: user ? `user:${user.id}` : null,
        detail: { reason, ...extra },
        outcome: 'failure',
      });
      throw new UnauthorizedException(BAD_CREDENTIALS);
    };
    if (lockedUntil) {
      await this.hasher.burn(dto.password);
      return fail('locked', { lockedUntil: lockedUntil.toISOString() });
    }
    const ok = user ? await this.hasher.verify(dto.password, user.passwordHash) : (await this.hasher.burn(dto.password), false);
    if (!user || !ok) {
      const r = await this.lockouts.recordFailure(account, address, now, this.lockoutPolicy());
      return fail(user ? 'wrong_password' : 'unknown_user', r.lockedUntil ? { locked: true, lockedUntil: r.lockedUntil.toISOString() } : {});
    }
    // Checked after the password so that a guess does not learn the account state.
    if (user.disabled) {
      await this.audit.record({ actor: dto.username, role: user.role, ip, action: 'auth.login_failed', target: `user:${user.id}`, detail: { reason: 'disabled' }, outcome: 'failure' });
      throw new UnauthorizedException({ code: 'ACCOUNT_DISABLED', message: 'this account is disabled; ask an administrator' });
    }
    await this.lockouts.clear(account, address);
    await this.users.recordSuccessfulLogin(user.id, now);
    await this.audit.record({ actor: user.username, role: user.role, ip, action: 'auth.login', target: `user:${user.id}` });
    return this.issue(user);
  }

  private lockoutPolicy(): LockoutPolicy {
    const c = this.authConfig;
    return { threshold: c.lockoutThreshold, lockMs: c.lockoutMs, maxLockMs: Math.max(c.lockoutMs, DAY_MS), forgetMs: DAY_MS };
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
    this.passwords.assert(dto.newPassword, user.username);
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

