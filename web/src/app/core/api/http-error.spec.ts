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

  it('should fill the params of a code into the text of the current language', () => {
    const err = http(409, {
      code: 'USERNAME_TAKEN',
      params: { username: 'li' },
      message: 'username "li" is already taken',
    });
    expect(errorMessage(err, i18n)).toBe('用户名“li”已被使用。');
    i18n.setLang('en');
    expect(errorMessage(err, i18n)).toBe('The username "li" is taken.');
  });

  it('should render an access refusal in Chinese, not the API English', () => {
    const msg = errorMessage(
      http(404, {
        code: 'UNIT_NOT_FOUND',
        message: 'this unit has no result in the run, or you may not see it',
      }),
      i18n,
    );
    expect(msg).toBe('该机构在本批次中没有结果，或不在您的查看范围内。');
  });

  it('should name the failing fields of a validation error', () => {
    const msg = errorMessage(
      http(400, {
        code: 'VALIDATION_FAILED',
        params: { fields: 'username' },
        message: 'username must be longer than or equal to 3 characters',
      }),
      i18n,
    );
    expect(msg).toBe('输入不合规：username。');
  });

  it('should keep the English specifics of a scheme error in English only', () => {
    const err = http(400, {
      code: 'SCHEME_INVALID',
      message: 'weights sum to 79, not 80',
    });
    expect(errorMessage(err, i18n)).toBe('方案参数校验未通过。');
    i18n.setLang('en');
    expect(errorMessage(err, i18n)).toBe(
      'The scheme parameters are invalid. (weights sum to 79, not 80)',
    );
  });

  it('should never show an unknown English API message in Chinese', () => {
    const err = http(409, {
      code: 'SOMETHING_NEW',
      message: 'window is closed',
    });
    expect(errorMessage(err, i18n)).not.toContain('window');
    i18n.setLang('en');
    expect(errorMessage(err, i18n)).toBe('window is closed');
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
