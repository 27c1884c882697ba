import {
  HttpClient,
  provideHttpClient,
  withInterceptors,
} from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { LoginResponse } from '@sci/shared';
import { authInterceptor } from './auth.interceptor';
import { AuthStore } from './auth.store';

const LOGIN: LoginResponse = {
  accessToken: 'tok-123',
  tokenType: 'Bearer',
  expiresIn: 3600,
  user: {
    id: 1,
    username: 'reg',
    displayName: '监管员',
    role: 'regulator',
    bankCode: null,
    unitCode: null,
  },
};

describe('authInterceptor', () => {
  let http: HttpClient;
  let ctrl: HttpTestingController;
  let auth: AuthStore;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    ctrl = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthStore);
  });

  afterEach(() => ctrl.verify());

  function signIn(): void {
    auth.login('reg', 'pw').subscribe();
    ctrl.expectOne('/api/auth/login').flush(LOGIN);
  }

  it('should send no token before sign-in', () => {
    http.get('/api/periods').subscribe();
    expect(
      ctrl.expectOne('/api/periods').request.headers.has('Authorization'),
    ).toBe(false);
  });

  it('should add the bearer token to API calls after sign-in', () => {
    signIn();
    http.get('/api/periods').subscribe();
    expect(
      ctrl.expectOne('/api/periods').request.headers.get('Authorization'),
    ).toBe('Bearer tok-123');
  });

  it('should never send the token to another origin', () => {
    signIn();
    http.get('https://example.org/api/x').subscribe();
    expect(
      ctrl
        .expectOne('https://example.org/api/x')
        .request.headers.has('Authorization'),
    ).toBe(false);
  });

  it('should sign out and go to the login page on a 401', () => {
    signIn();
    const navigate = jest
      .spyOn(TestBed.inject(Router), 'navigate')
      .mockResolvedValue(true);
    let failed = false;
    http.get('/api/results').subscribe({ error: () => (failed = true) });
    ctrl
      .expectOne('/api/results')
      .flush(
        { code: 'UNAUTHORIZED', message: 'token expired' },
        { status: 401, statusText: 'Unauthorized' },
      );
    expect(failed).toBe(true);
    expect(auth.token()).toBeNull();
    expect(localStorage.getItem('sci.session')).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/login'], {
      queryParams: { expired: '1' },
    });
  });

  it('should leave the session alone when the login itself answers 401', () => {
    let failed = false;
    auth.login('reg', 'wrong').subscribe({ error: () => (failed = true) });
    ctrl
      .expectOne('/api/auth/login')
      .flush(
        { code: 'BAD_CREDENTIALS', message: '用户名或密码错误' },
        { status: 401, statusText: 'Unauthorized' },
      );
    expect(failed).toBe(true);
    expect(auth.isSignedIn()).toBe(false);
  });
});
