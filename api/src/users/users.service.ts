import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { passwordProblem } from '@sci/shared';
import type { Role, UserListResponse, UserResponse } from '@sci/shared';
import { AuditService } from '../audit/audit.service';
import type { AccessScope } from '../core/auth/access-scope';
import { UnitScopeRepository } from '../core/auth/unit-scope.repository';
import { CreateUserDto } from './dto/create-user.dto';
import { PasswordHasher } from './password-hasher';
import { toUserResponse } from './user-response';
import type { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

export interface Tenancy {
  bankCode: string | null;
  unitCode: string | null;
}

/** Account administration (admin only) and the rules every account obeys. */
@Injectable()
export class UsersService {
  constructor(
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(PasswordHasher) private readonly hasher: PasswordHasher,
    @Inject(UnitScopeRepository) private readonly units: UnitScopeRepository,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async list(): Promise<UserListResponse> {
    const now = new Date();
    return { items: (await this.users.list()).map((u) => toUserResponse(u, now)) };
  }

  async create(scope: AccessScope, dto: CreateUserDto): Promise<UserResponse> {
    assertPassword(dto.password, dto.username);
    const tenancy = await this.tenancyOf(dto.role, dto.bankCode, dto.unitCode);
    if (await this.users.getByUsername(dto.username)) {
      throw new ConflictException({ code: 'USERNAME_TAKEN', params: { username: dto.username }, message: `username "${dto.username}" is already taken` });
    }
    const user = await this.users.create(
      {
        username: dto.username,
        passwordHash: await this.hasher.hash(dto.password),
        role: dto.role,
        ...tenancy,
        displayName: dto.displayName ?? dto.username,
      },
      new Date(),
    );
    await this.audit.record({
      scope,
      action: 'user.created',
      target: `user:${user.id}`,
      detail: { username: user.username, role: user.role, ...tenancy },
    });
    return toUserResponse(user, new Date());
  }

  async setDisabled(scope: AccessScope, id: number, disabled: boolean): Promise<UserResponse> {
    const user = await this.getOr404(id);
    if (disabled && user.id === scope.user.id) {
      throw new ConflictException({ code: 'CANNOT_DISABLE_SELF', message: 'you cannot disable your own account' });
    }
    await this.users.setDisabled(id, disabled, new Date());
    await this.audit.record({
      scope,
      action: disabled ? 'user.disabled' : 'user.enabled',
      target: `user:${id}`,
      detail: { username: user.username },
    });
    return toUserResponse(await this.getOr404(id), new Date());
  }

  async resetPassword(scope: AccessScope, id: number, password: string): Promise<UserResponse> {
    const user = await this.getOr404(id);
    assertPassword(password, user.username);
    await this.users.setPassword(id, await this.hasher.hash(password), new Date());
    await this.audit.record({ scope, action: 'user.password_reset', target: `user:${id}`, detail: { username: user.username } });
    return toUserResponse(await this.getOr404(id), new Date());
  }

  /**
   * The bank and unit an account of this role carries, checked against the units in the
   * database: bank_hq names a bank (its head unit's code), branch names a unit (its bank follows).
   */
  async tenancyOf(role: Role, bankCode?: string, unitCode?: string): Promise<Tenancy> {
    if (role === 'regulator' || role === 'admin') {
      if (bankCode || unitCode) {
        throw new BadRequestException({ code: 'SCOPE_NOT_ALLOWED', message: `a ${role} sees every bank: give no bankCode or unitCode` });
      }
      return { bankCode: null, unitCode: null };
    }
    if (role === 'bank_hq') {
      if (!bankCode || unitCode) {
        throw new BadRequestException({ code: 'BANK_REQUIRED', message: 'a bank_hq user needs bankCode (and no unitCode)' });
      }
      const head = await this.units.findUnit(bankCode);
      if (!head || head.bankCode !== bankCode) {
        throw new BadRequestException({ code: 'UNKNOWN_BANK', params: { bankCode }, message: `no bank with code "${bankCode}" has been imported` });
      }
      return { bankCode, unitCode: null };
    }
    if (!unitCode) throw new BadRequestException({ code: 'UNIT_REQUIRED', message: 'a branch user needs unitCode' });
    const unit = await this.units.findUnit(unitCode);
    if (!unit) throw new BadRequestException({ code: 'UNKNOWN_UNIT', params: { unitCode }, message: `no unit with code "${unitCode}" has been imported` });
    if (bankCode && bankCode !== unit.bankCode) {
      throw new BadRequestException({ code: 'BANK_MISMATCH', params: { unitCode, unitBank: unit.bankCode, bankCode }, message: `unit "${unitCode}" belongs to bank "${unit.bankCode}", not "${bankCode}"` });
    }
    return { bankCode: unit.bankCode, unitCode };
  }

  private async getOr404(id: number): Promise<UserEntity> {
    const user = await this.users.getById(id);
    if (!user) throw new NotFoundException({ code: 'USER_NOT_FOUND', message: `no user with id ${id}` });
    return user;
  }
}

export function assertPassword(password: string, username?: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new BadRequestException({ code: 'WEAK_PASSWORD', message: problem });
}
