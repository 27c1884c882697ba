import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { AuthStore } from './auth.store';

/**
 * Adds the bearer token to our own API calls only (never to a third-party URL), and turns a 401
 * into a sign-out with a way back to the page the user was on.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const auth = inject(AuthStore);
  const router = inject(Router);
  const isApi = req.url.startsWith('/api/') || req.url.startsWith('api/');
  const token = auth.token();
  const isLogin = req.url.endsWith('/auth/login');
  const authed =
    isApi && token && !isLogin
      ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } })
      : req;
  return next(authed).pipe(
    catchError((err: unknown) => {
      if (
        isApi &&
        !isLogin &&
        err instanceof HttpErrorResponse &&
        err.status === 401 &&
        auth.token()
      ) {
        auth.logout({ expired: true, returnUrl: router.url });
      }
      return throwError(() => err);
    }),
  );
};
