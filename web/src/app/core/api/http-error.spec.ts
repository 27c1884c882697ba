import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { I18nStore } from '../i18n/i18n.store';
import { errorMessage } from './http-error';

describe(errorMessage.name, () => {
  let i18n: I18nStore;
  beforeEach(() => {
    localStorage.clear();
    i18n = TestBed.inject(I18nStore);
  });

  const http = (status: number, error: unknown): HttpErrorResponse =>
    new HttpErrorResponse({ status, error });

  it('should translate a known API error code', () => {
    expect(
      errorMessage(
        http(401, {
          code: 'INVALID_CREDENTIALS',
          message: 'wrong username or password',
        }),
        i18n,
      ),
    ).toBe('用户名或密码错误。');
  });

  it('should keep the specifics of a validation error after our sentence', () => {
    const msg = errorMessage(
      http(400, {
        code: 'SCHEME_INVALID',
        message: 'weights sum to 79, not 80',
      }),
      i18n,
    );
    expect(msg).toBe('方案参数校验未通过（weights sum to 79, not 80）');
  });

  it('should show the API message for a code we do not know', () => {
    expect(
      errorMessage(
        http(409, { code: 'SOMETHING_NEW', message: 'window is closed' }),
        i18n,
      ),
    ).toBe('window is closed');
  });

  it('should explain a network failure and a route the API does not have yet', () => {
    expect(errorMessage(http(0, null), i18n)).toContain('无法连接服务器');
    expect(
      errorMessage(
        http(404, {
          code: 'NOT_FOUND',
          message: 'Cannot GET /api/certification',
        }),
        i18n,
      ),
    ).toBe('该功能的接口尚未提供。');
  });
});
