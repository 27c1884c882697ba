import { ArgumentsHost, ConflictException, Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { HttpErrorFilter } from './http-exception.filter';

function respond(exception: unknown): { status: number; body: Record<string, unknown> } {
  const out = { status: 0, body: {} as Record<string, unknown> };
  const res = {
    status(s: number) {
      out.status = s;
      return this;
    },
    json(b: Record<string, unknown>) {
      out.body = b;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => res }) } as unknown as ArgumentsHost;
  new HttpErrorFilter().catch(exception, host);
  return out;
}

function driverError(code: string): QueryFailedError {
  const err = Object.assign(new Error(`${code}: Duplicate entry 'ICBC' for key 'PRIMARY'`), { code });
  return new QueryFailedError("INSERT INTO `users` (`username`) VALUES ('secret-value')", ['secret-value'], err);
}

describe(HttpErrorFilter.name, () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  describe('catch', () => {
    it.each(['ER_DUP_ENTRY', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY'])(
      'should answer a %s unique violation with 409 and no SQL',
      (code) => {
        const r = respond(driverError(code));
        expect(r).toEqual({
          status: 409,
          body: { statusCode: 409, code: 'ALREADY_EXISTS', message: 'a record with the same key already exists' },
        });
      },
    );

    it('should answer any other driver error with a bare 500', () => {
      const r = respond(driverError('ER_LOCK_DEADLOCK'));
      expect(r).toEqual({ status: 500, body: { statusCode: 500, code: 'INTERNAL', message: 'internal error' } });
      expect(JSON.stringify(r.body)).not.toMatch(/INSERT|secret-value/);
    });

    it('should answer a too long value with 400', () => {
      expect(respond(driverError('ER_DATA_TOO_LONG')).status).toBe(400);
    });

    it('should keep the stable code of an HttpException', () => {
      const r = respond(new ConflictException({ code: 'USERNAME_TAKEN', message: 'taken' }));
      expect(r).toEqual({ status: 409, body: { statusCode: 409, code: 'USERNAME_TAKEN', message: 'taken' } });
    });

    it('should pass the params of a coded error through, for the web to fill its text', () => {
      const r = respond(new ConflictException({ code: 'USERNAME_TAKEN', params: { username: 'li' }, message: 'taken' }));
      expect(r.body).toEqual({ statusCode: 409, code: 'USERNAME_TAKEN', params: { username: 'li' }, message: 'taken' });
    });

    it('should hide the message of an unexpected error', () => {
      const r = respond(new TypeError("Cannot read properties of undefined (reading 'x') at /app/dist/main.js:10"));
      expect(r.body).toEqual({ statusCode: 500, code: 'INTERNAL', message: 'internal error' });
    });
  });
});
