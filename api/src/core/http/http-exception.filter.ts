import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiErrorResponse, MessageParams } from '@sci/shared';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';

export const CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
  503: 'UNAVAILABLE',
};

/**
 * Every error leaves as { statusCode, code, message }: no stack traces, no SQL.
 * Errors thrown by body-parser (malformed JSON, too large) carry a status and are mapped too.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorResponse {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const r = exception.getResponse();
      if (typeof r === 'object' && r !== null) {
        const o = r as Record<string, unknown>;
        const msg = Array.isArray(o['message']) ? (o['message'] as string[]).join('; ') : String(o['message'] ?? exception.message);
        const { message: _m, code, statusCode: _s, error: _e, params, ...rest } = o;
        return {
          statusCode: status,
          code: typeof code === 'string' ? code : (CODES[status] ?? `HTTP_${status}`),
          message: msg,
          // the values the web fills into its zh-CN / English text of the code
          ...(isParams(params) ? { params } : {}),
          ...(Object.keys(rest).length ? { details: rest } : {}),
        };
      }
      return { statusCode: status, code: CODES[status] ?? `HTTP_${status}`, message: String(r) };
    }
    const e = exception as { status?: number; statusCode?: number; type?: string; message?: string };
    const status = e?.status ?? e?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message =
        e.type === 'entity.parse.failed'
          ? 'request body is not valid JSON'
          : e.type === 'entity.too.large'
            ? 'request body is too large'
            : (e.message ?? 'bad request');
      return { statusCode: status, code: CODES[status] ?? `HTTP_${status}`, message };
    }
    if (exception instanceof QueryFailedError) {
      const mapped = mapDriverError(exception);
      if (mapped) return mapped;
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: 'INTERNAL', message: 'internal error' };
  }
}

const UNIQUE_VIOLATIONS = new Set(['ER_DUP_ENTRY', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);
// Values a validator should have stopped; still the sender's fault, so not a 500.
const BAD_VALUES = new Set(['ER_DATA_TOO_LONG', 'ER_TRUNCATED_WRONG_VALUE', 'ER_WARN_DATA_OUT_OF_RANGE', 'ER_TRUNCATED_WRONG_VALUE_FOR_FIELD']);

function isParams(p: unknown): p is MessageParams {
  return (
    typeof p === 'object' &&
    p !== null &&
    !Array.isArray(p) &&
    Object.values(p).every((v) => typeof v === 'string' || typeof v === 'number')
  );
}

/** Driver errors a request can cause, as client errors. The SQL and the values never leave. */
function mapDriverError(e: QueryFailedError): ApiErrorResponse | null {
  const code = (e.driverError as { code?: string } | undefined)?.code ?? '';
  if (UNIQUE_VIOLATIONS.has(code)) {
    return { statusCode: HttpStatus.CONFLICT, code: 'ALREADY_EXISTS', message: 'a record with the same key already exists' };
  }
  if (BAD_VALUES.has(code)) {
    return { statusCode: HttpStatus.BAD_REQUEST, code: 'BAD_VALUE', message: 'a value is too long or out of range' };
  }
  return null;
}
