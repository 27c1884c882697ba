import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { Role } from '@sci/shared';
import { Observable, catchError, map, of, tap } from 'rxjs';
import { AuthApiService } from './auth-api.service';
import type { Session, SessionUser } from './auth.models';

const STORAGE_KEY = 'sci.session';

/**
 * Who is signed in. The token lives in localStorage so a unit opened in a new tab stays signed
 * in; it is dropped on expiry, on sign-out and on the first 401 (see auth.interceptor.ts).
 */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly api = inject(AuthApiService);
  private readonly router = inject(Router);
  private readonly session = signal<Session | null>(readSession());

  readonly user = computed<SessionUser | null>(
    () => this.session()?.user ?? null,
  );
  readonly role = computed<Role | null>(
    () => this.session()?.user.role ?? null,
  );
  readonly token = computed<string | null>(() => this.session()?.token ?? null);

  /** Read at navigation time, so an expired token counts as signed out. */
  isSignedIn(now = Date.now()): boolean {
    const s = this.session();
    return !!s && s.expiresAt > now;
  }

  hasRole(...roles: Role[]): boolean {
    const r = this.role();
    return !!r && roles.includes(r);
  }

  login(username: string, password: string): Observable<SessionUser> {
    return this.api.login(username, password).pipe(
      map((res) => {
        const s: Session = {
          token: res.accessToken,
          expiresAt: Date.now() + Math.max(60, res.expiresIn || 0) * 1000,
          user: res.user,
        };
        this.set(s);
        return s.user;
      }),
    );
  }

  /** Refreshes the user from the API (role or scope may have changed since sign-in). */
  refresh(): Observable<SessionUser | null> {
    if (!this.session()) return of(null);
    return this.api.me().pipe(
      tap((user) => {
        const s = this.session();
        if (s) this.set({ ...s, user: { ...s.user, ...user } });
      }),
      catchError(() => of(null)),
    );
  }

  /** Signs out locally (the token is stateless; the API call only writes the audit entry). */
  logout(opts: { expired?: boolean; returnUrl?: string } = {}): void {
    const hadToken = !!this.session();
    if (hadToken && !opts.expired)
      this.api.logout().subscribe({ error: () => undefined });
    this.set(null);
    const queryParams: Record<string, string> = {};
    if (opts.expired) queryParams['expired'] = '1';
    if (
      opts.returnUrl &&
      opts.returnUrl !== '/' &&
      !opts.returnUrl.startsWith('/login')
    ) {
      queryParams['returnUrl'] = opts.returnUrl;
    }
    void this.router.navigate(['/login'], { queryParams });
  }

  private set(s: Session | null): void {
    this.session.set(s);
    try {
      if (s) localStorage.setItem(STORAGE_KEY, JSON.stringify(s));
      else localStorage.removeItem(STORAGE_KEY);
    } catch {
      // storage unavailable: the session lasts for this page
    }
  }
}

function readSession(): Session | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Session;
    if (!s?.token || !s.user?.role || !(s.expiresAt > Date.now())) return null;
    return s;
  } catch {
    return null;
  }
}
