import type { AccessScope, AuthUser } from './access-scope';

/**
 * The scope of a signed-in user. A bank_hq without a bank or a branch without a unit (a
 * misconfigured account) gets a scope that matches nothing rather than everything.
 */
export function scopeOf(user: AuthUser, ip: string): AccessScope {
  const all = user.role === 'regulator' || user.role === 'admin';
  return {
    user,
    all,
    bankCode: all ? null : user.bankCode,
    unitCode: user.role === 'branch' ? user.unitCode : null,
    ip,
  };
}

/** A scope for work the system does on its own (scheduled runs, demo seeding, CLI). */
export function systemScope(username = 'system'): AccessScope {
  return scopeOf({ id: 0, username, role: 'admin', bankCode: null, unitCode: null }, 'local');
}
