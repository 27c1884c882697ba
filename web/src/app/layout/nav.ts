import type { Role } from '@sci/shared';
import type { SessionUser } from '../core/auth/auth.models';
import type { MessageKey } from '../core/i18n/i18n.store';

export interface NavItem {
  key: MessageKey;
  icon: string;
  path: string;
}

/**
 * The menu of each role. It mirrors what the API lets the role do; hiding an entry is comfort,
 * not security (the API filters every query by the caller's scope).
 */
export function navFor(user: SessionUser | null): NavItem[] {
  if (!user) return [];
  const items: (NavItem & { roles: Role[] })[] = [
    {
      key: 'nav.overview',
      icon: 'dashboard',
      path: '/overview',
      roles: ['regulator'],
    },
    {
      key: 'nav.ranking',
      icon: 'ordered-list',
      path: '/ranking',
      roles: ['regulator', 'bank_hq', 'branch'],
    },
    {
      key: 'compare.title',
      icon: 'swap',
      path: '/compare',
      roles: ['regulator', 'bank_hq', 'branch'],
    },
    { key: 'nav.banks', icon: 'bank', path: '/banks', roles: ['regulator'] },
    {
      key: 'nav.bank',
      icon: 'bank',
      path: `/banks/${encodeURIComponent(user.bankCode ?? '')}`,
      roles: user.bankCode ? ['bank_hq'] : [],
    },
    {
      key: 'nav.myUnit',
      icon: 'apartment',
      path: `/units/${encodeURIComponent(user.unitCode ?? '')}`,
      roles: user.unitCode ? ['branch'] : [],
    },
    {
      key: 'nav.certification',
      icon: 'safety-certificate',
      path: '/certification',
      roles: ['regulator', 'bank_hq'],
    },
    {
      key: 'nav.signals',
      icon: 'warning',
      path: '/signals',
      roles: ['regulator', 'bank_hq'],
    },
    {
      key: 'nav.quality',
      icon: 'check-circle',
      path: '/quality',
      roles: ['regulator', 'bank_hq'],
    },
    {
      key: 'nav.runs',
      icon: 'history',
      path: '/runs',
      roles: ['regulator', 'admin'],
    },
    {
      key: 'nav.imports',
      icon: 'cloud-upload',
      path: '/imports',
      roles: ['regulator', 'admin'],
    },
    {
      key: 'nav.policyLab',
      icon: 'experiment',
      path: '/policy-lab',
      roles: ['regulator', 'admin'],
    },
    // a regulator manages the regulator and admin accounts there (and reads the audit log)
    {
      key: 'nav.admin',
      icon: 'setting',
      path: '/admin',
      roles: ['admin', 'regulator'],
    },
  ];
  return items
    .filter((i) => i.roles.includes(user.role))
    .map(({ key, icon, path }) => ({ key, icon, path }));
}
