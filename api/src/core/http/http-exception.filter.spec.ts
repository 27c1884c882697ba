import { ArgumentsHost, ConflictException, Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DatabaseOutage } from './database-outage';
import { HttpErrorFilter } from './http-exception.filter';

function respond(exception: unknown, outage?: DatabaseOutage): { status: number; body: Record<string, unknown> } {
  const out = { status: 0, body: {} as Record<string, unknown> };
  const res = {
    setHeader: () => undefined,
    status(s: number) {
      out.status = s;
      return this;
    },
    json(b: Record<string, unknown>) {
      out.body = b;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => res }) } as unknown as ArgumentsHost;
  new HttpErrorFilter(outage).catch(exception, host);
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
    const down = { statusCode: 503, code: 'DATABASE_DOWN', message: 'the database is not reachable; try again in a moment' };

    it.each([
      ['a refused connection (mysql2, raw)', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED' })],
      ['a lost connection (QueryFailedError)', new QueryFailedError('SELECT 1', [], Object.assign(new Error('Connection lost: The server closed the connection.'), { code: 'PROTOCOL_CONNECTION_LOST' }))],
      ['a closed TypeORM pool', new Error('Connection is not established with mysql database')],
      ['a full SQLite disk', new QueryFailedError('INSERT', [], Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))],
    ])('should answer %s with 503 DATABASE_DOWN and no SQL', (_what, err) => {
      expect(respond(err)).toEqual({ status: 503, body: down });
    });

    it('should log one line per outage, not one per request', () => {
      const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      error.mockClear();
      const outage = new DatabaseOutage(() => Promise.reject(new Error('still down')));
      for (let i = 0; i < 5; i++) respond(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), outage);
      outage.stop();
      expect(error).toHaveBeenCalledTimes(1);
      expect(String(error.mock.calls[0][0])).toMatch(/database unavailable \(ECONNREFUSED\)/);
    });

    it('should still answer a plain error as 500 INTERNAL', () => {
      expect(respond(new Error('boom')).status).toBe(500);
    });

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
