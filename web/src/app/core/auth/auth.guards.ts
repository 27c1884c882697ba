import { inject } from '@angular/core';
import { CanMatchFn, Router, UrlTree } from '@angular/router';
import type { Role } from '@sci/shared';
import { AuthStore } from './auth.store';
import type { SessionUser } from './auth.models';

/** Pages behind sign-in: otherwise to /login, remembering where the user wanted to go. */
export const authGuard: CanMatchFn = (_route, segments): boolean | UrlTree => {
  const auth = inject(AuthStore);
  if (auth.isSignedIn()) return true;
  const returnUrl = '/' + segments.map((s) => s.path).join('/');
  return inject(Router).createUrlTree(
    ['/login'],
    returnUrl !== '/' ? { queryParams: { returnUrl } } : {},
  );
};

/** A page for some roles only; others land on their home page instead of a blank one. */
export function roleGuard(...roles: Role[]): CanMatchFn {
  return (): boolean | UrlTree => {
    const auth = inject(AuthStore);
    if (auth.hasRole(...roles)) return true;
    return inject(Router).parseUrl(homePath(auth.user()));
  };
}

/** The landing page of each role. */
export function homePath(user: SessionUser | null): string {
  switch (user?.role) {
    case 'regulator':
      return '/overview';
    case 'bank_hq':
      return user.bankCode
        ? `/banks/${encodeURIComponent(user.bankCode)}`
        : '/ranking';
    case 'branch':
      return user.unitCode
        ? `/units/${encodeURIComponent(user.unitCode)}`
        : '/ranking';
    case 'admin':
      return '/admin';
    default:
      return '/login';
  }
}

/** Redirect of the empty path to the role's home. */
export const homeRedirect = (): string => homePath(inject(AuthStore).user());
