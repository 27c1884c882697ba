import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { LoginResponse } from '@sci/shared';
import { homePath } from './auth.guards';
import { AuthStore } from './auth.store';

const LOGIN: LoginResponse = {
  accessToken: 'tok',
  tokenType: 'Bearer',
  expiresIn: 60 * 60,
  user: {
    id: 2,
    username: 'icbc_hq',
    displayName: '工行',
    role: 'bank_hq',
    bankCode: 'ICBC',
    unitCode: null,
  },
};

describe(AuthStore.name, () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
  });

  it('should keep the session across a reload until it expires', () => {
    const auth = TestBed.inject(AuthStore);
    auth.login('icbc_hq', 'pw').subscribe();
    TestBed.inject(HttpTestingController)
      .expectOne('/api/auth/login')
      .flush(LOGIN);
    expect(auth.hasRole('bank_hq')).toBe(true);

    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    const again = TestBed.inject(AuthStore);
    expect(again.user()?.bankCode).toBe('ICBC');
    expect(again.isSignedIn()).toBe(true);
    expect(again.isSignedIn(Date.now() + 2 * 3600 * 1000)).toBe(false);
  });

  it('should drop a stored session that has already expired', () => {
    localStorage.setItem(
      'sci.session',
      JSON.stringify({
        token: 't',
        expiresAt: Date.now() - 1,
        user: LOGIN.user,
      }),
    );
    expect(TestBed.inject(AuthStore).user()).toBeNull();
  });
});

describe('homePath', () => {
  it.each([
    [{ role: 'regulator', bankCode: null, unitCode: null }, '/overview'],
    [{ role: 'bank_hq', bankCode: 'ICBC', unitCode: null }, '/banks/ICBC'],
    [
      { role: 'branch', bankCode: 'ICBC', unitCode: 'ICBC-JN' },
      '/units/ICBC-JN',
    ],
    [{ role: 'admin', bankCode: null, unitCode: null }, '/admin'],
  ] as const)('should send %o to %s', (u, path) => {
    expect(homePath({ id: 1, username: 'x', displayName: 'x', ...u })).toBe(
      path,
    );
  });
});
