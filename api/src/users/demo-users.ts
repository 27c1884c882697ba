import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Role } from '@sci/shared';
import { UnitScopeRepository } from '../core/auth/unit-scope.repository';
import type { DemoLogin } from '../demo/demo-seeder';
import { PasswordHasher } from './password-hasher';
import { PasswordPolicy } from './password-policy';
import { UsersRepository } from './users.repository';

interface DemoUser {
  username: string;
  password: string;
  role: Role;
  displayName: string;
  bankCode?: string;
  unitCode?: string;
}

/** The demo accounts (also in docs/access.md). Passwords follow the rules: >= 10 chars, letters + digits. */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'regulator', password: 'Supervise-2025', role: 'regulator', displayName: '人民银行山东省分行（演示）' },
  { username: 'admin', password: 'Console-2025x', role: 'admin', displayName: '平台管理员（演示）' },
  { username: 'icbc_hq', password: 'IcbcHead-2025', role: 'bank_hq', bankCode: 'ICBC', displayName: '工商银行山东省分行（演示）' },
  { username: 'qdb_hq', password: 'QdbHead-2025', role: 'bank_hq', bankCode: 'QDB', displayName: '青岛银行（演示）' },
  { username: 'icbc_jinan', password: 'JinanBranch-2025', role: 'branch', unitCode: 'ICBC-370100', displayName: '工商银行济南分行（演示）' },
];

/**
 * The demo-users step of DemoSeeder: creates each demo account whose bank or unit exists in the
 * database (skipping the others), and returns the logins that work, i.e. the demo accounts that
 * still have their demo password (so a password changed since is not printed).
 */
@Injectable()
export class DemoUsersSeeder {
  private readonly logger = new Logger('DemoUsers');

  constructor(
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(PasswordHasher) private readonly hasher: PasswordHasher,
    @Inject(PasswordPolicy) private readonly passwords: PasswordPolicy,
    @Inject(UnitScopeRepository) private readonly units: UnitScopeRepository,
  ) {}

  async seed(): Promise<DemoLogin[]> {
    const logins: DemoLogin[] = [];
    for (const d of DEMO_USERS) {
      const problem = this.passwords.problem(d.password, d.username);
      if (problem) throw new Error(`demo user ${d.username}: ${problem.en}`);
      let user = await this.users.getByUsername(d.username);
      if (!user) {
        const tenancy = await this.tenancy(d);
        if (!tenancy) {
          this.logger.log(`demo user ${d.username} skipped: unit ${d.unitCode ?? d.bankCode} is not in the database`);
          continue;
        }
        user = await this.users.create(
          { username: d.username, passwordHash: await this.hasher.hash(d.password), role: d.role, displayName: d.displayName, ...tenancy },
          new Date(),
        );
      }
      if (user.disabled || !(await this.hasher.verify(d.password, user.passwordHash))) continue;
      logins.push({ username: d.username, password: d.password, role: d.role, scope: describeScope(user.bankCode, user.unitCode) });
    }
    return logins;
  }

  private async tenancy(d: DemoUser): Promise<{ bankCode: string | null; unitCode: string | null } | null> {
    if (d.role === 'bank_hq' && d.bankCode) {
      const head = await this.units.findUnit(d.bankCode);
      return head && head.bankCode === d.bankCode ? { bankCode: d.bankCode, unitCode: null } : null;
    }
    if (d.role === 'branch' && d.unitCode) {
      const unit = await this.units.findUnit(d.unitCode);
      return unit ? { bankCode: unit.bankCode, unitCode: unit.code } : null;
    }
    return d.role === 'regulator' || d.role === 'admin' ? { bankCode: null, unitCode: null } : null;
  }
}

function describeScope(bankCode: string | null, unitCode: string | null): string {
  if (unitCode) return `unit ${unitCode} and below`;
  if (bankCode) return `bank ${bankCode}`;
  return 'all banks';
}
